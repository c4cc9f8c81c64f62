// Maintainers' decisions: approve (apply and publish), reject, revert; the published dataset is data/ plus accepted corrections.
import { renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
	ACCEPTED_META_KEY,
	acceptedList,
	buildDataset,
	datasetFiles,
	OFFER_ROUNDS_FILE,
	FIGURE_PARTS_FILE,
	REMOVED_FILE,
	type DatasetEdit,
	type EditOutcome
} from '../db/build';
import { buildOffThread } from '../db/build-thread';
import { datasetMetaOf, openDataset } from '../db/dataset';
import { DATASET_SCHEMA_VERSION } from '../db/schema';
import { preparedFor } from '../db/prepared';
import type { StateDatabase } from '../db/state';
import { getCorrection, isOwnSuggestion, splitProposal } from './store';
import { unknownMediatorsOf } from './mediators';
import { formatChoices } from '../../format/locale-formats';
import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';
import {
	assignedIdsOf,
	idsOnDataset,
	packageEdits,
	packageOf,
	packageRecords,
	recordAssignedIds,
	type AssignedIds
} from './exchange';
import type { CorrectionEntity, CorrectionRecord, DatasetEntity } from '../../schemas/correction';
import type { RemovedRow } from '../../schemas/removed';

/** Where and how the published dataset is built. */
export interface PublishTarget {
	dataDir: string;
	outPath: string;
	today: string;
	/** Called between the commit and the rename; the interrupted-publish test stops the process there. */
	afterCommit?: () => void;
}

export interface DecisionContext {
	maintainerId: number;
	reason: string;
	now: Date;
	/** When true, a maintainer may approve their own suggestion (an instance run by one person). */
	singleMaintainer: boolean;
}

/** `requested`: a revert of another maintainer's approval, recorded until a second maintainer confirms it. */
/** `incremental`: the new dataset was written into a copy of the published one (only what the decision changed). */
export type DecisionResult =
	{ ok: true; revision: number | null; requested?: boolean; incremental?: boolean } | { ok: false; message: string };

