// The data each chart is drawn from (plain values prepared by the server from the dataset), and the props its frame takes.
import type { Snippet } from 'svelte';
import type { Speaker } from '../format/data-words';
import type { ConfirmationStatus } from '../domain/confirmation';
import type { ClaimantSide, Qualifier } from '../schemas/vocabulary';

/** The props of each of the overview's charts (CumulativeChart, DiscrepancyChart, RoundsTimeline), `Model` its own. */
export interface ChartProps<Model> {
	/** Unique on the page: prefixes the ids of the heading, the summary and any pattern. */
	id: string;
	/** The chart computed on the server (see queries/charts.ts): its drawing and the rows of its table(s) a page shows. */
	model: Model;
	/** The chart's heading; by default the chart's own title. */
	title?: string;
	/** Shown at the end of the chart's frame, e.g. its download and embed links. */
	footer?: Snippet;
	/** Shown under the table(s). */
	tableNote?: Snippet;
	/** The data page: the table(s) open, without the drawing. */
	tableOnly?: boolean;
	/** The title's heading level (see ChartFrame). */
	headingLevel?: 1 | 2 | 3;
}

/** One direction of one round, as a mark on the timeline. */
export interface DirectionMark {
	status: ConfirmationStatus;
	/** The confirmed figure; for announced figures the highest party figure; for disputed ones `high`. */
	value: number;
	/** For disputed figures: the lowest and highest figure involved; otherwise both equal `value`. */
	low: number;
	high: number;
	/** Whether `value` is a bound ("at least 1,000") rather than an exact figure. */
	bound: boolean;
}

/** One round on the timeline: people (or bodies) returned to Ukraine above the axis, to Russia below. */
export interface TimelineRound {
	id: string;
	date: string;
	/** Link to the round's page. */
	href: string;
	/** Short accessible name, e.g. "30 Dec 2024". */
	label: string;
	toUkraine: DirectionMark | null;
	toRussia: DirectionMark | null;
}

/** A point of a running sum: the sum of figures for all rounds up to and including `date`. */
export interface CumulativePoint {
	date: string;
	value: number;
}

/** A running total stated by an official, drawn as a labelled point beside the running sums. */
export interface StatedTotal extends Speaker {
	claimId: string;
	date: string;
	value: number;
	qualifier: Qualifier;
	/** The claimant's side: the marker takes its party's shape and colour. */
	side: ClaimantSide;
	href: string;
}

/** Input of the cumulative chart: people returned to Ukraine, as summed from rounds and as stated. */
export interface CumulativeInput {
	kyiv: CumulativePoint[];
	moscow: CumulativePoint[];
	confirmed: CumulativePoint[];
	statedTotals: StatedTotal[];
}

/** One party's (or third party's) figure in a disputed round. */
export interface DiscrepancyFigure {
	speaker: string;
	value: number;
	qualifier: Qualifier;
	/** What the speaker counted, in words ("people returned including civilians"). */
	counted: string;
	/** The speaker's side, for the marker shape; without it the chart tells Kyiv and Moscow by their labels. */
	side?: ClaimantSide;
}

/** A round and direction where the figures differ. */
export interface Discrepancy {
	roundId: string;
	date: string;
	href: string;
	label: string;
	direction: 'to_ukraine' | 'to_russia';
	population: 'people' | 'bodies';
	low: number;
	high: number;
	figures: DiscrepancyFigure[];
}
