// The overview's charts, from the tables the build writes for them (see chart-tables.ts): each chart's drawing once per dataset and language, its table's rows a page at a time.
import type { ChartName, NamedChart, NamedDrawing } from '../../../charts/catalog';
import { windowRange, type TableWindow } from '../../../charts/chart-utils';
import {
	cumulativeDrawing,
	cumulativeSumsTable,
	statedTotalsTable,
	type CumulativeDrawing,
	type DaySums
} from '../../../charts/cumulative';
import {
	discrepancyDrawing,
	discrepancyTable,
	type DiscrepancyDrawing,
	type DiscrepancyFacts
} from '../../../charts/discrepancies';
import { discrepancyOf, timelineRound, type DisputeEntry, type TimelineEntry } from '../../../charts/inputs';
import { MODEL_WIDTHS } from '../../../charts/sizing';
import {
	timelineDrawing,
	timelineTable,
	type TimelineDrawing,
	type TimelineInput,
	type TimelinePopulation
} from '../../../charts/timeline';
import type { CumulativeInput, StatedTotal } from '../../../charts/types';
import { ROWS_SHOWN } from '../../../charts/discrepancies';
import { countedDetailOf } from '../../../format/data-words';
import { formatDate, roundKindLabel } from '../../../format/figures';
import type { RoundKind } from '../../../schemas/vocabulary';
import type { DatasetDatabase } from '../dataset';
import { memoizedFor, preparedFor } from '../prepared';
import { speakerNameColumns, speakerOf } from './claims';

/** The overview's charts as drawn on the server: the browser receives positions and text, never D3. */
export interface OverviewCharts {
	peopleTimeline: TimelineDrawing;
	bodiesTimeline: TimelineDrawing;
	cumulative: CumulativeDrawing;
	discrepancies: DiscrepancyDrawing;
}

interface TimelineRow {
	round_id: string;
	date: string;
	kind: RoundKind;
	to_ukraine: string | null;
	to_russia: string | null;
}

interface DisputeRow {
	population: DisputeEntry['population'];
	round_id: string;
	date: string;
	kind: RoundKind;
	direction: DisputeEntry['direction'];
	low: number;
	high: number;
	figures: string;
}

interface StatedTotalRow {
	id: string;
	stated_on: string;
	number: number;
	qualifier: StatedTotal['qualifier'];
	claimant: string;
	claimant_name_uk: string;
	claimant_name_ru: string;
	claimant_side: StatedTotal['side'];
	kyiv_sum: number;
}

const DISPUTE_COLUMNS = 'population, round_id, date, kind, direction, low, high, figures';
/** The running totals officials stated of people returned to Ukraine (see chart-tables.ts), with Kyiv's sum on their day. */
const STATED_TOTALS = `SELECT c.id, c.stated_on, c.number, c.qualifier, c.claimant, ${speakerNameColumns}, c.claimant_side,
	s.kyiv_sum FROM chart_stated s JOIN claims c ON c.id = s.claim_id`;

const statements = preparedFor((db) => ({
	facts: db.prepare<[string], { facts: string }>('SELECT facts FROM chart_facts WHERE chart = ?'),
	timelineRows: db.prepare<[string, number, number], TimelineRow>(
		`SELECT round_id, date, kind, to_ukraine, to_russia FROM chart_timeline
		  WHERE population = ? AND position >= ? ORDER BY position LIMIT ?`
	),
	disputeRows: db.prepare<[number, number], DisputeRow>(
		`SELECT ${DISPUTE_COLUMNS} FROM chart_disputes WHERE position >= ? ORDER BY position LIMIT ?`
	),
	// By the population's index: in the table's order alone, a population with few rows would be looked for in all.
	latestDisputes: db.prepare<[string, number], DisputeRow>(
		`SELECT ${DISPUTE_COLUMNS} FROM chart_disputes INDEXED BY chart_disputes_by_population
		  WHERE population = ? ORDER BY position LIMIT ?`
	),
	daySums: db.prepare<[], DaySums>('SELECT date, kyiv, moscow, confirmed FROM chart_sums ORDER BY position'),
	daySumsPage: db.prepare<[number, number], DaySums>(
		'SELECT date, kyiv, moscow, confirmed FROM chart_sums WHERE position >= ? ORDER BY position LIMIT ?'
	),
	countedDetail: db.prepare<[string], { counted_detail: string; counted_detail_uk: string; counted_detail_ru: string }>(
		'SELECT counted_detail, counted_detail_uk, counted_detail_ru FROM claims WHERE id = ?'
	),
	statedTotals: db.prepare<[], StatedTotalRow>(`${STATED_TOTALS} ORDER BY s.position`),
	statedTotalsPage: db.prepare<[number, number], StatedTotalRow>(
		`${STATED_TOTALS} WHERE s.position >= ? ORDER BY s.position LIMIT ?`
	)
}));

/** "30 Dec 2024, exchange": a round's accessible name on the charts. */
function describe(round: { date: string; kind: RoundKind }): string {
	return `${formatDate(round.date)}, ${roundKindLabel(round.kind).toLowerCase()}`;
}

function factsOf<T>(db: DatasetDatabase, chart: string): T {
	const row = statements(db).facts.get(chart);
	if (!row) throw new Error(`the dataset has no facts for the chart ${chart}`);
	return JSON.parse(row.facts) as T;
}

