// Layout of the standalone images: wrapping, the legend's rows, the chart's scaled box, and the card's fixed size.
import { describe, expect, it } from 'vitest';
import {
	CARD_SIZE,
	CHART_IMAGE_WIDTH,
	layoutChartImage,
	layoutRoundCard,
	wrapText
} from '../../../src/lib/charts/image-layout';
import { cumulativeLegend } from '../../../src/lib/charts/legend';

describe('wrapText', () => {
	it.each([
		{ text: 'one two three', maxWidth: 100, lines: ['one two three'] },
		{ text: 'one two three', maxWidth: 40, lines: ['one two', 'three'] },
		{ text: 'one  two\nthree', maxWidth: 40, lines: ['one two', 'three'] },
		{ text: 'unbreakable-word', maxWidth: 20, lines: ['unbreakable-word'] },
		{ text: '', maxWidth: 50, lines: [] }
	])('$text in $maxWidth: $lines', ({ text, maxWidth, lines }) => {
		// At font size 6 a character is estimated at 3.6 units, so 40 units hold 11 characters and 100 hold 27.
		expect(wrapText(text, 6, maxWidth)).toEqual(lines);
	});

	it('ends the last line kept with an ellipsis, within the width', () => {
		expect(wrapText('one two three four five six', 6, 40, 2)).toEqual(['one two', 'three …']);
	});
});

describe('layoutChartImage', () => {
	const layout = layoutChartImage({
		title: 'People returned to Ukraine, added up round by round',
		summary: 'A summary long enough to need a second line when it is set at twenty-two pixels in a column of 1,104.',
		legend: cumulativeLegend(),
		plotSize: { width: 680, height: 360 },
		source: ['Source: Prisoner Exchange Monitor, https://example.org/#cumulative', 'Dataset version abc.']
	});

	it('is 1200 pixels wide and scales the chart to the column, keeping its proportions', () => {
		expect(layout.width).toBe(CHART_IMAGE_WIDTH);
		expect(layout.plot.x).toBe(48);
		expect(layout.plot.width).toBe(1104);
		expect(layout.plot.height).toBeCloseTo((1104 * 360) / 680);
	});

	it('stacks title, summary, legend, chart and source from top to bottom without overlap', () => {
		expect(layout.summary).toHaveLength(2);
		const lastSummary = layout.summary.at(-1)?.y ?? 0;
		const legendTops = layout.legend.map((entry) => entry.label.y);
		expect(Math.min(...legendTops)).toBeGreaterThan(lastSummary);
		expect(layout.plot.y).toBeGreaterThan(Math.max(...legendTops));
		expect(layout.ruleY).toBeGreaterThan(layout.plot.y + layout.plot.height);
		expect(layout.source.map((line) => line.y)).toEqual([expect.any(Number), expect.any(Number)]);
		expect(layout.height).toBeGreaterThan(layout.source.at(-1)?.y ?? Infinity);
	});

	it('puts legend entries side by side and wraps them within the column', () => {
		const rows = new Set(layout.legend.map((entry) => entry.label.y));
		expect(rows.size).toBeGreaterThan(1);
		expect(rows.size).toBeLessThan(layout.legend.length);
		for (const entry of layout.legend) expect(entry.transform).toMatch(/^translate\([\d.]+,[\d.]+\) scale\(1.4\)$/);
	});
});

describe('layoutRoundCard', () => {
	const direction = {
		heading: 'To Ukraine: People returned alive',
		figure: '150 to 189',
		status: 'Disputed',
		tone: 'disputed' as const,
		speakers: ['Kyiv: 189', 'Moscow: 150']
	};
	const layout = layoutRoundCard({
		site: 'Prisoner Exchange Monitor',
		heading: 'Prisoner exchange, 30 Dec 2024',
		facts: "Kyiv's exchange no. 59 · Mediator: UAE",
		directions: [
			{ key: 'to_ukraine', ...direction },
			{ key: 'to_russia', ...direction, figure: null, status: 'No figure', tone: 'none', speakers: [] }
		],
		footer: 'Dataset version abc, data as of 6 Aug 2025.'
	});

	it('is 1200 × 630 with a column per direction, side by side', () => {
		expect({ width: layout.width, height: layout.height }).toEqual(CARD_SIZE);
		const [left, right] = layout.columns;
		expect(left?.heading[0]?.x).toBe(56);
		expect(right?.heading[0]?.x).toBeGreaterThan(600);
		expect(right?.figure).toEqual([]);
		expect(left?.speakers.map((line) => line.text)).toEqual(['Kyiv: 189 · Moscow: 150']);
	});

	it('keeps everything above the footer, and the footer on the card', () => {
		const lowest = Math.max(...layout.columns.flatMap((column) => column.speakers.map((line) => line.y)));
		expect(lowest).toBeLessThan(layout.ruleY);
		expect(layout.footer[0]?.y).toBeLessThan(CARD_SIZE.height);
	});
});