const statements = preparedFor((db: StateDatabase) => ({
	accepted: db.prepare<
		[],
		{
			id: number;
			kind: string;
			entity: string;
			record_id: string;
			proposal: string;
			snapshot: string;
			assigned_ids: string | null;
		}
	>(
		`SELECT c.id, c.kind, c.entity, c.record_id, c.proposal, c.snapshot, p.assigned_ids FROM corrections c
		 LEFT JOIN correction_packages p ON p.correction_id = c.id
		 WHERE c.status = 'accepted' ORDER BY c.applied_order`
	),
	nextOrder: db.prepare<[], { next: number }>('SELECT coalesce(max(applied_order), 0) + 1 AS next FROM corrections'),
	latestRevision: db.prepare<[], { latest: number }>('SELECT coalesce(max(id), 0) AS latest FROM revisions'),
	revertedAdditions: db.prepare<
		[],
		{
			id: number;
			entity: CorrectionEntity;
			record_id: string;
			proposal: string;
			created_at: string;
			reason: string;
			assigned_ids: string | null;
		}
	>(
		// A package's revert is several revisions (one group): its first gives the date and the reason.
		`SELECT c.id, c.entity, c.record_id, c.proposal, r.created_at, r.reason, p.assigned_ids FROM corrections c
		 JOIN revisions r ON r.id = (SELECT min(id) FROM revisions WHERE correction_id = c.id AND action = 'revert')
		 LEFT JOIN correction_packages p ON p.correction_id = c.id
		 WHERE c.kind = 'addition' AND c.status = 'reverted' ORDER BY r.id`
	),
	accept: db.prepare<[number, string, string, number, string, number], { changes: number }>(
		`UPDATE corrections SET status = 'accepted', reviewed_by = ?, reviewed_at = ?, decision_reason = ?,
		 applied_order = ?, record_id = ?, conflict = NULL WHERE id = ? AND status = 'pending'`
	),
	reject: db.prepare<[number, string, string, number], { changes: number }>(
		`UPDATE corrections SET status = 'rejected', reviewed_by = ?, reviewed_at = ?, decision_reason = ?
		 WHERE id = ? AND status = 'pending'`
	),
	markReverted: db.prepare<[number], { changes: number }>(
		`UPDATE corrections SET status = 'reverted', applied_order = NULL, conflict = NULL WHERE id = ? AND status = 'accepted'`
	),
	setConflict: db.prepare<[string | null, number], unknown>('UPDATE corrections SET conflict = ? WHERE id = ?'),
	insertRevision: db.prepare<
		[string, number, number, string, string, string, string, number | null, number | null],
		unknown
	>(
		`INSERT INTO revisions (created_at, maintainer_id, correction_id, action, entity, record_id, reason, requested_by, group_id)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	),
	approver: db.prepare<[number], { reviewed_by: number | null }>('SELECT reviewed_by FROM corrections WHERE id = ?'),
	revertRequest: db.prepare<[number], { requested_by: number; reason: string }>(
		'SELECT requested_by, reason FROM revert_requests WHERE correction_id = ?'
	),
	requestRevert: db.prepare<[number, number, string, string], unknown>(
		'INSERT INTO revert_requests (correction_id, requested_by, requested_at, reason) VALUES (?, ?, ?, ?)'
	),
	dropRevertRequest: db.prepare<[number], unknown>('DELETE FROM revert_requests WHERE correction_id = ?'),
	revertRequests: db.prepare<[], { correction_id: number; requested_by: number; display_name: string; reason: string }>(
		`SELECT r.correction_id, r.requested_by, m.display_name, r.reason
		 FROM revert_requests r JOIN maintainers m ON m.id = r.requested_by`
	),
	insertField: db.prepare<[number, string, string, string], unknown>(
		'INSERT INTO revision_fields (revision_id, field, old_value, new_value) VALUES (?, ?, ?, ?)'
	)
}));

/** The id an added record gets: derived from the correction's number, so it can never collide with data/'s ids. */
export function idForAddition(entity: CorrectionEntity, correctionId: number, cells: Record<string, string>): string {
	if (entity === 'claim') return `cx${correctionId}`;
	if (entity === 'source') return `sx${correctionId}`;
	const suffix: Record<string, string> = {
		pow_exchange: 'exchange',
		bodies_repatriation: 'bodies',
		civilian_release: 'civilians',
		agreement: 'agreement'
	};
	return `${cells.date}-${suffix[cells.kind ?? ''] ?? 'round'}-x${correctionId}`;
}

/** The source suggested together with a claim gets the claim's correction number too. */
export const idForAddedSource = (correctionId: number) => `sx${correctionId}`;

/** The build edits of one accepted correction: one change, or an addition (a claim with its new source is two). */
export function editsOf(correction: {
	id: number;
	kind: string;
	entity: string;
	record_id: string;
	proposal: Record<string, string>;
	snapshot: Record<string, string>;
	/** For an approved package: the ids its records were given. */
	assignedIds?: AssignedIds | null;
}): DatasetEdit[] {
	if (correction.assignedIds)
		return packageEdits(correction.id, packageOf(correction.proposal), correction.assignedIds);
	const entity = correction.entity as CorrectionEntity;
	if (correction.kind === 'change') {
		return [
			{
				correctionId: correction.id,
				kind: 'change',
				entity,
				recordId: correction.record_id,
				cells: correction.proposal,
				previous: correction.snapshot
			}
		];
	}
	const { own, newSource } = splitProposal(correction.proposal);
	const edits: DatasetEdit[] = [];
	if (newSource) {
		const sourceId = idForAddedSource(correction.id);
		edits.push({
			correctionId: correction.id,
			kind: 'addition',
			entity: 'source',
			recordId: sourceId,
			cells: newSource,
			previous: {}
		});
		own.source_ids = [...(own.source_ids ?? '').split(';').filter((id) => id.trim() !== ''), sourceId].join(';');
	}
	edits.push({
		correctionId: correction.id,
		kind: 'addition',
		entity,
		recordId: correction.record_id,
		cells: own,
		previous: {}
	});
	return edits;
}

/** Every accepted correction as build edits, in the order they were approved. */
export function acceptedEdits(state: StateDatabase): DatasetEdit[] {
	return statements(state)
		.accepted.all()
		.flatMap((row) =>
			editsOf({
				...row,
				proposal: JSON.parse(row.proposal),
				snapshot: JSON.parse(row.snapshot),
				assignedIds: row.assigned_ids ? (JSON.parse(row.assigned_ids) as AssignedIds) : null
			})
		);
}

/**
 * Tombstones for records that an accepted suggestion added and a revert removed: their permalinks were public,
 * so they answer 410 with the revert's reason (a claim suggested with its page takes the page's source with it).
 */
export function tombstonesOfReverts(state: StateDatabase): RemovedRow[] {
	return statements(state)
		.revertedAdditions.all()
		.flatMap((row) => {
			const reason = `Added by suggestion #${row.id}, then reverted: ${row.reason}`;
			const tombstone = (entity: DatasetEntity, id: string): RemovedRow => ({
				entity,
				id,
				removed_on: row.created_at.slice(0, 10),
				reason,
				replaced_by: null
			});
			if (row.assigned_ids) {
				const ids = JSON.parse(row.assigned_ids) as AssignedIds;
				return packageRecords(packageOf(JSON.parse(row.proposal)), ids).map((record) =>
					tombstone(record.entity, record.id)
				);
			}
			const withSource = splitProposal(JSON.parse(row.proposal)).newSource !== null;
			return [
				tombstone(row.entity, row.record_id),
				...(withSource ? [tombstone('source', idForAddedSource(row.id))] : [])
			];
		});
}

/** The number of the latest revision (0 before the first). */
export function latestRevision(state: StateDatabase): number {
	return statements(state).latestRevision.get()?.latest ?? 0;
}

class DecisionRefused extends Error {}

/** What the published dataset is built from: the accepted corrections, the tombstones of reverts, the revision. */
interface PublishInputs {
	edits: DatasetEdit[];
	removedByCorrections: RemovedRow[];
	revision: number;
}

function publishInputs(state: StateDatabase): PublishInputs {
	return {
		edits: acceptedEdits(state),
		removedByCorrections: tombstonesOfReverts(state),
		revision: latestRevision(state)
	};
}

/** Where a decision's dataset is built before it is published: beside the published file, named by the process. */
export const stagedPathOf = (outPath: string) => `${outPath}.staged-${process.pid}`;

/** Notes on each accepted correction whether it still applies (a claim added with its source has two outcomes). */
function recordConflicts(state: StateDatabase, outcomes: readonly EditOutcome[]): void {
	const conflicts = new Map<number, string | null>();
	for (const outcome of outcomes) {
		const previous = conflicts.get(outcome.correctionId) ?? null;
		conflicts.set(outcome.correctionId, outcome.result === 'conflict' ? outcome.detail : previous);
	}
	for (const [correctionId, conflict] of conflicts) statements(state).setConflict.run(conflict, correctionId);
}

/** Stores which accepted corrections a rebuild could not apply (the command-line build reports them too). */
export function recordConflictsAfterBuild(state: StateDatabase, outcomes: readonly EditOutcome[]): void {
	state.transaction(() => recordConflicts(state, outcomes))();
}

/** Thrown inside a transaction to roll it back after reading what it would have written. */
const ROLL_BACK = Symbol('roll back');

/** The inputs the dataset would be built from if `apply` were committed: applied, read, rolled back. */
function plannedInputs(state: StateDatabase, apply: () => number | null): PublishInputs {
	let planned: PublishInputs | null = null;
	try {
		state
			.transaction(() => {
				apply();
				planned = publishInputs(state);
				throw ROLL_BACK;
			})
			.immediate();
	} catch (error) {
		if (error !== ROLL_BACK) throw error;
	}
	if (!planned) throw new Error('unreachable: the planned decision was not read');
	return planned;
}

/**
 * The published file as the base of the next one, when the decision only adds edits after those it was built from:
 * it reflects the state database as it is (see `isPublished`), was written by this build, is newer than every file
 * of data/, the tombstones stay the same, and no claimant is added. Null otherwise (a revert, data/ changed, a new
 * claimant): the dataset is built whole.
 */
function publishedBase(
	state: StateDatabase,
	target: PublishTarget,
	planned: PublishInputs
): { path: string; edits: number } | null {
	const current = publishInputs(state);
	const published = datasetMetaOf(target.outPath);
	if (!published || published.schema_version !== String(DATASET_SCHEMA_VERSION)) return null;
	if (published.revision !== String(current.revision)) return null;
	if (published[ACCEPTED_META_KEY] !== acceptedList(current.edits)) return null;
	if (JSON.stringify(planned.removedByCorrections) !== JSON.stringify(current.removedByCorrections)) return null;
	const prefix = planned.edits.slice(0, current.edits.length);
	if (JSON.stringify(prefix) !== JSON.stringify(current.edits)) return null;
	// A new claimant changes what the claims' search documents say of their speaker: rare enough to build whole.
	if (planned.edits.slice(current.edits.length).some((edit) => edit.entity === 'claimant')) return null;
	const builtAt = statSync(target.outPath).mtimeMs;
	const inputs = [...Object.values(datasetFiles), REMOVED_FILE, OFFER_ROUNDS_FILE, FIGURE_PARTS_FILE].map((file) =>
		join(target.dataDir, file)
	);
	if (inputs.some((path) => (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0) >= builtAt)) return null;
	return { path: target.outPath, edits: current.edits.length };
}

/** Decisions that publish run one at a time in this process, so that each builds on the one before. */
let publishing: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
	const run = publishing.then(task, task);
	publishing = run.catch(() => undefined);
	return run;
}

