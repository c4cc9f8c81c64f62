// An approval's update of the chart tables gives, row for row, what rewriting them whole from every event gives.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chartRoundOf, runningSumsOf, type ChartDirection, type ChartRound } from '../../src/lib/charts/inputs';
import { directions, populations, type Direction } from '../../src/lib/domain/round-figures';
import { seededRandom } from '../../src/lib/seeded-random';
import {
	chartInputsOf,
	statedTotalsOf,
	updateChartTables,
	writeChartTables
} from '../../src/lib/server/db/chart-tables';
import { deriveRounds } from '../../src/lib/server/db/queries/rounds';
import { buildInto, realDataDir, temporaryDir } from '../helpers/dataset';

/** The chart tables' rows, each table in its key's order. */
const CHART_TABLES = {
	chart_timeline: 'population, position',
	chart_disputes: 'position',
	chart_sums: 'position',
	chart_stated: 'position',
	chart_facts: 'chart'
};
function chartRows(db: Database.Database) {
	return Object.fromEntries(
		Object.entries(CHART_TABLES).map(([table, key]) => [
			table,
			db.prepare(`SELECT * FROM ${table} ORDER BY ${key}`).all()
		])
	);
}

let published: string;
let db: Database.Database;
beforeAll(() => {
	published = buildInto(realDataDir);
}, 60_000);
afterEach(() => db?.close());

function open(): Database.Database {
	const path = join(temporaryDir(), 'dataset.sqlite');
	copyFileSync(published, path);
	db = new Database(path);
	// A private copy: nothing to keep across a crash.
	db.pragma('synchronous = OFF');
	return db;
}

/** Every event's stored chart input, oldest first. */
function events(): ChartRound[] {
	return db
		.prepare<[], { input: string }>('SELECT input FROM chart_rounds ORDER BY date, round_id')
		.all()
		.map((row) => JSON.parse(row.input) as ChartRound);
}

/** Stores an event's chart input as the build does (what it adds to the running sums beside it). */
function store(round: ChartRound): void {
	const adds = runningSumsOf(round);
	db.prepare(
		'REPLACE INTO chart_rounds (round_id, date, input, kyiv, moscow, confirmed) VALUES (?, ?, ?, ?, ?, ?)'
	).run(round.id, round.date, JSON.stringify(round), adds.kyiv, adds.moscow, adds.confirmed);
}

function shiftDate(date: string, days: number): string {
	const day = new Date(`${date}T00:00:00Z`);
	day.setUTCDate(day.getUTCDate() + days);
	return day.toISOString().slice(0, 10);
}

const statedTotals = () =>
	db
		.prepare<[], { id: string; stated_on: string }>(
			`SELECT id, stated_on FROM claims WHERE statement = 'running_total' AND counted = 'people_to_ukraine'
			   AND number IS NOT NULL ORDER BY stated_on, id`
		)
		.all();

/** What a change touched: its events and claims. */
interface Touched {
	roundIds: string[];
	claimIds: string[];
}

/**
 * Applies `change` to the chart inputs and claims, updates the chart tables from what it touched, and checks them
 * against a rewrite from scratch; returns whether the update wrote anything.
 */
function updateAndCompare(touched: Touched, change: () => void): boolean {
	const before = { rounds: chartInputsOf(db, touched.roundIds), stated: statedTotalsOf(db, touched.claimIds) };
	const rowsBefore = chartRows(db);
	change();
	updateChartTables(db, before, touched);
	const updated = chartRows(db);
	writeChartTables(db);
	expect(updated).toEqual(chartRows(db));
	return JSON.stringify(updated) !== JSON.stringify(rowsBefore);
}

const directionWhere = (test: (direction: ChartDirection) => boolean) =>
	events().flatMap((round) =>
		directions
			.filter((direction) => test(round.figures[round.population][direction]))
			.map((direction) => ({
				round,
				direction
			}))
	);

const kyivExact = () =>
	events().filter((round) => round.figures.people.to_ukraine.byParty.ukraine?.qualifier === 'exact');

/** Moves Kyiv's own figure of returns to Ukraine (and the confirmed one with it, when confirmed). */
function moveKyivFigure(round: ChartRound, by: number): void {
	const { confirmation, byParty } = round.figures.people.to_ukraine;
	byParty.ukraine!.number += by;
	if (confirmation.confirmedNumber !== null) confirmation.confirmedNumber += by;
	for (const figure of confirmation.figures)
		if (figure.side === 'ukraine' && figure.number !== null) figure.number += by;
	store(round);
}

