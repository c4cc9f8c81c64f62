// From derived round figures to chart inputs: the mark per direction, running sums and the list of discrepancies.
import { describe, expect, it } from 'vitest';
import {
	cumulativeInput,
	directionMark,
	discrepancyOf,
	disputeEntries,
	timelineEntries,
	timelineRound,
	type ChartRound
} from '../../../src/lib/charts/inputs';
import { roundFigures, type ClaimFigure } from '../../../src/lib/domain/round-figures';

const claim = (
	id: string,
	side: ClaimFigure['claimantSide'],
	counted: ClaimFigure['counted'],
	number: number,
	qualifier: ClaimFigure['qualifier'] = 'exact'
): ClaimFigure => ({
	id,
	claimant: side === 'mediator' ? 'UAE Ministry of Foreign Affairs' : side,
	claimantNameUk: side === 'mediator' ? 'МЗС ОАЕ' : side,
	claimantNameRu: side === 'mediator' ? 'МИД ОАЭ' : side,
	claimantSide: side,
	statement: 'report',
	counted,
	number,
	qualifier
});
const round = (
	id: string,
	date: string,
	claims: ClaimFigure[],
	kind: ChartRound['kind'] = 'pow_exchange'
): ChartRound => ({
	id,
	date,
	kind,
	population: kind === 'bodies_repatriation' ? 'bodies' : 'people',
	figures: roundFigures(claims)
});

const rounds = [
	round('2024-12-30-exchange', '2024-12-30', [
		claim('a', 'ukraine', 'people_to_ukraine', 189),
		claim('b', 'russia', 'people_each_way', 150)
	]),
	round('2025-05-25-exchange', '2025-05-25', [
		claim('c', 'ukraine', 'people_to_ukraine', 303),
		claim('d', 'russia', 'people_each_way', 303)
	]),
	round('2025-06-09-exchange', '2025-06-09', [claim('e', 'ukraine', 'people_to_ukraine', 1000, 'more_than')]),
	round('2025-06-11-bodies', '2025-06-11', [claim('f', 'ukraine', 'bodies_to_ukraine', 1212)], 'bodies_repatriation'),
	round('2025-05-16-agreement', '2025-05-16', [], 'agreement')
];

describe('directionMark', () => {
	it.each([
		{
			name: 'disputed: the range',
			round: 0,
			direction: 'to_ukraine',
			expected: { status: 'disputed', value: 189, low: 150, high: 189, bound: false }
		},
		{
			name: 'announced by one side',
			round: 0,
			direction: 'to_russia',
			expected: { status: 'announced', value: 150, low: 150, high: 150, bound: false }
		},
		{
			name: 'corroborated',
			round: 1,
			direction: 'to_ukraine',
			expected: { status: 'corroborated', value: 303, low: 303, high: 303, bound: false }
		},
		{
			name: 'a bound',
			round: 2,
			direction: 'to_ukraine',
			expected: { status: 'announced', value: 1000, low: 1000, high: 1000, bound: true }
		}
	] as const)('$name', ({ round: index, direction, expected }) => {
		expect(directionMark(rounds[index]!.figures.people[direction])).toMatchObject(expected);
	});

	it('draws nothing without a figure', () => {
		expect(directionMark(rounds[2]!.figures.people.to_russia)).toBeNull();
	});
});

describe('timelineEntries', () => {
	it('keeps people and bodies apart, drops agreements, and orders by date', () => {
		expect(timelineEntries(rounds, 'people').map((item) => item.id)).toEqual([
			'2024-12-30-exchange',
			'2025-05-25-exchange',
			'2025-06-09-exchange'
		]);
		const [bodies] = timelineEntries(rounds, 'bodies');
		expect(bodies && timelineRound(bodies, 'a label')).toMatchObject({
			href: '/rounds/2025-06-11-bodies',
			label: 'a label'
		});
	});
});

describe('cumulativeInput', () => {
	it('adds up Kyiv, Moscow and confirmed figures for people returned to Ukraine, round by round', () => {
		const input = cumulativeInput(rounds, []);
		expect(input.kyiv).toEqual([
			{ date: '2024-12-30', value: 189 },
			{ date: '2025-05-25', value: 492 },
			{ date: '2025-06-09', value: 492 },
			{ date: '2025-06-11', value: 492 }
		]);
		expect(input.moscow.at(-1)).toEqual({ date: '2025-06-11', value: 453 });
		expect(input.confirmed.at(-1)).toEqual({ date: '2025-06-11', value: 303 });
	});
});