function statedTotalOf(row: StatedTotalRow): StatedTotal {
	return {
		claimId: row.id,
		date: row.stated_on,
		value: row.number,
		qualifier: row.qualifier,
		...speakerOf(row),
		side: row.claimant_side,
		href: `/claims/${row.id}`
	};
}

/** A dispute in the reader's language, with what each figure counted (a few rows, not every claim). */
function discrepancyOfRow(db: DatasetDatabase, row: DisputeRow) {
	const countedDetail = (claimId: string) => {
		const detail = statements(db).countedDetail.get(claimId);
		return detail
			? countedDetailOf({
					countedDetail: detail.counted_detail,
					countedDetailUk: detail.counted_detail_uk,
					countedDetailRu: detail.counted_detail_ru
				})
			: '';
	};
	const entry: DisputeEntry = {
		roundId: row.round_id,
		date: row.date,
		kind: row.kind,
		direction: row.direction,
		population: row.population,
		low: row.low,
		high: row.high,
		figures: JSON.parse(row.figures) as DisputeEntry['figures']
	};
	return discrepancyOf(entry, countedDetail, describe(entry));
}

/**
 * The overview's charts drawn once per dataset and language (memoizedFor keeps one per locale): their dates and what
 * each figure counts are in the reader's language. They hold no table rows, so their size does not grow with the data.
 */
export const overviewCharts = memoizedFor((db: DatasetDatabase): OverviewCharts => chartsAt(db, MODEL_WIDTHS));

/** The overview's charts laid out at `widths` (in viewBox units), each drawing listing a layout per width. */
export function chartsAt(db: DatasetDatabase, widths: readonly number[]): OverviewCharts {
	const days = statements(db).daySums.all();
	const cumulative: CumulativeInput = {
		kyiv: days.map((day) => ({ date: day.date, value: day.kyiv })),
		moscow: days.map((day) => ({ date: day.date, value: day.moscow })),
		confirmed: days.map((day) => ({ date: day.date, value: day.confirmed })),
		statedTotals: statements(db).statedTotals.all().map(statedTotalOf)
	};
	// The latest rows each panel draws: the table's first of each population.
	const latest = (['people', 'bodies'] as const).flatMap((population) =>
		statements(db)
			.latestDisputes.all(population, ROWS_SHOWN)
			.map((row) => discrepancyOfRow(db, row))
	);
	return {
		peopleTimeline: timelineDrawing(factsOf<TimelineInput>(db, 'timeline-people'), 'people', widths),
		bodiesTimeline: timelineDrawing(factsOf<TimelineInput>(db, 'timeline-bodies'), 'bodies', widths),
		cumulative: cumulativeDrawing(cumulative, widths),
		discrepancies: discrepancyDrawing(factsOf<DiscrepancyFacts>(db, 'discrepancies'), latest, widths)
	};
}

/** One of the overview's drawings by the name its embed and images go by. */
export function namedDrawing(charts: OverviewCharts, name: ChartName): NamedDrawing {
	switch (name) {
		case 'timeline-people':
			return { name, model: charts.peopleTimeline };
		case 'timeline-bodies':
			return { name, model: charts.bodiesTimeline };
		case 'cumulative':
			return { name, model: charts.cumulative };
		case 'discrepancies':
			return { name, model: charts.discrepancies };
	}
}

/** The rows of a timeline's table from `offset`, oldest first. */
function timelineRows(db: DatasetDatabase, population: TimelinePopulation, offset: number, limit: number) {
	return statements(db)
		.timelineRows.all(population, offset, limit)
		.map((row) => {
			const entry: TimelineEntry = {
				id: row.round_id,
				date: row.date,
				kind: row.kind,
				toUkraine: row.to_ukraine === null ? null : JSON.parse(row.to_ukraine),
				toRussia: row.to_russia === null ? null : JSON.parse(row.to_russia)
			};
			return timelineRound(entry, describe(entry));
		});
}

/** One of the overview's charts by name, with the rows of its table(s) in `window` read from the dataset. */
export function namedChart(db: DatasetDatabase, name: ChartName, window: TableWindow): NamedChart {
	const charts = overviewCharts(db);
	switch (name) {
		case 'timeline-people':
		case 'timeline-bodies': {
			const model = name === 'timeline-people' ? charts.peopleTimeline : charts.bodiesTimeline;
			const { offset, limit } = windowRange(window, model.rowCount, false);
			return { name, model: { ...model, table: timelineTable(timelineRows(db, model.population, offset, limit)) } };
		}
		case 'cumulative': {
			const model = charts.cumulative;
			const days = windowRange(window, model.dayCount, false);
			const stated = windowRange(window, model.statedCount, false);
			const totals = statements(db)
				.statedTotalsPage.all(stated.offset, stated.limit)
				.map((row) => ({ ...statedTotalOf(row), kyivSum: row.kyiv_sum }));
			return {
				name,
				model: {
					...model,
					sumsTable: cumulativeSumsTable(statements(db).daySumsPage.all(days.offset, days.limit)),
					statedTable: statedTotalsTable(totals)
				}
			};
		}
		case 'discrepancies': {
			const model = charts.discrepancies;
			const { offset, limit } = windowRange(window, model.rowCount, true);
			const rows = statements(db)
				.disputeRows.all(offset, limit)
				.map((row) => discrepancyOfRow(db, row));
			return { name, model: { ...model, table: discrepancyTable(rows) } };
		}
	}
}