/** How often a decision is planned again when the state database changed while its dataset was being built. */
const PUBLISH_ATTEMPTS = 3;

/**
 * Runs a decision and publishes its dataset without holding up readers: the decision is planned (applied and rolled
 * back, to learn what the dataset will be built from), the dataset is built in steps into a staged file while the
 * server keeps answering, then the decision is committed (only if the state database still gives the same inputs)
 * and the staged file renamed over the published one. A crash between the commit and the rename is repaired at the
 * next start by {@link ensurePublished}.
 */
function decide(
	state: StateDatabase,
	target: PublishTarget,
	apply: () => number | null,
	mustApply: number | null
): Promise<DecisionResult> {
	return oneAtATime(async () => {
		for (let attempt = 0; attempt < PUBLISH_ATTEMPTS; attempt += 1) {
			let planned: PublishInputs;
			try {
				planned = plannedInputs(state, apply);
			} catch (error) {
				if (error instanceof DecisionRefused) return { ok: false, message: error.message };
				throw error;
			}
			const staged = stagedPathOf(target.outPath);
			const result = await buildOffThread({
				dataDir: target.dataDir,
				outPath: staged,
				today: target.today,
				...planned,
				base: publishedBase(state, target, planned) ?? undefined
			});
			const refusal = !result.ok
				? `The dataset would not be valid: ${result.errors.slice(0, 5).join('; ')}`
				: result.edits.find((outcome) => outcome.correctionId === mustApply && outcome.result === 'conflict');
			if (refusal) {
				rmSync(staged, { force: true });
				if (typeof refusal === 'string') return { ok: false, message: refusal };
				const message = `The published record changed since this was suggested: ${refusal.detail}.`;
				// The decision was not made; the note stays so that the queue shows why.
				if (mustApply !== null) statements(state).setConflict.run(message, mustApply);
				return { ok: false, message };
			}
			let revision: number | null = null;
			try {
				state
					.transaction(() => {
						revision = apply();
						if (JSON.stringify(publishInputs(state)) !== JSON.stringify(planned)) throw ROLL_BACK;
						recordConflicts(state, result.edits);
					})
					.immediate();
			} catch (error) {
				rmSync(staged, { force: true });
				if (error === ROLL_BACK) continue;
				if (error instanceof DecisionRefused) return { ok: false, message: error.message };
				throw error;
			}
			target.afterCommit?.();
			renameSync(staged, target.outPath);
			return { ok: true, revision, incremental: result.ok && result.incremental };
		}
		return { ok: false, message: m.review_error_changed_meanwhile() };
	});
}

