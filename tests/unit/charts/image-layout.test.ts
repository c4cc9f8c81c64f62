// Layout of the standalone images: wrapping, the legend's rows, the chart's scaled box, and the card's fixed size.
import { describe, expect, it } from 'vitest';
import { estimateTextWidth } from '../../../src/lib/charts/chart-utils';
import {
	CARD_SIZE,
	CHART_IMAGE_WIDTH,
	layoutChartImage,
	layoutRoundCard,
	setMarkedText,
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
		statusParty: null,
		speakers: [
			{ text: 'Kyiv: 189', parties: ['kyiv' as const], bound: false },
			{ text: 'Moscow: at least 150', parties: ['moscow' as const], bound: true }
		]
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
		expect(left?.speakers.lines.map((line) => line.text)).toEqual(['Kyiv: 189', 'Moscow: at least 150']);
		expect(left?.speakers.markers.map(({ party, hollow }) => ({ party, hollow }))).toEqual([
			{ party: 'kyiv', hollow: false },
			{ party: 'moscow', hollow: true }
		]);
	});

	it("leads each speaker's words with their party's marker, a line each, the marker clear of the words", () => {
		const [kyivText, moscowText] = layout.columns[0]?.speakers.lines ?? [];
		const [kyiv, moscow] = layout.columns[0]?.speakers.markers ?? [];
		expect(kyiv?.y).toBeCloseTo((kyivText?.y ?? 0) - 22 * 0.35);
		expect(moscow?.y).toBeCloseTo((moscowText?.y ?? 0) - 22 * 0.35);
		expect(moscowText && kyivText && moscowText.y - kyivText.y).toBe(30);
		// A marker is 0.75 of the font size wide, centred on its x: its right edge stays left of the words.
		for (const [marker, text] of [
			[kyiv, kyivText],
			[moscow, moscowText]
		] as const) {
			expect(marker && text && marker.x + (22 * 0.75) / 2 < text.x).toBe(true);
		}
	});

	it("indents a speaker's further lines to the words, and keeps every line in the column", () => {
		const set = setMarkedText(
			[{ text: 'UAE Ministry of Foreign Affairs: 150 servicemen on each side', parties: ['mediator'], bound: false }],
			100,
			0,
			300,
			{ fontSize: 22, lineHeight: 30 }
		);
		expect(set.lines.length).toBeGreaterThan(1);
		expect(new Set(set.lines.map((line) => line.x)).size).toBe(1);
		expect(set.lines[0]?.x).toBeGreaterThan(100);
		for (const line of set.lines) expect(line.x + estimateTextWidth(line.text, 22)).toBeLessThanOrEqual(400);
	});

	it("draws the status's party before it, hollow when its figure is a bound", () => {
		const card = layoutRoundCard({
			site: 'Prisoner Exchange Monitor',
			heading: 'How many people have come home alive',
			facts: null,
			directions: [
				{ key: 'to_russia', ...direction, statusParty: { party: 'moscow', bound: true }, status: 'Moscow, 11 May 2023' }
			],
			footer: 'Dataset version abc.'
		});
		const status = card.columns[0]?.status;
		expect(status?.markers.map(({ party, hollow }) => ({ party, hollow }))).toEqual([
			{ party: 'moscow', hollow: true }
		]);
		expect((status?.markers[0]?.x ?? 0) < (status?.lines[0]?.x ?? 0)).toBe(true);
		expect(layout.columns[0]?.status.markers).toEqual([]);
	});

	it('drops the entries past its last line and ends that line with an ellipsis', () => {
		const many = Array.from({ length: 12 }, (_, index) => ({
			text: `Speaker number ${index}: ${index * 100}`,
			parties: ['mediator' as const],
			bound: false
		}));
		const set = setMarkedText(many, 0, 0, 400, { fontSize: 22, lineHeight: 30 }, 3);
		expect(set.lines).toHaveLength(3);
		expect(set.lines.at(-1)?.text.endsWith(' …')).toBe(true);
		for (const line of set.lines) expect(line.x + estimateTextWidth(line.text, 22)).toBeLessThanOrEqual(400);
		expect(set.markers.length).toBeLessThan(many.length);
	});

	it('keeps everything above the footer, and the footer on the card', () => {
		const lowest = Math.max(...layout.columns.flatMap((column) => column.speakers.lines.map((line) => line.y)));
		expect(lowest).toBeLessThan(layout.ruleY);
		expect(layout.footer[0]?.y).toBeLessThan(CARD_SIZE.height);
	});
});
