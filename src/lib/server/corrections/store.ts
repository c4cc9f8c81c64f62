// Corrections in the state database: submitting (checked against the published record), listing and reading them.
import {
	CorrectionRecord,
	issueMessage,
	NEW_SOURCE_PREFIX,
	rowSchemaOf,
	type CorrectionEntity,
	type CorrectionStatus,
	type Suggestion,
	type SuggestionEnvelope
} from '../../schemas/correction';
import { sideName } from '../../format/figures';
import { m } from '../../paraglide/messages.js';
import type { DatasetDatabase } from '../db/dataset';
import { preparedFor } from '../db/prepared';
import { recordCells } from '../db/queries/records';
import { resolveClaimant } from './claimants';
import { resolveMediators, unknownMediatorsMessage } from './mediators';
import type { StateDatabase } from '../db/state';

/** Form-field name → message, for the form to show beside each field. */
export type FieldErrors = Record<string, string>;

const statements = preparedFor((db: StateDatabase) => ({
	insert: db.prepare<
		[
			string,
			string,
			string | null,
			string,
			string,
			string,
			string,
			string | null,
			string,
			number | null,
			string | null
		],
		unknown
	>(
		`INSERT INTO corrections (kind, entity, record_id, proposal, snapshot, reason, evidence_urls, contact_email, submitted_at, submitted_by, submitter_hash)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	),
	one: db.prepare<[number], StoredCorrection>(`${SELECT_CORRECTION} WHERE c.id = ?`),
	byStatus: db.prepare<[string, number, number], StoredCorrection>(
		`${SELECT_CORRECTION} WHERE c.status = ? ORDER BY c.id DESC LIMIT ? OFFSET ?`
	),
	closed: db.prepare<[number, number], StoredCorrection>(
		`${SELECT_CORRECTION} WHERE c.status <> 'pending' ORDER BY c.reviewed_at DESC, c.id DESC LIMIT ? OFFSET ?`
	),
	ofRecord: db.prepare<[string, string], StoredCorrection>(
		`${SELECT_CORRECTION} WHERE c.entity = ? AND c.record_id = ? ORDER BY c.id DESC`
	),
	counts: db.prepare<[], { status: string; count: number }>(
		'SELECT status, count(*) AS count FROM corrections GROUP BY status'
	),
	ownSuggestion: db.prepare<{ correction: number; maintainer: number }, { own: number }>(
		`SELECT 1 AS own FROM corrections c WHERE c.id = @correction AND (
			c.submitted_by = @maintainer
			OR EXISTS (SELECT 1 FROM maintainer_browsers b
				WHERE b.maintainer_id = @maintainer AND b.submitter_hash = c.submitter_hash)
			OR EXISTS (SELECT 1 FROM maintainers m
				WHERE m.id = @maintainer AND m.email IS NOT NULL AND m.email = c.contact_email COLLATE NOCASE))`
	),
	contact: db.prepare<[number], { contact_email: string | null }>('SELECT contact_email FROM corrections WHERE id = ?'),
	accepted: db.prepare<[number], StoredCorrection>(
		`${SELECT_CORRECTION} WHERE c.status = 'accepted' ORDER BY c.applied_order DESC LIMIT ?`
	)
}));

/** Columns shown publicly: the contact email is never selected for display. */
const SELECT_CORRECTION = `SELECT c.id, c.kind, c.entity, c.record_id, c.proposal, c.snapshot, c.reason, c.evidence_urls,
	c.submitted_at, c.status, m.display_name AS reviewed_by, c.reviewed_at, c.decision_reason, c.conflict,
	p.kind AS package
	FROM corrections c LEFT JOIN maintainers m ON m.id = c.reviewed_by
	LEFT JOIN correction_packages p ON p.correction_id = c.id`;

interface StoredCorrection {
	id: number;
	kind: string;
	entity: string;
	record_id: string | null;
	proposal: string;
	snapshot: string;
	reason: string;
	evidence_urls: string;
	submitted_at: string;
	status: string;
	reviewed_by: string | null;
	reviewed_at: string | null;
	decision_reason: string | null;
	conflict: string | null;
	package: string | null;
}

function toRecord(row: StoredCorrection): CorrectionRecord {
	return CorrectionRecord.parse({
		...row,
		proposal: JSON.parse(row.proposal),
		snapshot: JSON.parse(row.snapshot),
		evidence_urls: JSON.parse(row.evidence_urls)
	});
}

/** Placeholder ids used only to validate a suggested record before it has an id of its own. */
const NEW_RECORD_ID = 'suggested-record';
const NEW_SOURCE_ID = 'suggested-source';

/** The proposal's columns for the record itself, and the columns of the source suggested with a claim. */
export function splitProposal(proposal: Readonly<Record<string, string>>) {
	const own: Record<string, string> = {};
	const newSource: Record<string, string> = {};
	for (const [field, cell] of Object.entries(proposal)) {
		if (field.startsWith(NEW_SOURCE_PREFIX)) newSource[field.slice(NEW_SOURCE_PREFIX.length)] = cell;
		else own[field] = cell;
	}
	return { own, newSource: Object.keys(newSource).length > 0 ? newSource : null };
}

function listCell(text: string | undefined): string[] {
	return (text ?? '')
		.split(';')
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

/** The records a row points at must exist in the published dataset. */
function checkReferences(
	dataset: DatasetDatabase,
	entity: CorrectionEntity,
	cells: Record<string, string>,
	errors: FieldErrors
): void {
	const mustExist = (field: string, target: CorrectionEntity, ids: string[]) => {
		const missing = ids.filter((id) => id !== NEW_SOURCE_ID && recordCells(dataset, target, id) === null);
		if (missing.length > 0)
			errors[`field:${field}`] = m.form_error_no_reference({ entity: target, ids: missing.join(', ') });
	};
	if (entity === 'round') {
		mustExist('parent_id', 'round', listCell(cells.parent_id));
		const { unknown } = resolveMediators(dataset, cells.mediators ?? '');
		if (unknown.length > 0) errors['field:mediators'] = unknownMediatorsMessage(dataset, unknown);
	}
	if (entity === 'claim') {
		mustExist('round_id', 'round', listCell(cells.round_id));
		mustExist('responds_to', 'claim', listCell(cells.responds_to));
		mustExist('source_ids', 'source', listCell(cells.source_ids));
	}
}

/**
 * A claim's claimant, as in the exchange form: the name resolves to a claimant on record (`resolveClaimant`), which
 * gives `claimant_id`, and the side when none is chosen; an id must be a claimant on record, and the side theirs.
 * A new claim whose name is nobody on record is refused; a changed name that is nobody on record (a spelling as a
 * page gives it) keeps the claimant. Returns the cells to propose for `claimant_id` and `claimant_side`.
 */
function resolveClaimCells(
	dataset: DatasetDatabase,
	cells: Record<string, string>,
	proposal: Readonly<Record<string, string>>,
	isNew: boolean,
	errors: FieldErrors
): Record<string, string> {
	const resolved: Record<string, string> = {};
	const name = (proposal.claimant ?? '').trim();
	if (name !== '' && (proposal.claimant_id ?? '') === '') {
		const [match, ...others] = resolveClaimant(dataset, name);
		if (others.length > 0 && match) {
			const ids = [match, ...others].map((claimant) => claimant.id).join(', ');
			errors['field:claimant'] = m.form_error_claimant_ambiguous({ name, ids });
		} else if (match) {
			if (match.id !== cells.claimant_id) resolved.claimant_id = match.id;
		} else if (isNew) {
			errors['field:claimant'] = m.form_error_claimant_unknown({ name });
		}
	}
	const id = resolved.claimant_id ?? cells.claimant_id ?? '';
	if (id === '') return resolved;
	const claimant = recordCells(dataset, 'claimant', id);
	if (!claimant) {
		errors['field:claimant_id'] = m.form_error_no_reference({ entity: 'claimant', ids: id });
	} else if ((cells.claimant_side ?? '') === '') {
		resolved.claimant_side = claimant.side ?? '';
	} else if (cells.claimant_side !== claimant.side) {
		errors['field:claimant_side'] = m.form_error_claimant_side({
			name: claimant.name_en ?? id,
			id,
			side: sideName(claimant.side ?? ''),
			given: sideName(cells.claimant_side ?? '')
		});
	}
	return resolved;
}

/** Runs the entity's full-row schema, so a proposal that would break the record is refused at once. */
function checkRow(
	entity: CorrectionEntity,
	cells: Record<string, string>,
	fieldPrefix: string,
	errors: FieldErrors
): void {
	const result = rowSchemaOf(entity).safeParse(cells);
	if (result.success) return;
	for (const issue of result.error.issues) {
		const column = issue.path.length > 0 ? String(issue.path[0]) : '';
		const key = column ? `field:${fieldPrefix}${column}` : 'proposal';
		errors[key] ??=
			issue.code === 'invalid_type' || cells[column] === '' ? m.form_error_required() : issueMessage(issue);
	}
}

export interface SubmitContext {
	dataset: DatasetDatabase;
	/** The maintainer who suggests it, when logged in (they may not approve it themselves). */
	submittedBy: number | null;
	/** The hash of the suggesting browser's submitter id: a maintainer who logs in from that browser cannot approve it. */
	submitterHash: string | null;
	now: Date;
}

/**
 * Stores a suggestion that passed the form's schema, after checking it against the published record:
 * the record exists, something actually changes, the changed record is still valid, and references resolve.
 * The snapshot keeps the published value of every proposed column, shown beside the proposal.
 */
export function submitCorrection(
	state: StateDatabase,
	suggestion: Suggestion,
	context: SubmitContext
): { ok: true; id: number } | { ok: false; errors: FieldErrors } {
	const errors: FieldErrors = {};
	let proposal: Record<string, string> = { ...suggestion.proposal };
	let snapshot: Record<string, string> = {};
	// A mediator typed by its Ukrainian or Russian name ("ОАЕ") is proposed by the record's ("UAE").
	if (suggestion.entity === 'round' && proposal.mediators !== undefined) {
		proposal.mediators = resolveMediators(context.dataset, proposal.mediators).cell;
	}

	if (suggestion.kind === 'change') {
		const current = recordCells(context.dataset, suggestion.entity, suggestion.record_id ?? '');
		if (!current) return { ok: false, errors: { record: m.form_error_no_record({ entity: suggestion.entity }) } };
		proposal = Object.fromEntries(Object.entries(proposal).filter(([field, cell]) => current[field] !== cell));
		if (Object.keys(proposal).length === 0) {
			return { ok: false, errors: { proposal: m.form_error_unchanged() } };
		}
		if (suggestion.entity === 'claim') {
			Object.assign(proposal, resolveClaimCells(context.dataset, { ...current, ...proposal }, proposal, false, errors));
		}
		snapshot = Object.fromEntries(Object.keys(proposal).map((field) => [field, current[field] ?? '']));
		const changed = { ...current, ...proposal };
		checkRow(suggestion.entity, changed, '', errors);
		checkReferences(context.dataset, suggestion.entity, changed, errors);
	} else {
		const { own, newSource } = splitProposal(proposal);
		const cells: Record<string, string> = { ...own, id: NEW_RECORD_ID };
		if (newSource) {
			checkRow('source', fillColumns('source', { ...newSource, id: NEW_SOURCE_ID }), NEW_SOURCE_PREFIX, errors);
			cells.source_ids = [...listCell(cells.source_ids), NEW_SOURCE_ID].join(';');
		}
		if (suggestion.entity === 'claim' && listCell(cells.source_ids).length === 0) {
			errors['field:source_ids'] = m.form_error_source_needed();
		}
		if (suggestion.entity === 'claim') {
			const resolved = resolveClaimCells(context.dataset, cells, own, true, errors);
			Object.assign(cells, resolved);
			Object.assign(proposal, resolved);
		}
		const unresolved = errors['field:claimant'];
		checkRow(suggestion.entity, fillColumns(suggestion.entity, cells), '', errors);
		// A name that is nobody on record leaves no id: that one problem is the name's, not a second one of the id's.
		if (unresolved) delete errors['field:claimant_id'];
		checkReferences(context.dataset, suggestion.entity, cells, errors);
	}
	if (Object.keys(errors).length > 0) return { ok: false, errors };

	const id = insertSuggestion(state, {
		kind: suggestion.kind,
		entity: suggestion.entity,
		recordId: suggestion.kind === 'change' ? suggestion.record_id : null,
		proposal,
		snapshot,
		envelope: suggestion,
		context
	});
	return { ok: true, id };
}

/** Stores a checked suggestion; returns its number. */
export function insertSuggestion(
	state: StateDatabase,
	row: {
		kind: Suggestion['kind'];
		entity: CorrectionEntity;
		recordId: string | null;
		proposal: Record<string, string>;
		snapshot: Record<string, string>;
		envelope: SuggestionEnvelope;
		context: SubmitContext;
	}
): number {
	const { envelope, context } = row;
	const result = statements(state).insert.run(
		row.kind,
		row.entity,
		row.recordId,
		JSON.stringify(row.proposal),
		JSON.stringify(row.snapshot),
		envelope.reason,
		JSON.stringify(envelope.evidence_urls),
		envelope.contact_email === '' ? null : envelope.contact_email,
		context.now.toISOString(),
		context.submittedBy,
		context.submitterHash
	);
	return Number(result.lastInsertRowid);
}

/** Missing columns are empty cells, as in a CSV row. */
function fillColumns(entity: CorrectionEntity, cells: Record<string, string>): Record<string, string> {
	const shape = (rowSchemaOf(entity) as unknown as { shape: Record<string, unknown> }).shape;
	return Object.fromEntries(Object.keys(shape).map((column) => [column, cells[column] ?? '']));
}

/** One correction as shown publicly, or null. */
export function getCorrection(state: StateDatabase, id: number): CorrectionRecord | null {
	const row = statements(state).one.get(id);
	return row ? toRecord(row) : null;
}

/**
 * Whether a suggestion is the maintainer's own, for the rule that nobody approves their own: they sent it logged in,
 * or from a browser they have logged in from, or it gives their contact address.
 */
export function isOwnSuggestion(state: StateDatabase, correctionId: number, maintainerId: number): boolean {
	return statements(state).ownSuggestion.get({ correction: correctionId, maintainer: maintainerId }) !== undefined;
}

/** The submitter's contact email: for maintainers only, never shown publicly. */
export function contactOf(state: StateDatabase, id: number): string | null {
	return statements(state).contact.get(id)?.contact_email ?? null;
}

/** Accepted corrections, most recently applied first: what a maintainer may revert. */
export function listAccepted(state: StateDatabase, limit = 50): CorrectionRecord[] {
	return statements(state).accepted.all(limit).map(toRecord);
}

/** Corrections with a status, newest first. */
export function listCorrections(
	state: StateDatabase,
	status: CorrectionStatus,
	limit = 200,
	offset = 0
): CorrectionRecord[] {
	return statements(state).byStatus.all(status, limit, offset).map(toRecord);
}

/** Decided corrections (accepted, rejected, reverted), most recently decided first. */
export function listClosedCorrections(state: StateDatabase, limit = 200, offset = 0): CorrectionRecord[] {
	return statements(state).closed.all(limit, offset).map(toRecord);
}

/** Every correction made to one record, newest first. */
export function correctionsOfRecord(state: StateDatabase, entity: CorrectionEntity, id: string): CorrectionRecord[] {
	return statements(state).ofRecord.all(entity, id).map(toRecord);
}

/** How many corrections have each status. */
export function correctionCounts(state: StateDatabase): Record<CorrectionStatus, number> {
	const counts: Record<CorrectionStatus, number> = { pending: 0, accepted: 0, rejected: 0, reverted: 0 };
	for (const row of statements(state).counts.all()) counts[row.status as CorrectionStatus] = row.count;
	return counts;
}
