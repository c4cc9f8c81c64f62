// The suggestion form's data: reading a submitted form into the Suggestion schema, with errors keyed by form field.
import { CorrectionEntity, NEW_SOURCE_PREFIX, Suggestion, editableFields } from '../../schemas/correction';
import type { FieldErrors } from './store';

/** What the form sends back to refill itself after an error: every value as typed. */
export interface SuggestionFormValues {
	kind: string;
	entity: string;
	record_id: string;
	fields: Record<string, string>;
	cleared: string[];
	reason: string;
	evidence: string;
	contact_email: string;
	/** The honeypot: people never see it, so it is never sent back. */
	website: string;
}

/** Form names: `field:<column>` for a proposed value, `clear:<column>` to empty a column, plus the plain inputs. */
export function readSuggestionForm(form: FormData): SuggestionFormValues {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	const fields: Record<string, string> = {};
	const cleared: string[] = [];
	for (const [name, value] of form.entries()) {
		if (typeof value !== 'string') continue;
		if (name.startsWith('field:')) fields[name.slice('field:'.length)] = value;
		if (name.startsWith('clear:') && value !== '') cleared.push(name.slice('clear:'.length));
	}
	return {
		kind: text('kind'),
		entity: text('entity'),
		record_id: text('record_id'),
		fields,
		cleared,
		reason: text('reason'),
		evidence: text('evidence'),
		contact_email: text('contact_email').trim(),
		website: text('website')
	};
}

/** Maps a zod issue path to the form field it belongs to. */
function formFieldOf(path: readonly PropertyKey[]): string {
	const [head, next] = path;
	if (head === 'proposal') return next === undefined ? 'proposal' : `field:${String(next)}`;
	if (head === 'evidence_urls') return 'evidence';
	if (head === 'record_id' || head === 'kind' || head === 'entity') return 'record';
	return String(head ?? 'proposal');
}

/**
 * Validates the form with the Suggestion schema. A blank proposed value means "unchanged" for a change;
 * `clear:` asks for an empty cell. Returns the suggestion, or the first message per form field.
 */
export function parseSuggestionForm(
	values: SuggestionFormValues
): { ok: true; suggestion: Suggestion } | { ok: false; errors: FieldErrors } {
	const entity = CorrectionEntity.safeParse(values.entity);
	const columns = entity.success ? editableFields(entity.data) : [];
	const known = (field: string) => columns.includes(field) || field.startsWith(NEW_SOURCE_PREFIX);
	const proposal: Record<string, string> = {};
	for (const [field, cell] of Object.entries(values.fields)) {
		const trimmed = cell.trim();
		if (trimmed !== '') proposal[field] = trimmed;
		else if (!known(field)) proposal[field] = trimmed;
	}
	for (const field of values.cleared) proposal[field] = '';
	const result = Suggestion.safeParse({
		kind: values.kind,
		entity: values.entity,
		record_id: values.record_id === '' ? null : values.record_id,
		proposal,
		reason: values.reason,
		evidence_urls: values.evidence
			.split(/\s+/)
			.map((url) => url.trim())
			.filter((url) => url !== ''),
		contact_email: values.contact_email,
		website: values.website
	});
	if (result.success) return { ok: true, suggestion: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) errors[formFieldOf(issue.path)] ??= issue.message;
	return { ok: false, errors };
}
