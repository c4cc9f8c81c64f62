// The charts by name: titles, legends, and the embed code with its absolute address and height.
import { describe, expect, it } from 'vitest';
import {
	chartLegend,
	chartNames,
	chartTitle,
	embedCode,
	embedHeight,
	type NamedChart
} from '../../../src/lib/charts/catalog';
import {
	cumulativeInput,
	discrepancies,
	peopleRounds,
	cumulativeModel,
	discrepancyModel,
	timelineModel
} from '../../fixtures/charts';

const charts: NamedChart[] = [
	{ name: 'timeline-people', model: timelineModel(peopleRounds, 'people') },
	{ name: 'cumulative', model: cumulativeModel(cumulativeInput) },
	{ name: 'discrepancies', model: discrepancyModel(discrepancies) }
];

describe('the chart catalog', () => {
	it('names every chart with its heading', () => {
		expect(chartNames.map(chartTitle)).toEqual([
			'People returned in each round',
			'Bodies returned in each round',
			'People returned to Ukraine, added up round by round',
			'Where the stated figures differ'
		]);
	});

	it.each([
		{ chart: charts[0] as NamedChart, swatches: ['confirmed', 'announced', 'bound', 'disputed'] },
		{
			chart: charts[1] as NamedChart,
			swatches: ['series-kyiv', 'series-moscow', 'series-confirmed', 'stated', 'party-kyiv', 'stated-bound']
		},
		{ chart: charts[2] as NamedChart, swatches: ['party-kyiv', 'party-moscow', 'party-media', 'range', 'hollow'] }
	])("lists the $chart.name chart's legend", ({ chart, swatches }) => {
		expect(chartLegend(chart).map((item) => item.swatch)).toEqual(swatches);
	});

	it('writes the embed code with the absolute address, the title for screen readers and a height', () => {
		const cumulative = charts[1] as NamedChart;
		expect(embedCode('https://exchanges.example.org', cumulative)).toBe(
			'<iframe src="https://exchanges.example.org/embed/cumulative" title="People returned to Ukraine, added up round by round" width="100%" height="910" style="border: 0" loading="lazy"></iframe>'
		);
	});

	it('sizes each embed for its chart at a column of 640 pixels, in tens', () => {
		for (const chart of charts) {
			const height = embedHeight(chart);
			expect(height % 10).toBe(0);
			expect(height).toBeGreaterThan(500);
			expect(height).toBeLessThan(1200);
		}
	});
});
