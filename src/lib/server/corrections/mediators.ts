// Mediators in suggestions: a round credits only mediators on record (data/mediators.csv names each in three languages).
import { formatChoices } from '../../format/locale-formats';
import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';
import type { DatasetDatabase } from '../db/dataset';
import { mediatorWordsOf, recordedMediatorName, recordedMediators } from '../db/queries/rounds';

const listOf = (cell: string) =>
	cell
		.split(';')
		.map((name) => name.trim())
		.filter((name) => name !== '');

/**
 * A mediators cell as typed ("ОАЕ; Туреччина") by the names the record gives them ("UAE;Turkey"), and the names that
 * are no mediator on record. Such a name is refused rather than stored: a mediator's names in Ukrainian and Russian
 * are an editorial decision with the pages they were read on (data/mediators.csv), which a visitor's form cannot make,
 * and a round crediting a mediator without them could not be published (the build refuses it).
 */
export function resolveMediators(dataset: DatasetDatabase, cell: string): { cell: string; unknown: string[] } {
	const known = new Set(recordedMediators(dataset));
	const names = listOf(cell).map((name) => recordedMediatorName(dataset, name));
	return { cell: names.join(';'), unknown: names.filter((name) => !known.has(name)) };
}

/** The mediators on record in the reader's language, as the public pages name them, in that language's order. */
function knownMediators(dataset: DatasetDatabase): string[] {
	const words = mediatorWordsOf(dataset, recordedMediators(dataset));
	const locale = getLocale();
	const names = locale === 'uk' ? words.mediatorsUk : locale === 'ru' ? words.mediatorsRu : words.mediators;
	return [...names].sort((a, b) => a.localeCompare(b, locale));
}

/** The form's refusal of names that are no mediator on record, with the ones on record and how to credit another. */
export function unknownMediatorsMessage(dataset: DatasetDatabase, unknown: readonly string[]): string {
	return m.form_error_unknown_mediator({
		names: formatChoices(unknown, getLocale(), 'conjunction'),
		known: formatChoices(knownMediators(dataset), getLocale(), 'conjunction')
	});
}

/**
 * The mediators a pending correction credits that are no mediator on record (one suggested before the forms refused
 * them, or one whose mediator left data/mediators.csv since): approving it would fail the build.
 */
export function unknownMediatorsOf(dataset: DatasetDatabase, proposal: Readonly<Record<string, string>>): string[] {
	const cell = proposal['round.mediators'] ?? proposal.mediators ?? '';
	return resolveMediators(dataset, cell).unknown;
}
