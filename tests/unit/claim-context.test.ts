// Record sums beside a running total, support for statements, the claim index, threads, same-subject statements and offer delivery.
import { seededRandom } from '../../src/lib/seeded-random';
import { describe, expect, it } from 'vitest';
import {
	ClaimIndex,
	offerDelivery,
	offerDirections,
	otherSidesTotals,
	recordSumsUpTo,
	sameSubject,
	supportingClaims,
	supportingIn,
	threadOf,
	type ComparableClaim,
	type LinkedRound,
	type ThreadClaim
} from '../../src/lib/domain/claim-context';
import {
	roundFigures,
	totalsByDirection,
	type ClaimFigure,
	type RoundForTotals
} from '../../src/lib/domain/round-figures';

const figure = (
	side: 'ukraine' | 'russia' | 'mediator',
	counted: ClaimFigure['counted'],
	number: number
): ClaimFigure => ({
	id: `${side}-${number}`,
	claimant: side === 'mediator' ? 'UAE Ministry of Foreign Affairs' : side,
	claimantNameUk: side === 'mediator' ? 'МЗС ОАЕ' : side,
	claimantNameRu: side === 'mediator' ? 'МИД ОАЭ' : side,
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

/** A round as the record sums need it. */
interface DatedRound extends RoundForTotals {
	date: string;
	mediators: string[];
}

/** The record sums' inputs over a list of rounds, newest first: what the server reads of round_totals in SQL. */
function sumRounds(list: readonly DatedRound[]) {
	return {
		mediators: [...new Set(list.flatMap((item) => item.mediators))],
		sumUpTo: (upTo: string, mediator: string | null) => {
			const included = list.filter(
				(item) =>
					item.kind !== 'agreement' && item.date <= upTo && (mediator === null || item.mediators.includes(mediator))
			);
			return { rounds: included.length, totals: totalsByDirection(included) };
		}
	};
}
const { mediators, sumUpTo } = sumRounds(rounds);

describe('recordSumsUpTo', () => {
	it.each([
		{
			name: 'a Kyiv total is compared with every round up to its day',
			claim: {
				counted: 'people_to_ukraine',
				statedOn: '2024-06-30',
				side: 'ukraine',
				claimant: 'Kyiv',
				claimantNameUk: 'Kyiv',
				claimantNameRu: 'Kyiv'
			},
			expected: { rounds: 3, mediator: null, kyiv: 315, confirmed: 75 }
		},
		{
			name: "a mediator's total only with the rounds it mediated",
			claim: {
				counted: 'people_both_ways',
				statedOn: '2024-07-17',
				side: 'mediator',
				claimant: 'UAE Ministry of Foreign Affairs',
				claimantNameUk: 'UAE Ministry of Foreign Affairs',
				claimantNameRu: 'UAE Ministry of Foreign Affairs'
			},
			expected: { rounds: 3, mediator: 'UAE', kyiv: 305, confirmed: 75 }
		}
	] as const)('$name', ({ claim, expected }) => {
		const sums = recordSumsUpTo(mediators, claim, sumUpTo);
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
			recordSumsUpTo(
				mediators,
				{ counted: 'held_by_russia', statedOn: '2024-07-17', side: 'russia', claimant: 'x' },
				sumUpTo
			)
		).toBeNull();
		expect(
			recordSumsUpTo(
				mediators,
				{ counted: 'military_to_ukraine', statedOn: '2024-07-17', side: 'ukraine', claimant: 'x' },
				sumUpTo
			)
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
			name: 'another kind of statement does not',
			others: [claim({ id: 'b', side: 'ukraine', statement: 'offer' })],
			supported: 0
		},
		{
			name: "two figures counting 'other' are never taken to count the same thing",
			subject: { counted: 'other' },
			others: [claim({ id: 'b', side: 'ukraine', counted: 'other' })],
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
	] as { name: string; subject?: Partial<ComparableClaim>; others: ComparableClaim[]; supported: number }[])(
		'$name',
		({ subject: overrides, others, supported }) => {
			const subject = claim(overrides ?? {});
			expect(supportingClaims(subject, others).length).toBe(supported);
			expect(supportingIn(subject, new ClaimIndex(others)).length).toBe(supported);
		}
	);

	it('a statement without a figure has nothing to support', () => {
		const rebuttal = claim({ number: null, qualifier: null, statement: 'rebuttal' });
		expect(supportingClaims(rebuttal, [claim({ id: 'b', side: 'ukraine' })])).toEqual([]);
	});
});

describe('ClaimIndex', () => {
	// Seeded, so that the comparison below runs on the same claims every time.
	const random = seededRandom(42);
	const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
	const start = Date.parse('2024-01-01T00:00:00Z');
	const claims: ComparableClaim[] = Array.from({ length: 600 }, (_, position): ComparableClaim => {
		const number = random() < 0.1 ? null : 100 + Math.floor(random() * 5) * 10;
		const qualifier = random() < 0.7 ? 'exact' : pick(['at_least', 'more_than', 'about', 'up_to'] as const);
		return {
			id: `c${position}`,
			statedOn: new Date(start + Math.floor(random() * 400) * 86_400_000).toISOString().slice(0, 10),
			side: pick(['ukraine', 'russia', 'mediator', 'independent'] as const),
			statement: pick(['running_total', 'allegation', 'offer', 'rebuttal', 'report'] as const),
			counted: pick(['people_to_ukraine', 'held_by_russia', 'people_each_way'] as const),
			number,
			qualifier: number === null ? null : qualifier
		};
	});
	const index = new ClaimIndex(claims);

	it('finds exactly the support a pass over every claim finds, in the same order', () => {
		for (const claim of claims) {
			expect(supportingIn(claim, index).map((other) => other.id)).toEqual(
				supportingClaims(claim, claims.filter((other) => other.counted === claim.counted).sort(byDate)).map(
					(other) => other.id
				)
			);
		}
	});

	it.each([
		{ name: 'the window includes both ends', date: '2024-03-01', from: '2024-01-31', to: '2024-03-31' },
		{ name: 'across a leap day', date: '2024-02-15', from: '2024-01-16', to: '2024-03-16' }
	])('$name', ({ date, from, to }) => {
		const near = index.near('people_to_ukraine', 'running_total', date);
		const expected = claims
			.filter(
				(claim) =>
					claim.counted === 'people_to_ukraine' &&
					claim.statement === 'running_total' &&
					claim.statedOn >= from &&
					claim.statedOn <= to
			)
			.sort(byDate);
		expect(near.map((claim) => claim.id)).toEqual(expected.map((claim) => claim.id));
	});

	it("finds other sides' running totals of the same thing near a date", () => {
		const total = claims.find((claim) => claim.statement === 'running_total')!;
		for (const other of otherSidesTotals(total, index)) {
			expect(other.side).not.toBe(total.side);
			expect(other.statement).toBe('running_total');
			expect(other.counted).toBe(total.counted);
		}
	});
});

const byDate = (a: ComparableClaim, b: ComparableClaim) =>
	a.statedOn < b.statedOn ? -1 : a.statedOn > b.statedOn ? 1 : 0;

describe('threadOf', () => {
	const node = (id: string, statedOn: string, respondsTo: string | null = null): ThreadClaim => ({
		id,
		claimant: 'x',
		claimantNameUk: 'x',
		claimantNameRu: 'x',
		side: 'russia',
		statement: 'allegation',
		statedOn,
		respondsTo
	});
	const claims = new Map(
		[
			node('allegation', '2025-08-06'),
			node('follow-up', '2025-08-14', 'allegation'),
			node('rebuttal', '2025-08-07', 'allegation'),
			node('reply', '2025-08-09', 'rebuttal'),
			node('unrelated', '2025-08-06'),
			node('loop-a', '2025-01-01', 'loop-b'),
			node('loop-b', '2025-01-02', 'loop-a')
		].map((claim) => [claim.id, claim])
	);
	it.each([
		{
			name: 'an allegation: every answer, answers to answers under the one they answer',
			id: 'allegation',
			answers: [],
			responses: [
				['rebuttal', 1],
				['reply', 2],
				['follow-up', 1]
			]
		},
		{ name: 'an answer to an answer: the chain up', id: 'reply', answers: ['rebuttal', 'allegation'], responses: [] },
		{ name: 'a statement alone', id: 'unrelated', answers: [], responses: [] },
		{ name: 'a loop in the data is followed once', id: 'loop-a', answers: ['loop-b'], responses: [] }
	])('$name', ({ id, answers, responses }) => {
		const thread = threadOf(id, claims);
		expect(thread.answers.map((claim) => claim.id)).toEqual(answers);
		expect(thread.responses.map(({ claim, depth }) => [claim.id, depth])).toEqual(responses);
	});
});

describe('sameSubject', () => {
	const claim = (overrides: Partial<ThreadClaim>): ThreadClaim => ({
		id: 'a',
		claimant: 'Vladimir Medinsky',
		claimantNameUk: 'Володимир Мединський',
		claimantNameRu: 'Владимир Мединский',
		side: 'russia',
		statement: 'allegation',
		statedOn: '2025-08-06',
		respondsTo: null,
		...overrides
	});
	it.each([
		{ name: 'same claimant, same kind, 8 days later', other: claim({ id: 'b', statedOn: '2025-08-14' }), found: true },
		{ name: 'exactly 30 days before', other: claim({ id: 'b', statedOn: '2025-07-07' }), found: true },
		{ name: '31 days later', other: claim({ id: 'b', statedOn: '2025-09-06' }), found: false },
		{
			name: 'another claimant',
			other: claim({
				id: 'b',
				claimant: 'Maria Zakharova',
				claimantNameUk: 'Maria Zakharova',
				claimantNameRu: 'Maria Zakharova'
			}),
			found: false
		},
		{ name: 'another kind of statement', other: claim({ id: 'b', statement: 'offer' }), found: false },
		{ name: 'already in the thread', other: claim({ id: 'in-thread' }), found: false }
	])('$name', ({ other, found }) => {
		const subject = claim({});
		expect(sameSubject(subject, [subject, other], new Set(['in-thread'])).map((c) => c.id)).toEqual(
			found ? [other.id] : []
		);
	});
});

describe('offerDelivery', () => {
	const stage = (id: string, date: string, kyiv: number | null, moscow: number | null, kind = 'pow_exchange') =>
		({
			id,
			date,
			reason: null,
			kind,
			figures: roundFigures([
				...(kyiv === null ? [] : [{ ...figure('ukraine', 'people_to_ukraine', kyiv), id: `${id}-k` }]),
				...(moscow === null ? [] : [{ ...figure('russia', 'people_each_way', moscow), id: `${id}-m` }])
			])
		}) as LinkedRound;
	const linked = [
		stage('b', '2025-10-02', null, 185),
		stage('a', '2025-08-24', 146, 146),
		stage('bodies', '2025-09-18', null, null, 'bodies_repatriation')
	];
	it.each([
		{
			name: 'an offer per side: people rounds only, oldest first, each side by its own figures',
			counted: 'people_each_way',
			expected: { rounds: ['a', 'b'], lastDate: '2025-10-02', perSide: true, kyiv: [146, 1], moscow: [331, 2] }
		},
		{
			name: 'an offer of bodies: no body figure, but the repatriation is the one round',
			counted: 'bodies_each_way',
			expected: { rounds: ['bodies'], lastDate: '2025-09-18', perSide: true, kyiv: [0, 0], moscow: [0, 0] }
		}
	] as const)('$name', ({ counted, expected }) => {
		const delivery = offerDelivery({ counted }, linked)!;
		const { toUkraine } = delivery;
		expect({
			rounds: delivery.rounds.map((round) => round.id),
			lastDate: delivery.lastDate,
			perSide: delivery.perSide,
			kyiv: [toUkraine.byParty.ukraine.sum, toUkraine.byParty.ukraine.rounds],
			moscow: [toUkraine.byParty.russia.sum, toUkraine.byParty.russia.rounds]
		}).toEqual(expected);
	});

	it('is null without a linked round of its population', () => {
		expect(offerDelivery({ counted: 'people_each_way' }, [])).toBeNull();
		expect(offerDelivery({ counted: 'bodies_to_ukraine' }, linked.slice(0, 2))).toBeNull();
	});

	it.each([
		{ counted: 'people_each_way', population: 'people', perSide: true },
		{ counted: 'military_each_way', population: 'people', perSide: true },
		{ counted: 'people_to_ukraine', population: 'people', perSide: false },
		{ counted: 'other', population: 'people', perSide: false },
		{ counted: 'bodies_each_way', population: 'bodies', perSide: true },
		{ counted: 'bodies_to_russia', population: 'bodies', perSide: false }
	] as const)('an offer counting $counted is measured in $population', ({ counted, population, perSide }) => {
		expect(offerDirections(counted)).toEqual({ population, perSide });
	});
});
