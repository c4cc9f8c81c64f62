// The overview's chart tables, derived from every event's stored chart input by the whole build, and updated where an approval moves them.
import type Database from 'better-sqlite3';
import { daySums, type DaySums } from '../../charts/cumulative';
import { discrepancyFacts, type DisputeFacts } from '../../charts/discrepancies';
import {
	cumulativeInput,
	disputeEntries,
	runningSumsOf,
	timelineEntries,
	type ChartRound,
	type DisputeEntry,
	type TimelineEntry
} from '../../charts/inputs';
import { timelineInput, type TimelineInput } from '../../charts/timeline';
import { partyOfSide } from '../../design/tokens';
import { populations } from '../../domain/round-figures';

/** The claims the cumulative chart marks: the running totals officials stated of people returned to Ukraine. */
const STATED_TOTALS = `statement = 'running_total' AND counted = 'people_to_ukraine' AND number IS NOT NULL`;

/** What the discrepancies' facts read of a dispute's figures (stored beside them, read again by an approval). */
function figureFacts(dispute: DisputeEntry): DisputeFacts['figures'] {
	return dispute.figures.map((figure) => ({ qualifier: figure.qualifier, party: partyOfSide(figure.side) }));
}

function timelineStatement(db: Database.Database) {
	return db.prepare<[string, number, string, string, string, string | null, string | null]>(
		`INSERT INTO chart_timeline (population, position, round_id, date, kind, to_ukraine, to_russia)
		 VALUES (?, ?, ?, ?, ?, ?, ?)`
	);
}

function insertTimeline(
	insert: ReturnType<typeof timelineStatement>,
	population: string,
	position: number,
	entry: TimelineEntry
) {
	insert.run(
		population,
		position,
		entry.id,
		entry.date,
		entry.kind,
		entry.toUkraine && JSON.stringify(entry.toUkraine),
		entry.toRussia && JSON.stringify(entry.toRussia)
	);
}

