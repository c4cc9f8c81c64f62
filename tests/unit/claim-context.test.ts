// Record sums beside a running total, and support for statements outside rounds.
import { describe, expect, it } from 'vitest';
import {
	isUnverified,
	recordSumsUpTo,
	supportingClaims,
	type ComparableClaim,
	type DatedRound
} from '../../src/lib/domain/claim-context';
import { roundFigures, type ClaimFigure } from '../../src/lib/domain/round-figures';

const figure = (
	side: 'ukraine' | 'russia' | 'mediator',
	counted: ClaimFigure['counted'],
	number: number
): ClaimFigure => ({
	id: `${side}-${number}`,
	claimant: side === 'mediator' ? 'UAE Ministry of Foreign Affairs' : side,
	claimantSide: side,
	statement: 'report',
	counted,
	number,
	qualifier: 'exact'
});
const round = (date: string, mediators: string[], claims: ClaimFigure[]): DatedRound => ({
	date,
	mediators,
	kind: 'pow_exchange',
	figures: roundFigures(claims)
});
const rounds = [
	round(
		'2024-01-03',
		['UAE'],
		[figure('ukraine', 'people_to_ukraine', 230), figure('russia', 'people_to_russia', 248)]
	),
	round('2024-05-31', ['UAE'], [figure('ukraine', 'people_to_ukraine', 75), figure('russia', 'people_each_way', 75)]),
	round('2024-06-28', ['Vatican'], [figure('ukraine', 'people_to_ukraine', 10)]),
	round('2024-07-17', ['UAE'], [figure('russia', 'people_each_way', 95)])
];

describe('recordSumsUpTo', () => {
	it.each([
		{
			name: 'a Kyiv total is compared with every round up to its day',
			claim: { counted: 'people_to_ukraine', statedOn: '2024-06-30', side: 'ukraine', claimant: 'Kyiv' },
			expected: { rounds: 3, mediator: null, kyiv: 315, confirmed: 75 }
		},
		{
			name: "a mediator's total only with the rounds it mediated",
			claim: {
				counted: 'people_both_ways',
				statedOn: '2024-07-17',
				side: 'mediator',
				claimant: 'UAE Ministry of Foreign Affairs'
			},
			expected: { rounds: 3, mediator: 'UAE', kyiv: 305, confirmed: 75 }
		}
	] as const)('$name', ({ claim, expected }) => {
		const sums = recordSumsUpTo(rounds, claim);
		expect(
			sums && {
				rounds: sums.rounds,
				mediator: sums.mediator,
				kyiv: sums.toUkraine.byParty.ukraine.sum,
				confirmed: sums.toUkraine.confirmed
			}
		).toEqual(expected);
	});

	it('has no comparable sum for people held or servicemen-only totals', () => {
		expect(
			recordSumsUpTo(rounds, { counted: 'held_by_russia', statedOn: '2024-07-17', side: 'russia', claimant: 'x' })
		).toBeNull();
		expect(
			recordSumsUpTo(rounds, { counted: 'military_to_ukraine', statedOn: '2024-07-17', side: 'ukraine', claimant: 'x' })
		).toBeNull();
	});
});

describe('supportingClaims', () => {
	const claim = (overrides: Partial<ComparableClaim>): ComparableClaim => ({
		id: 'a',
		statedOn: '2025-08-06',
		side: 'russia',
		statement: 'allegation',
		counted: 'held_by_russia',
		number: 1000,
		qualifier: 'exact',
		...overrides
	});
	it.each([
		{ name: 'nobody else: unverified', others: [], supported: 0 },
		{ name: 'same side repeating it does not support', others: [claim({ id: 'b' })], supported: 0 },
		{
			name: 'a rebuttal never supports',
			others: [claim({ id: 'b', side: 'ukraine', statement: 'rebuttal' })],
			supported: 0
		},
		{ name: 'another side with the same figure supports', others: [claim({ id: 'b', side: 'ukraine' })], supported: 1 },
		{
			name: 'another side with a consistent bound supports',
			others: [claim({ id: 'b', side: 'ukraine', qualifier: 'at_least', number: 900 })],
			supported: 1
		},
		{
			name: 'an inconsistent bound does not',
			others: [claim({ id: 'b', side: 'ukraine', qualifier: 'more_than', number: 1000 })],
			supported: 0
		},
		{
			name: 'a different thing counted does not',
			others: [claim({ id: 'b', side: 'ukraine', counted: 'other' })],
			supported: 0
		},
		{
			name: 'too far apart in time does not',
			others: [claim({ id: 'b', side: 'ukraine', statedOn: '2025-09-30' })],
			supported: 0
		},
		{
			name: 'within the window does',
			others: [claim({ id: 'b', side: 'ukraine', statedOn: '2025-09-05' })],
			supported: 1
		}
	])('$name', ({ others, supported }) => {
		const subject = claim({});
		const support = supportingClaims(subject, others);
		expect(support.length).toBe(supported);
		expect(isUnverified(subject, support)).toBe(supported === 0);
	});

	it('a statement without a figure is neither supported nor unverified', () => {
		const rebuttal = claim({ number: null, qualifier: null, statement: 'rebuttal' });
		expect(supportingClaims(rebuttal, [claim({ id: 'b', side: 'ukraine' })])).toEqual([]);
		expect(isUnverified(rebuttal, [])).toBe(false);
	});
});
