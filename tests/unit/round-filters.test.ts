// Filtering, sorting and paging the rounds list, and the choices its form offers.
import { describe, expect, it } from 'vitest';
import {
	filterChoices,
	largestGap,
	queryRounds,
	ROUNDS_PAGE_SIZE,
	type FilterableRound
} from '../../src/lib/domain/round-filters';
import { roundFigures, type ClaimFigure } from '../../src/lib/domain/round-figures';
import { RoundFilters } from '../../src/lib/schemas/round-filters';

const figure = (side: 'ukraine' | 'russia', number: number): ClaimFigure => ({
	id: `${side}-${number}`,
	claimant: side,
	claimantNameUk: side,
	claimantNameRu: side,
	claimantSide: side,
	statement: 'report',
	counted: side === 'ukraine' ? 'people_to_ukraine' : 'people_each_way',
	number,
	qualifier: 'exact'
});
const round = (
	id: string,
	date: string,
	kind: FilterableRound['kind'],
	mediators: string[],
	claims: ClaimFigure[]
): FilterableRound => ({
	id,
	date,
	kind,
	mediators,
	population: kind === 'bodies_repatriation' ? 'bodies' : 'people',
	figures: roundFigures(claims)
});
const rounds = [
	round('a', '2024-12-30', 'pow_exchange', ['UAE'], [figure('ukraine', 189), figure('russia', 150)]),
	round('b', '2025-05-25', 'pow_exchange', ['Turkey'], [figure('ukraine', 303), figure('russia', 303)]),
	round('c', '2025-03-19', 'pow_exchange', ['UAE'], [figure('ukraine', 197), figure('russia', 175)]),
	round('d', '2025-06-11', 'bodies_repatriation', [], []),
	round('e', '2025-05-16', 'agreement', ['Turkey'], [])
];
const query = (filters: object) => RoundFilters.parse(filters);

describe('queryRounds', () => {
	it.each([
		{ name: 'no filter: every event, newest first', filters: {}, expected: ['d', 'b', 'c', 'a'] },
		{ name: 'by year', filters: { year: '2025' }, expected: ['d', 'b', 'c'] },
		{ name: 'by kind', filters: { kind: 'bodies_repatriation' }, expected: ['d'] },
		{ name: 'by status in either direction', filters: { status: 'disputed' }, expected: ['c', 'a'] },
		{ name: 'by mediator', filters: { mediator: 'UAE' }, expected: ['c', 'a'] },
		{ name: 'oldest first', filters: { sort: 'date_asc' }, expected: ['a', 'c', 'b', 'd'] },
		{ name: 'largest disagreement first', filters: { sort: 'gap_desc' }, expected: ['a', 'c', 'd', 'b'] },
		{ name: 'filters combine', filters: { year: '2025', status: 'corroborated', mediator: 'Turkey' }, expected: ['b'] },
		{
			name: 'empty form fields mean no filter',
			filters: { year: '', kind: '', status: '', mediator: '' },
			expected: ['d', 'b', 'c', 'a']
		}
	])('$name', ({ filters, expected }) => {
		expect(queryRounds(rounds, query(filters)).rounds.map((item) => item.id)).toEqual(expected);
	});

	it('pages by ROUNDS_PAGE_SIZE and clamps a page past the end', () => {
		const many = Array.from({ length: ROUNDS_PAGE_SIZE + 3 }, (_, index) =>
			round(`r${index}`, `2023-01-${String((index % 28) + 1).padStart(2, '0')}`, 'pow_exchange', [], [])
		);
		expect(queryRounds(many, query({ page: '2' }))).toMatchObject({
			total: ROUNDS_PAGE_SIZE + 3,
			page: 2,
			pageCount: 2
		});
		expect(queryRounds(many, query({ page: '2' })).rounds).toHaveLength(3);
		expect(queryRounds(many, query({ page: '9' })).page).toBe(2);
	});

	it('measures the largest gap between disputed figures', () => {
		expect(rounds.map(largestGap)).toEqual([39, 0, 22, 0, 0]);
	});
});

describe('RoundFilters', () => {
	it.each([{ year: 'abc' }, { kind: 'agreement' }, { status: 'confirmed' }, { sort: 'random' }, { page: '0' }])(
		'refuses %o',
		(filters) => {
			expect(RoundFilters.safeParse(filters).success).toBe(false);
		}
	);
});

describe('filterChoices', () => {
	it('offers the years and mediators present among events', () => {
		expect(filterChoices(rounds)).toEqual({ years: [2025, 2024], mediators: ['Turkey', 'UAE'] });
	});
});
