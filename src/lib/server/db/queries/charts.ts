// The inputs of the overview's charts, computed once per dataset from what the build stored of each event and the stated running totals.
import type { ChartName, NamedChart } from '../../../charts/catalog';
import { cumulativeInput, discrepancies, timelineRounds, type ChartRound } from '../../../charts/inputs';
import { cumulativeModel, type CumulativeModel } from '../../../charts/cumulative';
import { discrepancyModel, type DiscrepancyModel } from '../../../charts/discrepancies';
import { MODEL_WIDTHS } from '../../../charts/sizing';
import { timelineModel, type TimelineModel } from '../../../charts/timeline';
import type { StatedTotal } from '../../../charts/types';
import { countedDetailOf } from '../../../format/data-words';
import { formatDate, roundKindLabel } from '../../../format/figures';
import type { DatasetDatabase } from '../dataset';
import { memoizedFor, preparedFor } from '../prepared';
import { speakerNameColumns, speakerOf } from './claims';

/** The overview's charts, laid out on the server: the browser receives positions and text, never D3. */
export interface OverviewCharts {
	peopleTimeline: TimelineModel;
	bodiesTimeline: TimelineModel;
	cumulative: CumulativeModel;
	discrepancies: DiscrepancyModel;
}

const statements = preparedFor((db) => ({
	rounds: db.prepare<[], { input: string }>('SELECT input FROM chart_rounds ORDER BY date DESC, round_id DESC'),
	countedDetail: db.prepare<[string], { counted_detail: string; counted_detail_uk: string; counted_detail_ru: string }>(
		'SELECT counted_detail, counted_detail_uk, counted_detail_ru FROM claims WHERE id = ?'
	),
	statedTotals: db.prepare<
		[],
		{
			id: string;
			stated_on: string;
			number: number;
			qualifier: StatedTotal['qualifier'];
			claimant: string;
			claimant_name_uk: string;
			claimant_name_ru: string;
			claimant_side: StatedTotal['side'];
		}
	>(
		`SELECT c.id, c.stated_on, c.number, c.qualifier, c.claimant, ${speakerNameColumns}, c.claimant_side FROM claims c
		  WHERE c.statement = 'running_total' AND c.counted = 'people_to_ukraine' AND c.number IS NOT NULL
		  ORDER BY c.stated_on, c.id`
	)
}));

function describe(round: ChartRound): string {
	return `${formatDate(round.date)}, ${roundKindLabel(round.kind).toLowerCase()}`;
}

/**
 * The data of the overview's charts, computed once per dataset and language (memoizedFor keeps one per locale): their
 * dates and what each figure counts are in the reader's language.
 */
export const overviewCharts = memoizedFor((db: DatasetDatabase): OverviewCharts => chartsAt(db, MODEL_WIDTHS));

/** The overview's charts laid out at `widths` (in viewBox units), each model listing a layout per width. */
export function chartsAt(db: DatasetDatabase, widths: readonly number[]): OverviewCharts {
	// Each event as the build cut it down for the charts (see chartRoundOf): small rows, the same in every language.
	const rounds = statements(db)
		.rounds.all()
		.map((row) => JSON.parse(row.input) as ChartRound);
	// What each disputed figure counts, looked up by its claim: a few rows, not every claim.
	const countedDetail = (claimId: string) => {
		const row = statements(db).countedDetail.get(claimId);
		return row
			? countedDetailOf({
					countedDetail: row.counted_detail,
					countedDetailUk: row.counted_detail_uk,
					countedDetailRu: row.counted_detail_ru
				})
			: '';
	};
	const statedTotals = statements(db)
		.statedTotals.all()
		.map((row) => ({
			claimId: row.id,
			date: row.stated_on,
			value: row.number,
			qualifier: row.qualifier,
			...speakerOf(row),
			side: row.claimant_side,
			href: `/claims/${row.id}`
		}));
	return {
		peopleTimeline: timelineModel(timelineRounds(rounds, 'people', describe), 'people', widths),
		bodiesTimeline: timelineModel(timelineRounds(rounds, 'bodies', describe), 'bodies', widths),
		cumulative: cumulativeModel(cumulativeInput(rounds, statedTotals), widths),
		discrepancies: discrepancyModel(discrepancies(rounds, countedDetail, describe), widths)
	};
}

/** One of the overview's charts, by the name its embed and images go by. */
export function namedChart(charts: OverviewCharts, name: ChartName): NamedChart {
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
