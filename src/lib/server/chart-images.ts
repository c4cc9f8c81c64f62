// The overview's charts as standalone images, rendered on the server from the same models as the pages: SVG and PNG.
import { render } from 'svelte/server';
import ChartImage from '../charts/ChartImage.svelte';
import { chartLegend, chartTitle, wideLayoutSize, type NamedChart } from '../charts/catalog';
import { layoutChartImage, type ChartImageLayout } from '../charts/image-layout';
import { formatDate } from '../format/figures';
import { m } from '../paraglide/messages.js';
import type { DatasetInfo } from './db/queries/rounds';
import { memoisedPng, svgDocument } from './images';
import { localHref } from '../i18n/addresses';

/** What an image prints besides the chart: the site's address and the dataset's version and date. */
export interface ImageContext {
	origin: string;
	dataset: DatasetInfo;
}

/** Where everything goes in the chart's image; its `width` and `height` are the image's size. */
export function chartImageLayout(chart: NamedChart, context: ImageContext): ChartImageLayout {
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

/** The chart as a standalone SVG document: white, 1200 pixels wide, its styles inside. */
export function chartImageSvg(chart: NamedChart, context: ImageContext): string {
	const props = { chart, title: chartTitle(chart.name), layout: chartImageLayout(chart, context) };
	return svgDocument(render(ChartImage, { props }).body);
}

/** The chart as a PNG of the same SVG, rendered once for as long as the chart stays the same. */
export function chartImagePng(chart: NamedChart, context: ImageContext): Uint8Array<ArrayBuffer> {
	return memoisedPng(chartImageSvg(chart, context));
}
