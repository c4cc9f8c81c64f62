// Layout of the per-year chart: one row per year, each side's own sum as a hatched bar and the part stated alike as a solid bar.
import { max } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { formatNumber } from '../format/figures';

/** One year of people returned in one direction. */
export interface YearRow {
	year: number;
	/** The receiving side's own sum (Kyiv's for people returned to Ukraine). */
	ownSum: number;
	/** The part two sides stated alike. */
	confirmed: number;
}

export interface YearBar {
	year: number;
	y: number;
	height: number;
	ownWidth: number;
	confirmedWidth: number;
	label: { x: number; text: string };
}

export interface YearsLayout {
	width: number;
	height: number;
	left: number;
	bars: YearBar[];
}

const ROW_HEIGHT = 30;
const LEFT = 48;
/** Room for the two numbers at the end of the longest bar. */
const RIGHT = 120;

/** Bars on one scale from zero to the largest sum, newest year first, each with "own sum / stated alike" beside it. */
export function yearsLayout(rows: readonly YearRow[], width = 560): YearsLayout {
	const years = [...rows].sort((a, b) => b.year - a.year);
	const height = years.length * ROW_HEIGHT;
	const y = scaleBand<number>()
		.domain(years.map((row) => row.year))
		.range([0, height])
		.paddingInner(0.25);
	const x = scaleLinear()
		.domain([0, max(years, (row) => Math.max(row.ownSum, row.confirmed)) || 1])
		.range([0, width - LEFT - RIGHT]);
	return {
		width,
		height,
		left: LEFT,
		bars: years.map((row) => {
			const ownWidth = x(row.ownSum);
			return {
				year: row.year,
				y: y(row.year) ?? 0,
				height: y.bandwidth(),
				ownWidth,
				confirmedWidth: x(row.confirmed),
				label: {
					x: LEFT + Math.max(ownWidth, x(row.confirmed)) + 6,
					text: `${formatNumber(row.ownSum)} / ${formatNumber(row.confirmed)}`
				}
			};
		})
	};
}