const inputOf = (id: string) => chartInputsOf(db, [id])[0]!;
/** Swaps a direction's figures between two events (each of its own population). */
function swapDirections(a: ChartRound, aDirection: Direction, b: ChartRound, bDirection: Direction): void {
	const kept = a.figures[a.population][aDirection];
	a.figures[a.population][aDirection] = b.figures[b.population][bDirection];
	b.figures[b.population][bDirection] = kept;
	store(a);
	store(b);
}

/** Each kind of change: what it touches (found before it is made), and the change itself. */
const cases: { name: string; moves: boolean; change: () => { touched: Touched; apply: () => void } }[] = [
	{
		name: 'a figure up',
		moves: true,
		change: () => {
			const round = kyivExact()[0]!;
			return { touched: { roundIds: [round.id], claimIds: [] }, apply: () => moveKyivFigure(round, 1000) };
		}
	},
	{
		name: 'a figure down, on the latest event',
		moves: true,
		change: () => {
			const round = kyivExact().at(-1)!;
			return { touched: { roundIds: [round.id], claimIds: [] }, apply: () => moveKyivFigure(round, -1) };
		}
	},
	{
		name: 'a date moved across a month',
		moves: true,
		change: () => {
			const all = events();
			const round = all[Math.floor(all.length / 2)]!;
			return {
				touched: { roundIds: [round.id], claimIds: [] },
				apply: () => store({ ...round, date: shiftDate(round.date, 35) })
			};
		}
	},
	{
		name: "a round's date moved onto another event's day, and another before every event",
		moves: true,
		change: () => {
			const all = events();
			const [early, late] = [all[3]!, all.at(-3)!];
			return {
				touched: { roundIds: [early.id, late.id], claimIds: [] },
				apply: () => {
					store({ ...late, date: all[Math.floor(all.length / 2)]!.date });
					store({ ...early, date: shiftDate(all[0]!.date, -3) });
				}
			};
		}
	},
	{
		name: 'a figure removed and a figure added (an event leaves a timeline, another joins it)',
		moves: true,
		change: () => {
			const marked = directionWhere((direction) => direction.confirmation.status !== 'no_figure')[2]!;
			const unmarked = directionWhere((direction) => direction.confirmation.status === 'no_figure')[0]!;
			return {
				touched: { roundIds: [marked.round.id, unmarked.round.id], claimIds: [] },
				apply: () => swapDirections(marked.round, marked.direction, unmarked.round, unmarked.direction)
			};
		}
	},
	{
		name: 'a dispute appears and another goes',
		moves: true,
		change: () => {
			const disputed = directionWhere((direction) => direction.confirmation.status === 'disputed')[0]!;
			const confirmed = directionWhere((direction) => direction.confirmation.status === 'corroborated').at(-1)!;
			return {
				touched: { roundIds: [disputed.round.id, confirmed.round.id], claimIds: [] },
				apply: () => swapDirections(disputed.round, disputed.direction, confirmed.round, confirmed.direction)
			};
		}
	},
	{
		name: 'disputes of both directions on one day (returns to Ukraine listed first whatever the events)',
		moves: true,
		change: () => {
			const disputed = directionWhere((direction) => direction.confirmation.status === 'disputed')[0]!;
			const figures = disputed.round.figures[disputed.round.population][disputed.direction];
			const [a, b] = events()
				.filter((round) => round.id !== disputed.round.id)
				.slice(0, 2)
				.sort((x, y) => (x.id < y.id ? -1 : 1));
			return {
				touched: { roundIds: [a!.id, b!.id], claimIds: [] },
				apply: () => {
					a!.figures[a!.population].to_russia = structuredClone(figures);
					b!.figures[b!.population].to_ukraine = structuredClone(figures);
					store(a!);
					store({ ...b!, date: a!.date });
				}
			};
		}
	},
	{
		name: 'an event leaves the charts (it became an agreement)',
		moves: true,
		change: () => {
			const round = kyivExact()[1]!;
			return {
				touched: { roundIds: [round.id], claimIds: [] },
				apply: () => void db.prepare('DELETE FROM chart_rounds WHERE round_id = ?').run(round.id)
			};
		}
	},
	{
		name: 'a stated total added, one moved and one removed',
		moves: true,
		change: () => {
			const totals = statedTotals();
			const [first, last] = [totals[0]!.id, totals.at(-1)!.id];
			const other = db
				.prepare<[], { id: string; stated_on: string; number: number }>(
					`SELECT id, stated_on, number FROM claims WHERE statement <> 'running_total' AND number IS NOT NULL
					  ORDER BY stated_on DESC, id LIMIT 1`
				)
				.get()!;
			return {
				touched: { roundIds: [], claimIds: [first, last, other.id] },
				apply: () => {
					db.prepare('UPDATE claims SET stated_on = ? WHERE id = ?').run(shiftDate(totals[0]!.stated_on, 400), first);
					db.prepare('UPDATE claims SET number = NULL WHERE id = ?').run(last);
					db.prepare("UPDATE claims SET statement = 'running_total', counted = 'people_to_ukraine' WHERE id = ?").run(
						other.id
					);
				}
			};
		}
	},
	{
		name: 'a change that moves nothing',
		moves: false,
		change: () => {
			const round = events()[5]!;
			return {
				touched: { roundIds: [round.id], claimIds: [statedTotals()[0]!.id] },
				apply: () => store(inputOf(round.id))
			};
		}
	}
];