describe('discrepancies', () => {
	it('lists disputed directions with each speaker, side and what they counted', () => {
		const entries = disputeEntries(rounds);
		expect(entries).toHaveLength(1);
		const list = entries.map((entry) => discrepancyOf(entry, (claimId) => `detail of ${claimId}`, entry.date));
		expect(list[0]?.label).toBe('2024-12-30');
		expect(list[0]).toMatchObject({ roundId: '2024-12-30-exchange', direction: 'to_ukraine', low: 150, high: 189 });
		expect(list[0]?.figures).toEqual([
			{ speaker: 'Moscow', side: 'russia', value: 150, qualifier: 'exact', counted: 'detail of b' },
			{ speaker: 'Kyiv', side: 'ukraine', value: 189, qualifier: 'exact', counted: 'detail of a' }
		]);
	});

	// A sub-count stated beside the totals (Kyiv's civilians among those returned) is not a rival total: drawn beside
	// the totals it would read as "Kyiv said 2". Only the figures of the disputed scope are the dispute's figures.
	it.each([
		['civilians', 'civilians_to_ukraine', 2],
		['servicemen', 'military_to_ukraine', 140]
	] as const)('leaves out a sub-count of %s stated beside disputed totals', (_name, counted, number) => {
		const withSubCount = [
			round('2024-12-30-exchange', '2024-12-30', [
				claim('a', 'ukraine', 'people_to_ukraine', 189),
				claim('b', 'russia', 'people_each_way', 150),
				claim('c', 'ukraine', counted, number)
			])
		];
		const [entry, ...others] = disputeEntries(withSubCount);
		expect(others).toEqual([]);
		expect(entry).toMatchObject({ low: 150, high: 189 });
		expect(entry?.figures.map((figure) => [figure.claimId, figure.number])).toEqual([
			['b', 150],
			['a', 189]
		]);
	});

	it('counts a voice that gave only servicemen and civilians by their sum, and says what it adds up', () => {
		const [entry] = disputeEntries([
			round('2023-04-03-exchange', '2023-04-03', [
				claim('a', 'ukraine', 'military_to_ukraine', 10),
				claim('b', 'ukraine', 'civilians_to_ukraine', 2),
				claim('c', 'russia', 'people_to_ukraine', 5)
			])
		]);
		expect(entry).toMatchObject({ low: 5, high: 12 });
		expect(entry?.figures.map((figure) => [figure.claimId, figure.number])).toEqual([
			['c', 5],
			['a+b', 12]
		]);
		const discrepancy = entry && discrepancyOf(entry, (claimId) => `detail of ${claimId}`, entry.date);
		expect(discrepancy?.figures.map((figure) => [figure.speaker, figure.value, figure.counted])).toEqual([
			['Moscow', 5, 'detail of c'],
			['Kyiv', 12, '10 servicemen + 2 civilians']
		]);
	});

	// A figure for one part of the day's returns (those in the exchange, or those handed over beside it) is not a rival
	// total: a voice's two parts are drawn as their sum, and a part alone is never drawn against a whole.
	const part = (figure: ClaimFigure, part: 'in_exchange' | 'outside_exchange'): ClaimFigure => ({
		...figure,
		parts: { to_ukraine: part }
	});
	it.each([
		{
			name: "a voice's two parts add up to the other side's whole: no dispute (19 Mar 2025)",
			claims: [
				claim('a', 'ukraine', 'people_to_ukraine', 197),
				part(claim('b', 'russia', 'people_each_way', 175), 'in_exchange'),
				part(claim('c', 'russia', 'military_to_ukraine', 22), 'outside_exchange')
			],
			expected: []
		},
		{
			name: 'a part alone is never drawn against a whole',
			claims: [
				claim('a', 'ukraine', 'people_to_ukraine', 44),
				part(claim('b', 'russia', 'people_to_ukraine', 40), 'in_exchange')
			],
			expected: []
		},
		{
			name: "a sum of parts that differs from the other side's whole is drawn as that sum",
			claims: [
				claim('a', 'ukraine', 'people_to_ukraine', 200),
				part(claim('b', 'russia', 'people_each_way', 175), 'in_exchange'),
				part(claim('c', 'russia', 'military_to_ukraine', 22), 'outside_exchange')
			],
			expected: [
				['Kyiv', 200, 'detail of a'],
				['Moscow', 197, '175 in the exchange + 22 servicemen outside the exchange']
			]
		}
	])('$name', ({ claims, expected }) => {
		const entries = disputeEntries([round('2025-03-19-exchange', '2025-03-19', claims)]);
		expect(
			entries.flatMap((entry) =>
				discrepancyOf(entry, (claimId) => `detail of ${claimId}`, entry.date).figures.map((figure) => [
					figure.speaker,
					figure.value,
					figure.counted
				])
			)
		).toEqual(expected);
	});

	it('draws the sub-counts themselves when the dispute is about the sub-count', () => {
		const [entry] = disputeEntries([
			round('2025-03-19-exchange', '2025-03-19', [
				claim('a', 'ukraine', 'military_to_ukraine', 175),
				claim('b', 'russia', 'military_to_ukraine', 197),
				claim('c', 'ukraine', 'civilians_to_ukraine', 3)
			])
		]);
		expect(entry).toMatchObject({ low: 175, high: 197 });
		expect(entry?.figures.map((figure) => [figure.claimId, figure.number])).toEqual([
			['a', 175],
			['b', 197]
		]);
	});
});
