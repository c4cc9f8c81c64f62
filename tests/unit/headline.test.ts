// The overview headline: which official total is the latest, why nothing is confirmed, and the sentence a visitor repeats.
import { afterEach, describe, expect, it } from 'vitest';
import {
	directionHeadlines,
	latestOfficialTotal,
	noneConfirmedReason,
	type RunningTotal
} from '../../src/lib/domain/headline';
import type { DirectionTotal } from '../../src/lib/domain/round-figures';
import { headlineSentence } from '../../src/lib/format/headline';
import { getLocale, overwriteGetLocale } from '../../src/lib/paraglide/runtime.js';

const total = (overrides: Partial<RunningTotal>): RunningTotal => ({
	claimId: 'c1',
	claimant: 'Coordination Headquarters',
	claimantNameUk: 'Координаційний штаб',
	claimantNameRu: 'Координационный штаб',
	side: 'ukraine',
	statedOn: '2026-03-11',
	counted: 'people_to_ukraine',
	countedDetail: 'Ukrainians returned home',
	countedDetailUk: 'українці, що повернулися додому',
	countedDetailRu: 'украинцы, вернувшиеся домой',
	number: 8050,
	qualifier: 'exact',
	...overrides
});

const sums = (overrides: Partial<DirectionTotal>): DirectionTotal => ({
	confirmed: 2730,
	confirmedRounds: 22,
	partlyConfirmedRounds: 2,
	byParty: { ukraine: { sum: 6738, rounds: 72 }, russia: { sum: 3901, rounds: 32 } },
	roundsWithFigures: 75,
	rounds: 77,
	roundsWithoutFigure: 2,
	roundsCombinedOnly: 0,
	...overrides
});

describe('latestOfficialTotal', () => {
	it.each([
		{ name: 'no totals', totals: [], expected: null },
		{
			name: 'the latest date wins, whatever the number',
			totals: [total({ claimId: 'a', statedOn: '2026-03-06', number: 9000 }), total({ claimId: 'b' })],
			expected: 'b'
		},
		{
			name: 'on one day an exact figure wins over a bound',
			totals: [total({ claimId: 'a', qualifier: 'more_than', number: 8000 }), total({ claimId: 'b' })],
			expected: 'b'
		},
		{
			name: 'only the party itself and only everyone returned in that direction count',
			totals: [
				total({ claimId: 'a', side: 'independent', statedOn: '2026-04-01' }),
				total({ claimId: 'b', counted: 'military_to_ukraine', statedOn: '2026-04-01' }),
				total({ claimId: 'c', counted: 'people_to_russia', statedOn: '2026-04-01' }),
				total({ claimId: 'd' })
			],
			expected: 'd'
		}
	])('$name', ({ totals, expected }) => {
		expect(latestOfficialTotal(totals, 'ukraine', 'to_ukraine')?.claimId ?? null).toBe(expected);
	});
});

describe('noneConfirmedReason', () => {
	it.each([
		{ name: 'something confirmed', total: sums({}), expected: null },
		{
			name: 'only one side gave figures',
			total: sums({
				confirmed: 0,
				confirmedRounds: 0,
				byParty: { ukraine: { sum: 0, rounds: 0 }, russia: { sum: 50, rounds: 3 } }
			}),
			expected: 'no_other_side_figures'
		},
		{
			name: 'both gave figures, never the same',
			total: sums({ confirmed: 0, confirmedRounds: 0 }),
			expected: 'no_matching_figures'
		}
	])('$name', ({ total, expected }) => {
		expect(noneConfirmedReason(total)).toBe(expected);
	});
});

describe('headlineSentence', () => {
	it('names who stated the official total and when, then the sums with their rounds and the confirmed part', () => {
		const [toUkraine] = directionHeadlines([total({})], { to_ukraine: sums({}), to_russia: sums({}) });
		expect(toUkraine && headlineSentence(toUkraine)).toBe(
			"On 11 Mar 2026, Coordination Headquarters gave 8,050 as the number of Ukrainians returned home. The rounds on record add up to 6,738 by Kyiv's own figures (72 rounds) and 3,901 by Moscow's (32 rounds); the figures two sides stated alike add up to 2,730."
		);
	});

	it('says that no official total is on record, and never "0 confirmed"', () => {
		const [, toRussia] = directionHeadlines([], {
			to_ukraine: sums({}),
			to_russia: sums({ confirmed: 0, confirmedRounds: 0 })
		});
		expect(toRussia && headlineSentence(toRussia)).toBe(
			"No official running total of people returned to Russia is on record. The rounds on record add up to 6,738 by Kyiv's own figures (72 rounds) and 3,901 by Moscow's (32 rounds); none is confirmed: no two sides gave the same figure for any round."
		);
	});
});

describe('headlineSentence in Ukrainian and Russian', () => {
	const original = getLocale;
	afterEach(() => overwriteGetLocale(original));
	const sentence = (locale: 'en' | 'uk' | 'ru', kyivRounds: number, moscowRounds: number) => {
		overwriteGetLocale(() => locale);
		const [toUkraine] = directionHeadlines([total({})], {
			to_ukraine: sums({
				byParty: { ukraine: { sum: 10, rounds: kyivRounds }, russia: { sum: 9, rounds: moscowRounds } }
			}),
			to_russia: sums({})
		});
		return toUkraine ? headlineSentence(toUkraine) : '';
	};

	it.each([
		['en', 1, 2, '(1 round)', '(2 rounds)', 'Coordination Headquarters'],
		['uk', 1, 3, '(1 раунд)', '(3 раунди)', 'Координаційний штаб'],
		['uk', 21, 5, '(21 раунд)', '(5 раундів)', 'Координаційний штаб'],
		['ru', 1, 2, '(1 раунд)', '(2 раунда)', 'Координационный штаб'],
		['ru', 22, 11, '(22 раунда)', '(11 раундов)', 'Координационный штаб']
	] as const)(
		'%s: %i and %i rounds counted in their plural forms, the claimant named in the language',
		(locale, kyiv, moscow, kyivText, moscowText, claimant) => {
			const text = sentence(locale, kyiv, moscow);
			expect(text).toContain(kyivText);
			expect(text).toContain(moscowText);
			expect(text).toContain(claimant);
		}
	);
});
