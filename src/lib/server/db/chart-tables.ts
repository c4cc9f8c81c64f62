// The overview's chart tables, derived from every event's stored chart input by the whole build and a correction's build alike.
import type Database from 'better-sqlite3';
import { daySums } from '../../charts/cumulative';
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
	db.exec('DELETE FROM chart_timeline; DELETE FROM chart_disputes; DELETE FROM chart_sums; DELETE FROM chart_facts;');
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
	daySums(cumulativeInput(rounds, [])).forEach((day, position) =>
		insertSums.run(position, day.date, day.kyiv, day.moscow, day.confirmed)
	);
}
