// The correction entity: a suggested change to a record (or a suggested new record), validated field by field.
import { z } from 'zod';
import { ClaimRow, claimColumns } from './claim';
import { httpUrl } from './fields';
import { RoundRow, roundColumns } from './round';
import { SourceRow, sourceColumns } from './source';
import {
	claimantSides,
	countedValues,
	qualifiers,
	roundKinds,
	sourceKinds,
	sourceReliabilities,
	statementKinds
} from './vocabulary';

export const correctionEntities = ['round', 'claim', 'source'] as const;
export const CorrectionEntity = z.enum(correctionEntities);
export type CorrectionEntity = z.infer<typeof CorrectionEntity>;

/** Every entity the dataset holds records of: the ones a suggestion corrects, and claimants, added with a new exchange. */
export const datasetEntities = [...correctionEntities, 'claimant'] as const;
export const DatasetEntity = z.enum(datasetEntities);
export type DatasetEntity = z.infer<typeof DatasetEntity>;

export const correctionKinds = ['change', 'addition'] as const;
export const CorrectionKind = z.enum(correctionKinds);
export type CorrectionKind = z.infer<typeof CorrectionKind>;

/** pending until a maintainer decides; an accepted correction can later be reverted. */
export const correctionStatuses = ['pending', 'accepted', 'rejected', 'reverted'] as const;
export const CorrectionStatus = z.enum(correctionStatuses);
export type CorrectionStatus = z.infer<typeof CorrectionStatus>;

/** Length limits on every free-text input, so that one submission cannot fill the database. */
export const LIMITS = {
	cell: 2000,
	reason: 2000,
	url: 500,
	evidenceUrls: 5,
	email: 254,
	decisionReason: 2000
} as const;

/** The data/*.csv columns of each entity, in file order: the cells a correction can change. */
export const entityColumns = {
	round: roundColumns,
	claim: claimColumns,
	source: sourceColumns
} as const satisfies Record<CorrectionEntity, readonly string[]>;

const rowSchemas = { round: RoundRow, claim: ClaimRow, source: SourceRow } as const;

/** The full-row schema of an entity (the one the dataset build uses). */
export function rowSchemaOf(entity: CorrectionEntity): z.ZodType {
	return rowSchemas[entity];
}

/** Every column except the id: ids are permanent and never corrected. */
export function editableFields(entity: CorrectionEntity): readonly string[] {
	return entityColumns[entity].filter((column) => column !== 'id');
}

/** How a column is typed in the form: the input to show and, for coded columns, the allowed values. */
export type FieldInput =
	| { type: 'date' | 'number' | 'url' | 'text' | 'textarea' | 'list' | 'reference' }
	| { type: 'select'; options: readonly string[] };

const fieldInputs: Record<CorrectionEntity, Record<string, FieldInput>> = {
	round: {
		date: { type: 'date' },
		end_date: { type: 'date' },
		kind: { type: 'select', options: roundKinds },
		kyiv_exchange_number: { type: 'number' },
		mediators: { type: 'list' },
		parent_id: { type: 'reference' },
		summary: { type: 'textarea' },
		summary_uk: { type: 'textarea' },
		summary_ru: { type: 'textarea' }
	},
	claim: {
		round_id: { type: 'reference' },
		stated_on: { type: 'date' },
		claimant: { type: 'text' },
		claimant_side: { type: 'select', options: claimantSides },
		statement: { type: 'select', options: statementKinds },
		counted: { type: 'select', options: countedValues },
		counted_detail: { type: 'textarea' },
		counted_detail_uk: { type: 'textarea' },
		counted_detail_ru: { type: 'textarea' },
		number: { type: 'number' },
		qualifier: { type: 'select', options: qualifiers },
		source_ids: { type: 'list' },
		responds_to: { type: 'reference' },
		note: { type: 'textarea' }
	},
	source: {
		url: { type: 'url' },
		outlet: { type: 'text' },
		title: { type: 'text' },
		published_on: { type: 'date' },
		accessed_on: { type: 'date' },
		kind: { type: 'select', options: sourceKinds },
		language: { type: 'text' },
		archive_url: { type: 'url' },
		reliability: { type: 'select', options: sourceReliabilities },
		note: { type: 'textarea' }
	}
};

/** The form input for one column of an entity. */
export function fieldInput(entity: CorrectionEntity, field: string): FieldInput {
	return fieldInputs[entity][field] ?? { type: 'text' };
}

/** Checks one proposed CSV cell with the column's own schema, so the form and the build agree on what is valid. */
export function checkCell(entity: CorrectionEntity, field: string, cell: string): string | null {
	const shape = (rowSchemas[entity] as z.ZodObject).shape as Record<string, z.ZodType>;
	const schema = shape[field];
	if (!schema || field === 'id') return 'this field cannot be corrected';
	if (cell.length > LIMITS.cell) return `at most ${LIMITS.cell} characters`;
	const result = schema.safeParse(cell);
	if (result.success) return null;
	const issue = result.error.issues[0];
	return issue ? issueMessage(issue) : 'invalid value';
}