/** One record's part of a decision: which record, and each field's old and new value. */
interface RevisionPart {
	entity: DatasetEntity;
	recordId: string;
	fields: [string, string, string][];
}

/**
 * Records a decision's revisions: one per record it changed, all with the same reason; the revisions of one decision
 * (a package's round, claims and sources) form one group, named by the first. Returns the first revision's number.
 */
function recordRevisions(
	state: StateDatabase,
	correction: CorrectionRecord,
	action: 'apply' | 'revert',
	parts: readonly RevisionPart[],
	context: DecisionContext,
	request: { requestedBy: number; reason: string } | null = null
): number {
	let group: number | null = null;
	for (const part of parts) {
		const id = recordRevision(state, correction, action, part, context, request, group);
		group ??= id;
	}
	if (group === null) throw new Error('unreachable: a decision without a record');
	return group;
}

function recordRevision(
	state: StateDatabase,
	correction: CorrectionRecord,
	action: 'apply' | 'revert',
	part: RevisionPart,
	context: DecisionContext,
	request: { requestedBy: number; reason: string } | null,
	group: number | null
): number {
	const { recordId, fields } = part;
	const result = statements(state).insertRevision.run(
		context.now.toISOString(),
		context.maintainerId,
		correction.id,
		action,
		part.entity,
		recordId,
		request ? `${request.reason} (confirmed: ${context.reason})` : context.reason,
		request?.requestedBy ?? null,
		group
	);
	const revisionId = Number(result.lastInsertRowid);
	for (const [field, oldValue, newValue] of fields)
		statements(state).insertField.run(revisionId, field, oldValue, newValue);
	return revisionId;
}

