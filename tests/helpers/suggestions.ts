// Test helper: one suggestion to change a field of a claim, sent through the real form parser and stored anonymously.
import { parseSuggestionForm, readSuggestionForm } from '../../src/lib/server/corrections/form';
import { submitCorrection } from '../../src/lib/server/corrections/store';
import { getDataset } from '../../src/lib/server/db/dataset';
import type { StateDatabase } from '../../src/lib/server/db/state';

/** Suggests `value` for `field` of claim `recordId` as a visitor would; returns the stored correction's id. */
export function suggestClaimChange(
	state: StateDatabase,
	change: { recordId: string; field: string; value: string; reason: string; now: Date }
): number {
	const form = new FormData();
	const fields = {
		kind: 'change',
		entity: 'claim',
		record_id: change.recordId,
		[`field:${change.field}`]: change.value,
		reason: change.reason,
		evidence: 'https://example.org/correction'
	};
	for (const [name, value] of Object.entries(fields)) form.append(name, value);
	const parsed = parseSuggestionForm(readSuggestionForm(form));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	const stored = submitCorrection(state, parsed.suggestion, {
		dataset: getDataset(),
		submittedBy: null,
		submitterHash: null,
		now: change.now
	});
	if (!stored.ok) throw new Error(JSON.stringify(stored.errors));
	return stored.id;
}
