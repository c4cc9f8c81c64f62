// The overview's charts as standalone images, rendered on the server from the same models as the pages: SVG and PNG.
import { render } from 'svelte/server';
import ChartImage from '../../charts/ChartImage.svelte';
import { chartLegend, chartTitle, wideLayoutSize, type ChartName, type NamedDrawing } from '../../charts/catalog';
import { layoutChartImage, type ChartImageLayout } from '../../charts/image-layout';
import { formatDate } from '../../format/figures';
import { m } from '../../paraglide/messages.js';
import { getLocale, type Locale } from '../../paraglide/runtime.js';
import type { DatasetDatabase } from '../db/dataset';
import { namedDrawing, overviewCharts } from '../db/queries/charts';
import type { DatasetInfo } from '../db/queries/rounds';
import { inLocale } from '../i18n/locale-scope';
import { memoisedPng, svgDocument } from './render';
import { localHref } from '../../i18n/addresses';

/** What an image prints besides the chart: the site's address and the dataset's version and date. */
export interface ImageContext {
	origin: string;
	dataset: DatasetInfo;
}

/** Where everything goes in the chart's image; its `width` and `height` are the image's size. */
export function chartImageLayout(chart: NamedDrawing, context: ImageContext): ChartImageLayout {
	return layoutChartImage({
		title: chartTitle(chart.name),
		summary: chart.model.summary,
		legend: chartLegend(chart),
		plotSize: wideLayoutSize(chart),
		source: [
			m.image_source({ url: `${context.origin}${localHref(`/#${chart.name}`)}` }),
			m.footer_dataset({ version: context.dataset.version, date: formatDate(context.dataset.latestDate) })
		]
	});
}

/**
 * The chart as a standalone SVG document: white, 1200 pixels wide, its styles inside, every word in `locale` (the
 * chart's own model, with its summary and tooltips, must have been built in the same locale).
 */
export function chartImageSvg(chart: NamedDrawing, context: ImageContext, locale: Locale = getLocale()): string {
	return inLocale(locale, () => {
		const props = { chart, title: chartTitle(chart.name), layout: chartImageLayout(chart, context) };
		return svgDocument(render(ChartImage, { props }).body);
	});
}

/** The chart as a PNG of the same SVG, rendered once for as long as the chart and its language stay the same. */
export function chartImagePng(
	chart: NamedDrawing,
	context: ImageContext,
	locale: Locale = getLocale()
): Uint8Array<ArrayBuffer> {
	return memoisedPng(chartImageSvg(chart, context, locale));
}

/** One of the dataset's overview charts as an SVG or PNG in `locale`, the chart itself built in that language. */
export function overviewChartImage(
	db: DatasetDatabase,
	name: ChartName,
	format: 'svg' | 'png',
	context: ImageContext,
	locale: Locale = getLocale()
): string | Uint8Array<ArrayBuffer> {
	return inLocale(locale, () => {
		const chart = namedDrawing(overviewCharts(db), name);
		return format === 'svg' ? chartImageSvg(chart, context, locale) : chartImagePng(chart, context, locale);
	});
}
