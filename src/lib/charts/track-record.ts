// Layout of a claimant's track-record chart: one bar per outcome, the number of their round figures with that outcome.
import { scaleBand, scaleLinear } from 'd3-scale';
import { trackOutcomes, type TrackOutcome } from '../domain/track-record';
import { formatNumber } from '../format/figures';

export interface TrackBar {
	outcome: TrackOutcome;
	count: number;
	y: number;
	height: number;
	width: number;
	label: { x: number; text: string };
}

export interface TrackLayout {
	width: number;
	height: number;
	left: number;
	bars: TrackBar[];
}

const ROW_HEIGHT = 28;
/** Room for the outcome names, which the component writes beside the bars. */
const LEFT = 170;
/** Room for the count at the end of the longest bar. */
const RIGHT = 44;

/** Bars on one scale from zero to the largest count, in the order of `trackOutcomes` (same figure first). */
export function trackRecordLayout(counts: Readonly<Record<TrackOutcome, number>>, width = 380): TrackLayout {
	const height = trackOutcomes.length * ROW_HEIGHT;
	const y = scaleBand<TrackOutcome>().domain(trackOutcomes).range([0, height]).paddingInner(0.3);
	const x = scaleLinear()
		.domain([0, Math.max(1, ...trackOutcomes.map((outcome) => counts[outcome]))])
		.range([0, width - LEFT - RIGHT]);
	return {
		width,
		height,
		left: LEFT,
		bars: trackOutcomes.map((outcome) => ({
			outcome,
			count: counts[outcome],
			y: y(outcome) ?? 0,
			height: y.bandwidth(),
			width: x(counts[outcome]),
			label: { x: LEFT + x(counts[outcome]) + 6, text: formatNumber(counts[outcome]) }
		}))
	};
}
