// The lists read one page in SQL give what the documented rules give over every record: /rounds as domain/round-filters.ts
// filters, sorts and pages every round, /claims as its filters select every statement, and the API's keyset pages, on a synthetic dataset.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confirmationStatuses } from '../../src/lib/domain/confirmation';
import { totalsByDirection } from '../../src/lib/domain/round-figures';
import { matchRounds, queryRounds, type RoundQuery } from '../../src/lib/domain/round-filters';
import type { DateKey, SourceKey } from '../../src/lib/schemas/api-paging';
import { roundSorts } from '../../src/lib/schemas/round-filters';
import { statementSorts, type StatementFilters } from '../../src/lib/schemas/statement-filters';
import { buildDataset } from '../../src/lib/server/db/build';
import { openDataset } from '../../src/lib/server/db/dataset';
import { allClaims, listSources, sourcesAfter } from '../../src/lib/server/db/queries/claims';
import {
	listRounds,
	pageOfRounds,
	roundsAfter,
	roundsFrom,
	selectedTotals,
	type RoundKey
} from '../../src/lib/server/db/queries/rounds';
import { countStatements, statementsAfter, statementsFrom } from '../../src/lib/server/db/queries/statements';
import { writeSyntheticDataset } from '../../src/lib/server/db/synthetic';
import { FIXED_TODAY, realDataDir, temporaryDir } from '../helpers/dataset';

const dir = temporaryDir();
writeSyntheticDataset({ fromDir: realDataDir, toDir: dir, scale: 2, seed: 3 });
const path = join(temporaryDir(), 'x2.sqlite');
const built = buildDataset({ dataDir: dir, outPath: path, today: FIXED_TODAY });
if (!built.ok) throw new Error(built.errors.join('\n'));
const db = openDataset(path);

const product = <T>(...axes: Partial<T>[][]): Partial<T>[] =>
	axes.reduce<Partial<T>[]>((all, axis) => all.flatMap((left) => axis.map((right) => ({ ...left, ...right }))), [{}]);

describe('/rounds read a page at a time', () => {
	const rounds = listRounds(db);
	const queries = product<RoundQuery>(
		[{}, { year: 2024 }, { year: 2025 }],
		[{}, { kind: 'pow_exchange' }, { kind: 'bodies_repatriation' }],
		[{}, ...confirmationStatuses.map((status) => ({ status }))],
		[{}, { mediator: 'UAE' }],
		roundSorts.map((sort) => ({ sort })),
		[{ page: 1 }, { page: 2 }, { page: 10_000 }]
	) as RoundQuery[];

	it.each(queries.filter((_, index) => index % 7 === 0))('%o', (query) => {
		const expected = queryRounds(rounds, query);
		const page = pageOfRounds(db, query);
		expect({ ...page, rounds: page.rounds.map((round) => round.id) }).toEqual({
			...expected,
			rounds: expected.rounds.map((round) => round.id)
		});
		expect(page.rounds).toEqual(expected.rounds);
		expect(selectedTotals(db, query)).toEqual(totalsByDirection(matchRounds(rounds, query)));
	});

	it('are checked over many rounds, pages and filters', () => {
		expect(rounds.length).toBeGreaterThan(200);
		expect(queries.length).toBeGreaterThan(500);
	});
});

describe('/claims read a page at a time', () => {
	const statements = allClaims(db)
		.filter((claim) => claim.roundId === null || claim.statement !== 'report')
		.reverse();
	const claimants = [...new Set(statements.map((claim) => claim.claimantId))].slice(0, 3);
	const filters = product<StatementFilters>(
		[{}, { statement: 'running_total' }, { statement: 'allegation' }, { statement: 'offer' }],
		[{}, { year: 2024 }, { year: 2025 }],
		[{}, ...claimants.map((claimant) => ({ claimant }))],
		statementSorts.map((sort) => ({ sort }))
	) as StatementFilters[];

	it.each(filters)('%o', (filter) => {
		const matching = statements.filter(
			(claim) =>
				(filter.statement === undefined || claim.statement === filter.statement) &&
				(filter.year === undefined || claim.statedOn.startsWith(String(filter.year))) &&
				(filter.claimant === undefined || claim.claimantId === filter.claimant)
		);
		const ordered = filter.sort === 'date_asc' ? matching.reverse() : matching;
		expect(countStatements(db, filter)).toBe(ordered.length);
		for (const offset of [0, 7, ordered.length - 3]) {
			const page = statementsFrom(db, filter, Math.max(0, offset), 5);
			expect(page.map(({ supportCount: _s, responseCount: _r, verdict: _v, ...claim }) => claim)).toEqual(
				ordered.slice(Math.max(0, offset), Math.max(0, offset) + 5)
			);
		}
	});
});

describe("the API's lists walked by their cursors' keys", () => {
	/** Every row of a list read `size` at a time, each page after the last key of the one before. */
	function walk<Row, Key>(read: (after: Key | null, size: number) => { row: Row; key: Key }[], size: number): Row[] {
		const rows: Row[] = [];
		let after: Key | null = null;
		for (;;) {
			const page = read(after, size);
			rows.push(...page.map(({ row }) => row));
			if (page.length < size) return rows;
			after = page.at(-1)!.key;
		}
	}

	it.each(
		product<RoundQuery>(
			[{}, { year: 2024 }, { year: 2025 }],
			[{}, { kind: 'pow_exchange' }],
			[{}, { mediator: 'UAE' }],
			roundSorts.map((sort) => ({ sort }))
		) as RoundQuery[]
	)('rounds %o', (filters) => {
		const walked = walk(
			(after: RoundKey | null, size) =>
				roundsAfter(db, filters, after, size).map(({ round, key }) => ({ row: round.id, key })),
			13
		);
		expect(walked).toEqual(roundsFrom(db, filters, 0, -1).map((round) => round.id));
	});

	it.each(
		product<StatementFilters>(
			[{}, { statement: 'allegation' }],
			[{}, { year: 2024 }, { year: 2025 }],
			statementSorts.map((sort) => ({ sort }))
		) as StatementFilters[]
	)('claims %o', (filters) => {
		const walked = walk(
			(after: DateKey | null, size) =>
				statementsAfter(db, filters, after, size).map((claim) => ({
					row: claim.id,
					key: [claim.statedOn, claim.id] as DateKey
				})),
			17
		);
		expect(walked).toEqual(statementsFrom(db, filters, 0, -1).map((claim) => claim.id));
	});

	it('sources, undated ones included', () => {
		const whole = listSources(db);
		expect(whole.some((source) => source.publishedOn === null)).toBe(true);
		const walked = walk(
			(after: SourceKey | null, size) =>
				sourcesAfter(db, after, size).map((source) => ({
					row: source.id,
					key: [source.outlet, source.publishedOn, source.id] as SourceKey
				})),
			11
		);
		expect(walked).toEqual(whole.map((source) => source.id));
	});

	it.each([
		{ key: ['2031-01-01', 'r'] as DateKey, sort: 'date_desc' as const },
		{ key: ['2001-01-01', 'r'] as DateKey, sort: 'date_asc' as const }
	])('a key beyond the year asked for (%o) gives the year from its start', ({ key, sort }) => {
		const year = { year: 2024, sort };
		expect(roundsAfter(db, year, key, 5).map(({ round }) => round.id)).toEqual(
			roundsFrom(db, year, 0, 5).map((round) => round.id)
		);
		expect(statementsAfter(db, year, key, 5).map((claim) => claim.id)).toEqual(
			statementsFrom(db, year, 0, 5).map((claim) => claim.id)
		);
	});
});