function disputeStatement(db: Database.Database) {
	return db.prepare<[number, string, string, string, string, string, number, number, string, string]>(
		`INSERT INTO chart_disputes (position, population, round_id, date, kind, direction, low, high, figures, figure_facts)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
}

function insertDispute(insert: ReturnType<typeof disputeStatement>, position: number, dispute: DisputeEntry) {
	insert.run(
		position,
		dispute.population,
		dispute.roundId,
		dispute.date,
		dispute.kind,
		dispute.direction,
		dispute.low,
		dispute.high,
		JSON.stringify(dispute.figures),
		JSON.stringify(figureFacts(dispute))
	);
}

/** Chart inputs in chart_rounds' order, by id (ids are ASCII: code units compare as SQLite's bytes do). */
const byRoundId = (a: ChartRound, b: ChartRound) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Writes the rows the charts are drawn and their tables paged from (see the schema): every table's rows at their
 * place, and each chart's facts, whose size does not grow with the number of events. Rewritten whole from chart_rounds,
 * in the caller's transaction; an approval updates them instead ({@link updateChartTables}), to the same rows. A whole
 * build gives the inputs it has just written to chart_rounds (`written`), which saves reading and parsing them again
 * (about 60 MB of JSON at a hundred times the real data).
 */
export function writeChartTables(db: Database.Database, written?: readonly ChartRound[]): void {
	const rounds = written
		? [...written].sort(byRoundId)
		: db
				.prepare<[], { input: string }>('SELECT input FROM chart_rounds ORDER BY round_id')
				.all()
				.map((row) => JSON.parse(row.input) as ChartRound);
	for (const table of ['chart_timeline', 'chart_disputes', 'chart_sums', 'chart_stated', 'chart_facts'])
		db.exec(`DELETE FROM ${table}`);
	const insertFacts = db.prepare<[string, string]>('INSERT INTO chart_facts (chart, facts) VALUES (?, ?)');
	const timeline = timelineStatement(db);
	for (const population of populations) {
		const entries = timelineEntries(rounds, population);
		entries.forEach((entry, position) => insertTimeline(timeline, population, position, entry));
		insertFacts.run(`timeline-${population}`, JSON.stringify(timelineInput(entries)));
	}

	const disputes = disputeEntries(rounds);
	const dispute = disputeStatement(db);
	disputes.forEach((entry, position) => insertDispute(dispute, position, entry));
	const facts = discrepancyFacts(disputes.map((entry) => ({ ...entry, figures: figureFacts(entry) })));
	insertFacts.run('discrepancies', JSON.stringify(facts));

	const insertSums = db.prepare<[number, string, number, number, number]>(
		'INSERT INTO chart_sums (position, date, kyiv, moscow, confirmed) VALUES (?, ?, ?, ?, ?)'
	);
	const days = daySums(cumulativeInput(rounds, []));
	days.forEach((day, position) => insertSums.run(position, day.date, day.kyiv, day.moscow, day.confirmed));

	// Each stated total with Kyiv's sum after the last round date up to its day (0 before the first round).
	const stated = db
		.prepare<[], { id: string; stated_on: string }>(
			`SELECT id, stated_on FROM claims WHERE ${STATED_TOTALS} ORDER BY stated_on, id`
		)
		.all();
	const insertStated = db.prepare<[number, string, number]>(
		'INSERT INTO chart_stated (position, claim_id, kyiv_sum) VALUES (?, ?, ?)'
	);
	let day = -1;
	stated.forEach((total, position) => {
		while (day + 1 < days.length && (days[day + 1] as DaySums).date <= total.stated_on) day += 1;
		insertStated.run(position, total.id, day >= 0 ? (days[day] as DaySums).kyiv : 0);
	});
}

/** The stored chart inputs of the given events (agreements have none), by id. */
export function chartInputsOf(db: Database.Database, roundIds: readonly string[]): ChartRound[] {
	return db
		.prepare<[string], { input: string }>(
			'SELECT input FROM chart_rounds WHERE round_id IN (SELECT value FROM json_each(?)) ORDER BY round_id'
		)
		.all(JSON.stringify(roundIds))
		.map((row) => JSON.parse(row.input) as ChartRound);
}

/** Which of the given claims are stated totals the cumulative chart marks, and on what day. */
export function statedTotalsOf(
	db: Database.Database,
	claimIds: readonly string[]
): { id: string; stated_on: string }[] {
	return db
		.prepare<[string], { id: string; stated_on: string }>(
			`SELECT id, stated_on FROM claims WHERE id IN (SELECT value FROM json_each(?)) AND ${STATED_TOTALS} ORDER BY id`
		)
		.all(JSON.stringify(claimIds));
}

/** What the chart tables read of some events and claims: their chart inputs, and which claims are stated totals when. */
export interface ChartReads {
	rounds: ChartRound[];
	stated: { id: string; stated_on: string }[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const earliest = (dates: Iterable<string>) =>
	[...dates].reduce<string | null>((a, b) => (a === null || b < a ? b : a), null);

/**
 * Sets each row whose place in its table's order is not its position to its place, through negative positions so that
 * no two rows ever share one. `ranked` is a query of each row's position and place, in the table's order.
 */
function renumber(db: Database.Database, table: string, where: string, ranked: string, key: unknown[]): void {
	const moves = db
		.prepare<unknown[], { position: number; place: number }>(
			`SELECT position, place FROM (${ranked}) WHERE place <> position`
		)
		.all(...key);
	const move = db.prepare(`UPDATE ${table} SET position = ? WHERE ${where} AND position = ?`);
	for (const { position, place } of moves) move.run(-1 - place, ...key, position);
	if (moves.length > 0)
		db.prepare(`UPDATE ${table} SET position = -1 - position WHERE ${where} AND position < 0`).run(...key);
}

/**
 * Updates the chart tables after an approval changed the events `before.rounds` were read of (their ids, `roundIds`)
 * and the claims `claimIds`, to exactly the rows {@link writeChartTables} would write from scratch: each touched
 * event's timeline rows and disputes, the sums of the months they are in and were in, the running sums from the
 * earliest day they move on (summed in SQL from what each event adds), and the stated totals from that day or the
 * earliest day a touched total is or was stated on. Nothing else is read: no other event's input is parsed.
 */
export function updateChartTables(
	db: Database.Database,
	before: ChartReads,
	changed: { roundIds: readonly string[]; claimIds: readonly string[] }
): void {
	const after: ChartReads = {
		rounds: chartInputsOf(db, changed.roundIds),
		stated: statedTotalsOf(db, changed.claimIds)
	};
	if (same(before, after)) return;
	const facts = db.prepare<[string, string]>('UPDATE chart_facts SET facts = ? WHERE chart = ?');
	const placeholders = JSON.stringify(changed.roundIds);

	// The timelines: the touched events' rows, the positions after them, and the sums of their months.
	for (const population of populations) {
		const was = timelineEntries(before.rounds, population);
		const now = timelineEntries(after.rounds, population);
		if (same(was, now)) continue;
		db.prepare('DELETE FROM chart_timeline WHERE population = ? AND round_id IN (SELECT value FROM json_each(?))').run(
			population,
			placeholders
		);
		const next = db
			.prepare<[string], { next: number }>(
				'SELECT coalesce(max(position), -1) + 1 AS next FROM chart_timeline WHERE population = ?'
			)
			.get(population)!.next;
		const insert = timelineStatement(db);
		now.forEach((entry, index) => insertTimeline(insert, population, next + index, entry));
		renumber(
			db,
			'chart_timeline',
			'population = ?',
			`SELECT position, row_number() OVER (ORDER BY date, round_id) - 1 AS place FROM chart_timeline WHERE population = ?`,
			[population]
		);
		const chart = `timeline-${population}`;
		const stored = JSON.parse(
			db.prepare<[string], { facts: string }>('SELECT facts FROM chart_facts WHERE chart = ?').get(chart)!.facts
		) as TimelineInput;
		const [wasInput, nowInput] = [timelineInput(was), timelineInput(now)];
		const touchedMonths = new Set([...wasInput.months, ...nowInput.months].map((month) => month.month));
		const storedSums = new Map(stored.months.map((month) => [month.month, month.sums]));
		// A month's rows are consecutive (the rows are in date order): from its first row to the next month's.
		const rowsBetween = db.prepare<
			[string, number, number],
			{ id: string; date: string; to_ukraine: string | null; to_russia: string | null }
		>(
			`SELECT round_id AS id, date, to_ukraine, to_russia FROM chart_timeline
			  WHERE population = ? AND position >= ? AND position < ?`
		);
		const firsts = db
			.prepare<[string, string], { month: string; firstRow: number; firstId: string }>(
				`SELECT m.month, m.first_row AS firstRow, t.round_id AS firstId
				   FROM (SELECT substr(date, 1, 7) AS month, min(position) AS first_row FROM chart_timeline
				          WHERE population = ? GROUP BY 1) AS m
				   JOIN chart_timeline t ON t.population = ? AND t.position = m.first_row
				  ORDER BY m.first_row`
			)
			.all(population, population);
		const months = firsts.map(({ month, firstRow, firstId }, index) => {
			// A month none of the touched events is or was in keeps its rows, so its sums.
			const sums = touchedMonths.has(month)
				? timelineInput(
						rowsBetween
							.all(population, firstRow, firsts[index + 1]?.firstRow ?? Number.MAX_SAFE_INTEGER)
							.map((row) => ({
								id: row.id,
								date: row.date,
								toUkraine: row.to_ukraine === null ? null : JSON.parse(row.to_ukraine),
								toRussia: row.to_russia === null ? null : JSON.parse(row.to_russia)
							}))
					).months[0]!.sums
				: storedSums.get(month)!;
			return { month, firstId, firstRow, sums };
		});
		const span = db
			.prepare<[string], { rounds: number; first: string | null; last: string | null }>(
				'SELECT count(*) AS rounds, min(date) AS first, max(date) AS last FROM chart_timeline WHERE population = ?'
			)
			.get(population)!;
		const updated: TimelineInput = {
			months,
			rounds: span.rounds,
			first: span.first,
			last: span.last,
			confirmed: stored.confirmed - wasInput.confirmed + nowInput.confirmed,
			disputed: stored.disputed - wasInput.disputed + nowInput.disputed
		};
		facts.run(JSON.stringify(updated), chart);
	}

	// The disputes: the touched events' rows, the positions around them, and the facts of them all (a few numbers each).
	const disputesNow = disputeEntries(after.rounds);
	if (!same(disputeEntries(before.rounds), disputesNow)) {
		db.prepare('DELETE FROM chart_disputes WHERE round_id IN (SELECT value FROM json_each(?))').run(placeholders);
		const next = db
			.prepare<[], { next: number }>('SELECT coalesce(max(position), -1) + 1 AS next FROM chart_disputes')
			.get()!.next;
		const insert = disputeStatement(db);
		disputesNow.forEach((entry, index) => insertDispute(insert, next + index, entry));
		// Newest first; of one day, returns to Ukraine first (as disputeEntries orders them).
		renumber(
			db,
			'chart_disputes',
			'1 = 1',
			`SELECT position, row_number() OVER (ORDER BY date DESC, CASE direction WHEN 'to_ukraine' THEN 0 ELSE 1 END,
			   round_id) - 1 AS place FROM chart_disputes`,
			[]
		);
		const rows = db
			.prepare<[], Omit<DisputeFacts, 'figures'> & { figure_facts: string }>(
				'SELECT round_id AS roundId, date, direction, population, low, high, figure_facts FROM chart_disputes'
			)
			.all();
		const updated = discrepancyFacts(
			rows.map(({ figure_facts, ...row }) => ({ ...row, figures: JSON.parse(figure_facts) as DisputeFacts['figures'] }))
		);
		facts.run(JSON.stringify(updated), 'discrepancies');
	}

	// The running sums, from the earliest day an event that moves them is or was on.
	const addsOf = (rounds: ChartRound[]) =>
		new Map(rounds.map((round) => [round.id, JSON.stringify([round.date, runningSumsOf(round)])]));
	const [addsBefore, addsAfter] = [addsOf(before.rounds), addsOf(after.rounds)];
	const movedDays = [...before.rounds, ...after.rounds]
		.filter((round) => addsBefore.get(round.id) !== addsAfter.get(round.id))
		.map((round) => round.date);
	const sumsFrom = earliest(movedDays);
	if (sumsFrom !== null) {
		const base = db
			.prepare<[string], { position: number; kyiv: number; moscow: number; confirmed: number }>(
				'SELECT position, kyiv, moscow, confirmed FROM chart_sums WHERE date < ? ORDER BY date DESC LIMIT 1'
			)
			.get(sumsFrom) ?? { position: -1, kyiv: 0, moscow: 0, confirmed: 0 };
		db.prepare('DELETE FROM chart_sums WHERE date >= ?').run(sumsFrom);
		db.prepare(
			`INSERT INTO chart_sums (position, date, kyiv, moscow, confirmed)
			 SELECT @position + row_number() OVER days, date, @kyiv + sum(sum(kyiv)) OVER days,
			        @moscow + sum(sum(moscow)) OVER days, @confirmed + sum(sum(confirmed)) OVER days
			   FROM chart_rounds WHERE date >= @from GROUP BY date
			 WINDOW days AS (ORDER BY date ROWS UNBOUNDED PRECEDING)`
		).run({ ...base, from: sumsFrom });
	}

	// The stated totals, from the earliest day the sums moved or a touched total is or was stated on.
	const statedFrom = earliest([
		...(sumsFrom === null ? [] : [sumsFrom]),
		...(same(before.stated, after.stated) ? [] : [...before.stated, ...after.stated].map((total) => total.stated_on))
	]);
	if (statedFrom !== null) {
		const kept = db
			.prepare<[string], { n: number }>(
				`SELECT count(*) AS n FROM claims INDEXED BY stated_totals_by_date WHERE ${STATED_TOTALS} AND stated_on < ?`
			)
			.get(statedFrom)!.n;
		db.prepare('DELETE FROM chart_stated WHERE position >= ?').run(kept);
		db.prepare(
			`INSERT INTO chart_stated (position, claim_id, kyiv_sum)
			 SELECT @kept + row_number() OVER (ORDER BY stated_on, id) - 1, id,
			        coalesce((SELECT kyiv FROM chart_sums WHERE date <= c.stated_on ORDER BY date DESC LIMIT 1), 0)
			   FROM claims c INDEXED BY stated_totals_by_date WHERE ${STATED_TOTALS} AND stated_on >= @from`
		).run({ kept, from: statedFrom });
	}
}
