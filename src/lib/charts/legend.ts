// What each chart's legend lists: the kinds of mark it draws, each with the words that say what it means.
import { m } from '../paraglide/messages.js';

/** The kinds of mark a legend can show; each is drawn as the chart draws it (see LegendSwatch.svelte). */
export type LegendSwatchKind =
	| 'confirmed'
	| 'announced'
	| 'bound'
	| 'disputed'
	| 'series-kyiv'
	| 'series-moscow'
	| 'series-confirmed'
	| 'stated'
	| 'stated-bound'
	| 'speaker-kyiv'
	| 'speaker-moscow'
	| 'speaker-other'
	| 'range'
	| 'hollow';

export interface LegendItem {
	swatch: LegendSwatchKind;
	label: string;
}

/** Whether a legend draws a hatched swatch, and so needs the hatch pattern. */
export function needsHatch(items: readonly { swatch: LegendSwatchKind }[]): boolean {
	return items.some((item) => item.swatch === 'announced' || item.swatch === 'bound');
}

/** The rounds timeline's legend: one entry per way of drawing a status. */
export function timelineLegend(): LegendItem[] {
	return [
		{ swatch: 'confirmed', label: m.chart_legend_confirmed() },
		{ swatch: 'announced', label: m.chart_legend_announced() },
		{ swatch: 'bound', label: m.chart_legend_bound() },
		{ swatch: 'disputed', label: m.chart_legend_disputed() }
	];
}

/** The cumulative chart's legend: the three running sums and the stated totals. */
export function cumulativeLegend(): LegendItem[] {
	return [
		{ swatch: 'series-kyiv', label: m.chart_legend_series_kyiv() },
		{ swatch: 'series-moscow', label: m.chart_legend_series_moscow() },
		{ swatch: 'series-confirmed', label: m.chart_legend_series_confirmed() },
		{ swatch: 'stated', label: m.chart_legend_stated() },
		{ swatch: 'stated-bound', label: m.chart_legend_stated_bound() }
	];
}

/** The discrepancy chart's legend; the hollow marker is explained only when some figure is a bound, as it appears only then. */
export function discrepancyLegend(hasBounds: boolean): LegendItem[] {
	return [
		{ swatch: 'speaker-kyiv', label: m.chart_legend_kyiv() },
		{ swatch: 'speaker-moscow', label: m.chart_legend_moscow() },
		{ swatch: 'speaker-other', label: m.chart_legend_other() },
		{ swatch: 'range', label: m.chart_legend_range() },
		...(hasBounds ? [{ swatch: 'hollow', label: m.chart_legend_hollow() } satisfies LegendItem] : [])
	];
}
