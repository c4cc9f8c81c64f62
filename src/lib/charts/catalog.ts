// The overview's charts by name: the names in the addresses of embeds and images, each chart's title and legend.
import { m } from '../paraglide/messages.js';
import type { CumulativeDrawing, CumulativeModel } from './cumulative';
import type { DiscrepancyDrawing, DiscrepancyModel } from './discrepancies';
import { cumulativeLegend, discrepancyLegend, timelineLegend, type LegendItem } from './legend';
import { pageLayout, type Variant } from './chart-utils';
import type { TimelineDrawing, TimelineModel } from './timeline';
import { localHref } from '../i18n/addresses';

/** In the overview's order; each is also the id of the chart's frame on the overview (`/#cumulative`). */
export const chartNames = ['timeline-people', 'timeline-bodies', 'cumulative', 'discrepancies'] as const;
export type ChartName = (typeof chartNames)[number];

/** How many of a chart's latest rows the overview and an embed show under it; every row is on its data page. */
export const LATEST_ROWS = 10;

/** A chart's drawing with its name: what its images, legend and embed size are made from. */
export type NamedDrawing =
	| { name: 'timeline-people' | 'timeline-bodies'; model: TimelineDrawing }
	| { name: 'cumulative'; model: CumulativeDrawing }
	| { name: 'discrepancies'; model: DiscrepancyDrawing };

/** A chart with its name and the rows of its table(s) a page shows, so that a page can draw any of them from one list. */
export type NamedChart =
	| { name: 'timeline-people' | 'timeline-bodies'; model: TimelineModel }
	| { name: 'cumulative'; model: CumulativeModel }
	| { name: 'discrepancies'; model: DiscrepancyModel };

/** Whether a path segment names one of the charts. */
export function isChartName(value: string): value is ChartName {
	return (chartNames as readonly string[]).includes(value);
}

/** The chart's heading, as its frame shows it. */
export function chartTitle(name: ChartName): string {
	return {
		'timeline-people': m.chart_timeline_title_people,
		'timeline-bodies': m.chart_timeline_title_bodies,
		cumulative: m.chart_cumulative_title,
		discrepancies: m.chart_discrepancy_title
	}[name]();
}

/** The number of rows of the chart's longest table: how many its data page pages through. */
export function tableRowCount(chart: NamedDrawing): number {
	return chart.model.rowCount;
}

/** The entries of the chart's legend. */
export function chartLegend(chart: NamedDrawing): LegendItem[] {
	if (chart.name === 'cumulative') return cumulativeLegend(chart.model.statedBy);
	if (chart.name === 'discrepancies') return discrepancyLegend(chart.model.hasBounds, chart.model.parties);
	return timelineLegend();
}

/** A value for a double-quoted HTML attribute. */
function attributeValue(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/** The address of a chart's embed on the site at `origin`. */
export function embedUrl(origin: string, name: ChartName): string {
	return `${origin}${localHref(`/embed/${name}`)}`;
}

/** The HTML that embeds a chart in another page: an iframe named after the chart, as wide as its column. */
export function embedCode(origin: string, chart: NamedDrawing): string {
	const attributes = [
		`src="${attributeValue(embedUrl(origin, chart.name))}"`,
		`title="${attributeValue(chartTitle(chart.name))}"`,
		'width="100%"',
		`height="${embedHeight(chart)}"`,
		'style="border: 0"',
		'loading="lazy"'
	];
	return `<iframe ${attributes.join(' ')}></iframe>`;
}

/** The size of the chart's wide layout, in viewBox units: the one the images draw and embeds are sized by. */
export function wideLayoutSize(chart: NamedDrawing): { width: number; height: number } {
	const wide = chart.model.layouts.find((layout) => layout.variant === 'wide');
	return { width: wide?.width ?? 1, height: wide?.height ?? 0 };
}

/** Room for the title, summary, legend, source line and links around the chart in an embed, in CSS pixels. */
const EMBED_TEXT_HEIGHT = 400;
/** The width an embed's height is reckoned for: a typical article column. */
const EMBED_COLUMN_WIDTH = 640;
/** The widest a chart is drawn on a page (32rem in ChartFrame.svelte), in CSS pixels. */
const PLOT_MAX_WIDTH = 512;

/**
 * The height an embed's iframe should have so that the chart shows whole in a column of about 640 pixels: the
 * page layout's height at the width it is drawn in such a column, plus the text around it. Narrower or wider
 * columns scroll or leave room.
 */
export function embedHeight(chart: NamedDrawing): number {
	// Every chart's layouts share the fields an embed is sized by.
	const layout = pageLayout<{ variant: Variant; width: number; height: number }>(chart.model.layouts);
	const drawnWidth = Math.min(EMBED_COLUMN_WIDTH, PLOT_MAX_WIDTH);
	const plotHeight = layout ? (layout.height * drawnWidth) / layout.width : 0;
	return Math.round((plotHeight + EMBED_TEXT_HEIGHT) / 10) * 10;
}