/** A readable message for a zod issue on one cell. */
export function issueMessage(issue: z.core.$ZodIssue): string {
	if (issue.code === 'invalid_union') {
		// Optional columns are "empty, or valid": report why the non-empty value is not valid.
		const inner = issue.errors.flat();
		const other = inner.find((candidate) => candidate.code !== 'invalid_value');
		if (other) return issueMessage(other);
		// An optional coded column ("empty, or one of these"): the problem is the value, so name the choices.
		const choices = inner.flatMap((candidate) =>
			candidate.code === 'invalid_value' ? candidate.values.filter((value) => value !== '') : []
		);
		if (choices.length > 0) return `expected one of: ${choices.join(', ')}`;
	}
	if (issue.code === 'invalid_value') return `expected one of: ${issue.values.join(', ')}`;
	return issue.message;
}

/**
 * A suggested claim may come with the page it was read on: its source columns are proposed under this prefix
 * (`source:url`, `source:outlet`…), and approval adds both records, because a source must support a claim.
 */
export const NEW_SOURCE_PREFIX = 'source:';

const evidenceUrl = z.string().trim().max(LIMITS.url, `each link at most ${LIMITS.url} characters`).pipe(httpUrl);

/** What every suggestion carries besides its proposal: why, the evidence, an optional contact, and the honeypot. */
export const SuggestionEnvelope = z.object({
	reason: z
		.string()
		.trim()
		.min(1, 'Say why the record should change.')
		.max(LIMITS.reason, `At most ${LIMITS.reason} characters.`),
	evidence_urls: z
		.array(evidenceUrl)
		.min(1, 'Give at least one link to evidence (http or https).')
		.max(LIMITS.evidenceUrls, `At most ${LIMITS.evidenceUrls} links.`),
	contact_email: z.union([
		z.literal(''),
		z.email('Not an email address.').max(LIMITS.email, `At most ${LIMITS.email} characters.`)
	]),
	website: z.literal('', { error: 'This field must be left empty.' })
});
export type SuggestionEnvelope = z.infer<typeof SuggestionEnvelope>;

/**
 * A suggestion as submitted through the form. `proposal` maps columns to proposed CSV cells; the honeypot
 * `website` is a field people never see, so anything in it marks the submission as automated.
 */
export const Suggestion = SuggestionEnvelope.extend({
	kind: CorrectionKind,
	entity: CorrectionEntity,
	record_id: z.string().max(100).nullable(),
	proposal: z.record(z.string(), z.string())
}).superRefine((suggestion, context) => {
	if (suggestion.kind === 'change' && !suggestion.record_id) {
		context.addIssue({ code: 'custom', path: ['record_id'], message: 'Which record should change?' });
	}
	const fields = Object.keys(suggestion.proposal);
	if (suggestion.kind === 'change' && fields.length === 0) {
		context.addIssue({ code: 'custom', path: ['proposal'], message: 'Propose a new value for at least one field.' });
	}
	const allowed = editableFields(suggestion.entity);
	const withNewSource = suggestion.kind === 'addition' && suggestion.entity === 'claim';
	for (const field of fields) {
		const cell = suggestion.proposal[field] ?? '';
		const sourceField = field.startsWith(NEW_SOURCE_PREFIX) ? field.slice(NEW_SOURCE_PREFIX.length) : null;
		const problem =
			sourceField !== null && withNewSource && editableFields('source').includes(sourceField)
				? checkCell('source', sourceField, cell)
				: allowed.includes(field)
					? checkCell(suggestion.entity, field, cell)
					: 'this field cannot be corrected';
		if (problem) context.addIssue({ code: 'custom', path: ['proposal', field], message: problem });
	}
});
export type Suggestion = z.infer<typeof Suggestion>;

/** A maintainer's decision: approve, reject or revert always carries a reason. */
export const Decision = z.object({
	correction_id: z.coerce.number().int().positive(),
	reason: z
		.string()
		.trim()
		.min(1, 'Give a reason for the decision.')
		.max(LIMITS.decisionReason, `At most ${LIMITS.decisionReason} characters.`)
});
export type Decision = z.infer<typeof Decision>;

/** A correction as stored and shown: the proposal beside the snapshot of what was published when it was made. */
export const CorrectionRecord = z.object({
	id: z.number().int().positive(),
	kind: CorrectionKind,
	entity: CorrectionEntity,
	record_id: z.string().nullable(),
	proposal: z.record(z.string(), z.string()),
	snapshot: z.record(z.string(), z.string()),
	reason: z.string(),
	evidence_urls: z.array(z.string()),
	submitted_at: z.string(),
	status: CorrectionStatus,
	reviewed_by: z.string().nullable(),
	reviewed_at: z.string().nullable(),
	decision_reason: z.string().nullable(),
	conflict: z.string().nullable(),
	/** `exchange`: a new round with its statements and pages, suggested and approved as one (see schemas/exchange). */
	package: z.enum(['exchange']).nullable()
});
export type CorrectionRecord = z.infer<typeof CorrectionRecord>;
