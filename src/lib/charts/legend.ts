// What each chart's legend lists: the kinds of mark it draws, each with the words that say what it means.
import { partyKeys, type PartyKey } from '../design/tokens';
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
	| `party-${PartyKey}`
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

/** A party's entry: its shape and colour, from the design tokens, with its name. */
export function partyLegendItem(party: PartyKey): LegendItem {
	const labels: Record<PartyKey, () => string> = {
		kyiv: m.chart_legend_party_kyiv,
		moscow: m.chart_legend_party_moscow,
		mediator: m.chart_legend_party_mediator,
		international: m.chart_legend_party_international,
		media: m.chart_legend_party_media
	};
	return { swatch: `party-${party}`, label: labels[party]() };
}

/** The parties of `present`, in the tokens' order: a legend lists only the parties its chart draws. */
function partyItems(present: readonly PartyKey[]): LegendItem[] {
	return partyKeys.filter((party) => present.includes(party)).map(partyLegendItem);
}

/** The cumulative chart's legend: the three running sums and the stated totals, by the parties that stated them. */
export function cumulativeLegend(statedBy: readonly PartyKey[] = []): LegendItem[] {
	return [
		{ swatch: 'series-kyiv', label: m.chart_legend_series_kyiv() },
		{ swatch: 'series-moscow', label: m.chart_legend_series_moscow() },
		{ swatch: 'series-confirmed', label: m.chart_legend_series_confirmed() },
		...(statedBy.length > 0 ? [{ swatch: 'stated', label: m.chart_legend_stated() } satisfies LegendItem] : []),
		...partyItems(statedBy),
		{ swatch: 'stated-bound', label: m.chart_legend_stated_bound() }
	];
}

/**
 * The discrepancy chart's legend: the parties whose figures it draws; the hollow marker is explained only when some
 * figure is a bound, as it appears only then.
 */
export function discrepancyLegend(hasBounds: boolean, parties: readonly PartyKey[] = ['kyiv', 'moscow']): LegendItem[] {
	return [
		...partyItems(parties),
		{ swatch: 'range', label: m.chart_legend_range() },
		...(hasBounds ? [{ swatch: 'hollow', label: m.chart_legend_hollow() } satisfies LegendItem] : [])
	];
}
