// Sentences with markup inside: a message rendered with slot markers is cut back into its text and its slots.
import { describe, expect, it } from 'vitest';
import { sentenceParts, slotInputs } from '../../src/lib/format/slots';
import { m } from '../../src/lib/paraglide/messages.js';

describe('sentenceParts', () => {
	const { round, claims } = slotInputs('round', 'claims');
	it.each([
		['a slot at the end', `About the round of ${round}`, [{ text: 'About the round of ' }, { slot: 'round' }]],
		['a slot at the start', `${round}: about it`, [{ slot: 'round' }, { text: ': about it' }]],
		['a slot alone', round, [{ slot: 'round' }]],
		[
			'two slots',
			`(${claims}; ${round})`,
			[{ text: '(' }, { slot: 'claims' }, { text: '; ' }, { slot: 'round' }, { text: ')' }]
		],
		['no slot', 'Plain text', [{ text: 'Plain text' }]]
	])('%s', (_case, rendered, parts) => {
		expect(sentenceParts(rendered)).toEqual(parts);
	});

	it.each([
		['en', 'About the round of ', ''],
		['uk', 'Раунд, якого стосується: ', ''],
		['ru', 'Раунд, к которому относится: ', '']
	] as const)('the round a statement is about, in %s: the language orders the sentence', (locale, before, after) => {
		const parts = sentenceParts(m.claim_facts_round(slotInputs('round'), { locale }));
		expect(parts).toEqual([{ text: before }, { slot: 'round' }, ...(after ? [{ text: after }] : [])]);
	});

	it.each([
		['en', 1, '(from ', ')'],
		['en', 2, '(from ', ')'],
		['uk', 1, '(заява: ', ')'],
		['uk', 3, '(заяви: ', ')'],
		['ru', 1, '(заявление: ', ')'],
		['ru', 5, '(заявления: ', ')']
	] as const)('the statements behind a party figure, in %s, %i of them', (locale, count, before, after) => {
		const parts = sentenceParts(m.round_party_figure_claims({ count, ...slotInputs('claims') }, { locale }));
		expect(parts).toEqual([{ text: before }, { slot: 'claims' }, { text: after }]);
	});
});