/** Approves a pending correction: applies it, records the revision, and publishes the new dataset at once. */
export async function approveCorrection(
	state: StateDatabase,
	target: PublishTarget,
	correctionId: number,
	context: DecisionContext
): Promise<DecisionResult> {
	const correction = getCorrection(state, correctionId);
	if (!correction || correction.status !== 'pending') return { ok: false, message: m.review_error_not_pending() };
	if (!context.singleMaintainer && isOwnSuggestion(state, correctionId, context.maintainerId)) {
		return { ok: false, message: m.review_error_own_suggestion() };
	}
	// A mediator with no names on record would fail the build: said at once, in the reviewer's language, with the way on.
	if (correction.package || correction.entity === 'round') {
		const dataset = openDataset(target.outPath);
		let unknown: string[];
		try {
			unknown = unknownMediatorsOf(dataset, correction.proposal);
		} finally {
			dataset.close();
		}
		if (unknown.length > 0) {
			return {
				ok: false,
				message: m.review_error_unknown_mediator({ names: formatChoices(unknown, getLocale(), 'conjunction') })
			};
		}
	}
	// A package's ids are taken from the dataset as published when the decision runs (decisions run one at a time),
	// once: planning and committing the decision must give the same ids.
	let packageIds: AssignedIds | null = null;
	const idsOfPackage = () => {
		if (packageIds) return packageIds;
		const dataset = openDataset(target.outPath);
		try {
			packageIds = idsOnDataset(dataset, packageOf(correction.proposal));
		} finally {
			dataset.close();
		}
		return packageIds;
	};
	const parts = (): RevisionPart[] => {
		if (correction.package) {
			return packageRecords(packageOf(correction.proposal), idsOfPackage()).map((record) => ({
				entity: record.entity,
				recordId: record.id,
				fields: Object.entries(record.cells)
					.filter(([, cell]) => cell !== '')
					.map(([field, cell]) => [field, '', cell])
			}));
		}
		const recordId =
			correction.kind === 'change'
				? (correction.record_id as string)
				: idForAddition(correction.entity, correction.id, correction.proposal);
		const fields = Object.entries(correction.proposal).map(([field, cell]): [string, string, string] => [
			field,
			correction.snapshot[field] ?? '',
			cell
		]);
		return [{ entity: correction.entity, recordId, fields }];
	};
	return decide(
		state,
		target,
		() => {
			const order = statements(state).nextOrder.get()?.next ?? 1;
			const recordParts = parts();
			const mainRecord = correction.package ? idsOfPackage().round : (recordParts[0]?.recordId ?? '');
			const accepted = statements(state).accept.run(
				context.maintainerId,
				context.now.toISOString(),
				context.reason,
				order,
				mainRecord,
				correctionId
			);
			if (accepted.changes !== 1) throw new DecisionRefused(m.review_error_not_pending());
			if (correction.package) recordAssignedIds(state, correctionId, idsOfPackage());
			return recordRevisions(state, correction, 'apply', recordParts, context);
		},
		correctionId
	);
}