describe('updating the chart tables after an approval', () => {
	it.each(cases)('gives the rows a rewrite from scratch gives: $name', ({ change, moves }) => {
		open();
		const { touched, apply } = change();
		expect(updateAndCompare(touched, apply)).toBe(moves);
	});

	it(
		'gives the rows a rewrite from scratch gives after each of many seeded random changes',
		{ timeout: 60_000 },
		() => {
			open();
			const random = seededRandom(12);
			const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
			const claimIds = db
				.prepare<[], { id: string }>('SELECT id FROM claims WHERE number IS NOT NULL ORDER BY id')
				.all()
				.map((row) => row.id);
			let moved = 0;
			for (let step = 0; step < 40; step += 1) {
				const all = events();
				const rounds = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(all));
				const claims = random() < 0.4 ? [pick(claimIds)] : [];
				const touched = { roundIds: [...new Set(rounds.map((round) => round.id))], claimIds: claims };
				const change = () => {
					for (const round of rounds) {
						const kind = random();
						if (kind < 0.1) {
							db.prepare('DELETE FROM chart_rounds WHERE round_id = ?').run(round.id);
							continue;
						}
						const other = pick(all);
						if (kind < 0.4)
							round.date = random() < 0.5 ? other.date : shiftDate(round.date, Math.round(random() * 200) - 100);
						else if (kind < 0.5) round.population = pick(populations);
						else {
							const population = pick(populations);
							const direction = pick(directions);
							round.figures[population][direction] = structuredClone(
								other.figures[pick(populations)][pick(directions)]
							);
						}
						store(round);
					}
					// A claim becomes a stated total, or stays what it is, on another event's day.
					for (const id of claims)
						db.prepare(
							`UPDATE claims SET statement = iif(?, 'running_total', statement), counted = 'people_to_ukraine',
						   stated_on = ? WHERE id = ?`
						).run(Number(random() < 0.5), pick(all).date, id);
				};
				if (updateAndCompare(touched, change)) moved += 1;
			}
			// The seed's changes move the charts most of the time (a change that moves nothing is the case above).
			expect(moved).toBeGreaterThan(20);
		}
	);
});

describe('writing the chart tables whole', () => {
	// A whole build gives the inputs it has just derived, in its own order and as objects (a figure without a scope
	// has the key, undefined), rather than have them read back from chart_rounds.
	it('writes from the derived inputs, in any order, the rows it writes from chart_rounds', () => {
		open();
		const random = seededRandom(12);
		const inputs = deriveRounds(db)
			.filter((round) => round.kind !== 'agreement')
			.map(chartRoundOf)
			.map((input) => ({ input, key: random() }))
			.sort((a, b) => a.key - b.key)
			.map(({ input }) => input);
		expect(inputs.length).toBeGreaterThan(100);
		writeChartTables(db);
		const fromStored = chartRows(db);
		writeChartTables(db, inputs);
		expect(chartRows(db)).toEqual(fromStored);
	});
});
