// The overview's chart tables, derived from every event's stored chart input by the whole build and a correction's build alike.
import type Database from 'better-sqlite3';
import { daySums, type DaySums } from '../../charts/cumulative';
import { discrepancyFacts } from '../../charts/discrepancies';
import { cumulativeInput, disputeEntries, timelineEntries, type ChartRound } from '../../charts/inputs';
import { timelineInput } from '../../charts/timeline';
import { partyOfSide } from '../../design/tokens';

/**
 * Writes the rows the charts are drawn and their tables paged from (see the schema): every table's rows at their
 * place, and each chart's facts, whose size does not grow with the number of events. Rewritten whole from chart_rounds,
 * in the caller's transaction, so that a correction's build leaves them exactly as a whole build would.
 */
export function writeChartTables(db: Database.Database): void {
	const rounds = db
		.prepare<[], { input: string }>('SELECT input FROM chart_rounds ORDER BY round_id')
		.all()
		.map((row) => JSON.parse(row.input) as ChartRound);
	for (const table of ['chart_timeline', 'chart_disputes', 'chart_sums', 'chart_stated', 'chart_facts'])
		db.exec(`DELETE FROM ${table}`);
	const insertFacts = db.prepare<[string, string]>('INSERT INTO chart_facts (chart, facts) VALUES (?, ?)');
	const insertTimeline = db.prepare<[string, number, string, string, string, string | null, string | null]>(
		`INSERT INTO chart_timeline (population, position, round_id, date, kind, to_ukraine, to_russia)
		 VALUES (?, ?, ?, ?, ?, ?, ?)`
	);
	for (const population of ['people', 'bodies'] as const) {
		const entries = timelineEntries(rounds, population);
		entries.forEach((entry, position) =>
			insertTimeline.run(
				population,
				position,
				entry.id,
				entry.date,
				entry.kind,
				entry.toUkraine && JSON.stringify(entry.toUkraine),
				entry.toRussia && JSON.stringify(entry.toRussia)
			)
		);
		insertFacts.run(`timeline-${population}`, JSON.stringify(timelineInput(entries)));
	}

	const disputes = disputeEntries(rounds);
	const insertDispute = db.prepare<[number, string, string, string, string, string, number, number, string]>(
		`INSERT INTO chart_disputes (position, population, round_id, date, kind, direction, low, high, figures)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	disputes.forEach((dispute, position) =>
		insertDispute.run(
			position,
			dispute.population,
			dispute.roundId,
			dispute.date,
			dispute.kind,
			dispute.direction,
			dispute.low,
			dispute.high,
			JSON.stringify(dispute.figures)
		)
	);
	const facts = discrepancyFacts(
		disputes.map((dispute) => ({
			...dispute,
			figures: dispute.figures.map((figure) => ({ qualifier: figure.qualifier, party: partyOfSide(figure.side) }))
		}))
	);
	insertFacts.run('discrepancies', JSON.stringify(facts));

	const insertSums = db.prepare<[number, string, number, number, number]>(
		'INSERT INTO chart_sums (position, date, kyiv, moscow, confirmed) VALUES (?, ?, ?, ?, ?)'
	);
	const days = daySums(cumulativeInput(rounds, []));
	days.forEach((day, position) => insertSums.run(position, day.date, day.kyiv, day.moscow, day.confirmed));

	// Each stated total with Kyiv's sum after the last round date up to its day (0 before the first round).
	const stated = db
		.prepare<[], { id: string; stated_on: string }>(
			`SELECT id, stated_on FROM claims
			  WHERE statement = 'running_total' AND counted = 'people_to_ukraine' AND number IS NOT NULL
			  ORDER BY stated_on, id`
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

/**
 * What the chart tables read of the given rounds and claims (their chart inputs, and which of the claims are stated
 * totals and on what day): a correction whose rows leave this unchanged leaves every chart table as it was.
 */
export function chartTablesReadOf(
	db: Database.Database,
	roundIds: readonly string[],
	claimIds: readonly string[]
): string {
	const inputs = db
		.prepare<[string], { round_id: string; input: string }>(
			'SELECT round_id, input FROM chart_rounds WHERE round_id IN (SELECT value FROM json_each(?)) ORDER BY round_id'
		)
		.all(JSON.stringify(roundIds));
	const stated = db
		.prepare<[string], { id: string; stated_on: string }>(
			`SELECT id, stated_on FROM claims
			  WHERE id IN (SELECT value FROM json_each(?))
			    AND statement = 'running_total' AND counted = 'people_to_ukraine' AND number IS NOT NULL
			  ORDER BY id`
		)
		.all(JSON.stringify(claimIds));
	return JSON.stringify([inputs, stated]);
}