/** Rejects a pending correction with the reviewer's reason; the dataset does not change. */
export function rejectCorrection(state: StateDatabase, correctionId: number, context: DecisionContext): DecisionResult {
	const result = statements(state).reject.run(
		context.maintainerId,
		context.now.toISOString(),
		context.reason,
		correctionId
	);
	return result.changes === 1 ? { ok: true, revision: null } : { ok: false, message: m.review_error_not_pending() };
}

/**
 * Reverts an accepted correction: a revision of its own, restoring the values it replaced, published at once.
 * The maintainer who approved it may revert it alone; anyone else's revert is recorded as a request, and is made when
 * a second maintainer confirms it (by reverting too). SINGLE_MAINTAINER=true lets one maintainer revert alone.
 */
export async function revertCorrection(
	state: StateDatabase,
	target: PublishTarget,
	correctionId: number,
	context: DecisionContext
): Promise<DecisionResult> {
	const correction = getCorrection(state, correctionId);
	if (!correction || correction.status !== 'accepted')
		return { ok: false, message: m.review_error_revert_not_accepted() };
	const alone =
		context.singleMaintainer || statements(state).approver.get(correctionId)?.reviewed_by === context.maintainerId;
	const pending = statements(state).revertRequest.get(correctionId);
	if (pending?.requested_by === context.maintainerId) {
		return { ok: false, message: m.review_error_revert_waits() };
	}
	if (!alone && !pending) {
		statements(state).requestRevert.run(correctionId, context.maintainerId, context.now.toISOString(), context.reason);
		return { ok: true, revision: null, requested: true };
	}
	const request = pending ? { requestedBy: pending.requested_by, reason: pending.reason } : null;
	const assigned = correction.package ? assignedIdsOf(state, correctionId) : null;
	const parts: RevisionPart[] = assigned
		? packageRecords(packageOf(correction.proposal), assigned).map((record) => ({
				entity: record.entity,
				recordId: record.id,
				fields: Object.entries(record.cells)
					.filter(([, cell]) => cell !== '')
					.map(([field, cell]): [string, string, string] => [field, cell, ''])
			}))
		: [
				{
					entity: correction.entity,
					recordId: correction.record_id as string,
					fields: Object.entries(correction.proposal).map(([field, cell]): [string, string, string] => [
						field,
						cell,
						correction.snapshot[field] ?? ''
					])
				}
			];
	return decide(
		state,
		target,
		() => {
			const reverted = statements(state).markReverted.run(correctionId);
			if (reverted.changes !== 1) throw new DecisionRefused(m.review_error_revert_not_accepted());
			statements(state).dropRevertRequest.run(correctionId);
			return recordRevisions(state, correction, 'revert', parts, context, request);
		},
		null
	);
}

/** Reverts waiting for a second maintainer, by correction number: who asked (display name) and why. */
export function revertRequests(state: StateDatabase): Map<number, { requestedBy: number; by: string; reason: string }> {
	return new Map(
		statements(state)
			.revertRequests.all()
			.map((row) => [row.correction_id, { requestedBy: row.requested_by, by: row.display_name, reason: row.reason }])
	);
}

/** Rebuilds the published dataset from data/ and the accepted corrections (at start-up or after data/ changed). */
export function republish(
	state: StateDatabase,
	target: PublishTarget
): { ok: true; conflicts: EditOutcome[] } | { ok: false; errors: string[] } {
	const result = buildDataset({
		dataDir: target.dataDir,
		outPath: target.outPath,
		today: target.today,
		edits: acceptedEdits(state),
		revision: latestRevision(state),
		removedByCorrections: tombstonesOfReverts(state)
	});
	recordConflictsAfterBuild(state, result.edits);
	if (!result.ok) return { ok: false, errors: result.errors };
	return { ok: true, conflicts: result.edits.filter((outcome) => outcome.result === 'conflict') };
}
