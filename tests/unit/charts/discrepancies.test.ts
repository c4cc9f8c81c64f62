// The discrepancy chart as a specification: a panel per population, a dot-range row per dispute, the summary and the table.
import type { PartyKey } from '../../../src/lib/design/tokens';
import { describe, expect, it } from 'vitest';
import {
	discrepancySize,
	discrepancyTable,
	distinctFigures,
	gapText,
	layoutDiscrepancies,
	rowLabel,
	sortDiscrepancies,
	ROWS_SHOWN,
	speakerParty,
	summarizeDiscrepancies
} from '../../../src/lib/charts/discrepancies';
import type { Discrepancy, DiscrepancyFigure } from '../../../src/lib/charts/types';
import { discrepancies, factsOf } from '../../fixtures/charts';
import { LAYOUT_WIDTHS } from '../../../src/lib/charts/sizing';

const byRound = (roundId: string) =>
	discrepancies.find((discrepancy) => discrepancy.roundId === roundId) as Discrepancy;
const december = byRound('2024-12-30-exchange');
const withBound = byRound('2025-04-02-exchange');
const bodies = byRound('2025-12-19-bodies');
const october = byRound('2022-10-17-exchange');

const wide = layoutDiscrepancies(discrepancies, factsOf(discrepancies).counts, discrepancySize(LAYOUT_WIDTHS.wide));
const narrow = layoutDiscrepancies(discrepancies, factsOf(discrepancies).counts, discrepancySize(LAYOUT_WIDTHS.narrow));

describe('speakerParty', () => {
	const figure = (speaker: string, side?: DiscrepancyFigure['side']): DiscrepancyFigure => ({
		speaker,
		value: 1,
		qualifier: 'exact',
		counted: '',
		...(side ? { side } : {})
	});
	it.each<{ figure: DiscrepancyFigure; kind: PartyKey }>([
		{ figure: figure('Kyiv'), kind: 'kyiv' },
		{ figure: figure('Moscow'), kind: 'moscow' },
		{ figure: figure('Kommersant'), kind: 'media' },
		{ figure: figure('Coordination Headquarters', 'ukraine'), kind: 'kyiv' },
		{ figure: figure('Russian Ministry of Defence', 'russia'), kind: 'moscow' },
		{ figure: figure('UAE Ministry of Foreign Affairs', 'mediator'), kind: 'mediator' },
		{ figure: figure('ICRC', 'international'), kind: 'international' },
		{ figure: figure('Kyiv', 'independent'), kind: 'media' }
	])('$figure.speaker ($figure.side) gets the $kind marker', ({ figure, kind }) => {
		expect(speakerParty(figure)).toBe(kind);
	});
});

describe('words', () => {
	it.each([
		{ discrepancy: december, gap: 'gap 39', label: '30 Dec 2024, to Ukraine' },
		{ discrepancy: october, gap: 'gap 2', label: '17 Oct 2022, to Ukraine' },
		{ discrepancy: withBound, gap: 'incl. a bound', label: '2 Apr 2025, to Russia' },
		{ discrepancy: bodies, gap: 'gap 3', label: '19 Dec 2025, to Ukraine' }
	])('$discrepancy.roundId: "$label", "$gap"', ({ discrepancy, gap, label }) => {
		expect(gapText(discrepancy)).toBe(gap);
		expect(rowLabel(discrepancy)).toBe(label);
	});

	it('sorts newest first, returns to Ukraine before returns to Russia on one day', () => {
		const sameDay = { ...december, direction: 'to_russia' as const };
		expect(sortDiscrepancies([sameDay, ...discrepancies]).map((row) => `${row.date} ${row.direction}`)).toEqual([
			'2025-12-19 to_ukraine',
			'2025-04-02 to_russia',
			'2024-12-30 to_ukraine',
			'2024-12-30 to_russia',
			'2022-10-17 to_ukraine'
		]);
	});

	it('draws a figure repeated by one speaker once, in order of value', () => {
		expect(distinctFigures(december).map((figure) => `${figure.speaker} ${figure.value}`)).toEqual([
			'Moscow 150',
			'UAE Ministry of Foreign Affairs 150',
			'Kyiv 189'
		]);
	});
});

describe('layoutDiscrepancies', () => {
	it('draws a panel per population, people first, each with its own scale from zero', () => {
		expect(wide.panels.map((panel) => [panel.key, panel.heading.text, panel.ticks.map((tick) => tick.label)])).toEqual([
			['people', 'People returned alive', ['0', '50', '100', '150', '200']],
			['bodies', 'Bodies repatriated', ['0', '200', '400', '600', '800', '1,000', '1,200']]
		]);
		const [people, bodyPanel] = wide.panels;
		expect(people?.ticks[0]?.x).toBe(176);
		expect(people?.ticks[4]?.x).toBe(596);
		expect(bodyPanel?.ticks[6]?.x).toBe(596);
	});

	it('stacks the panels: heading, a band per row, then the axis', () => {
		const [people, bodyPanel] = wide.panels;
		expect(people?.rows.map((row) => [row.key, row.y])).toEqual([
			['2025-04-02-exchange-people-to_russia', 44],
			['2024-12-30-exchange-people-to_ukraine', 72],
			['2022-10-17-exchange-people-to_ukraine', 100]
		]);
		expect([people?.gridTop, people?.gridBottom, people?.axisY]).toEqual([30, 114, 133]);
		expect(bodyPanel?.rows.map((row) => row.y)).toEqual([184]);
		expect(wide.height).toBe(232);
	});

	it('draws a row as a line from the lowest to the highest figure, a dot per figure and the gap after it', () => {
		const row = wide.panels[0]?.rows[1];
		// x = 176 + 2.1 × value.
		expect([row?.lowX, row?.highX]).toEqual([491, expect.closeTo(572.9, 9)]);
		expect(row?.dots.map((dot) => [dot.party, dot.x, dot.y, dot.bound])).toEqual([
			['moscow', 491, 66.6, false],
			['media', 491, 77.4, false],
			['kyiv', expect.closeTo(572.9, 9), 72, false]
		]);
		expect(row?.gap).toEqual({ x: expect.closeTo(582.9, 9), y: 76.55, text: 'gap 39', anchor: 'start' });
		expect(row?.label).toEqual({ x: 164, y: 76.55, text: '30 Dec 2024, to Ukraine', anchor: 'end' });
	});

	it('draws a bound hollow and gives each speaker its marker shape', () => {
		const row = wide.panels[0]?.rows[0];
		expect(row?.dots.map((dot) => [dot.party, dot.bound])).toEqual([
			['kyiv', true],
			['moscow', false]
		]);
		const shapes = new Set(wide.panels[0]?.rows[1]?.dots.map((dot) => dot.symbol));
		expect(shapes.size).toBe(3);
	});

	it('writes the gap before the lowest figure when there is no room after the highest', () => {
		// On the narrow chart the scale ends at 262, 78 before the edge: "incl. a bound" needs 94.
		const row = layoutDiscrepancies(
			[{ ...withBound, high: 200 }],
			factsOf([{ ...withBound, high: 200 }]).counts,
			discrepancySize(LAYOUT_WIDTHS.narrow)
		).panels[0]?.rows[0];
		expect(row?.gap).toMatchObject({ x: row && row.lowX - 10, text: 'incl. a bound', anchor: 'end' });
		const december = narrow.panels[0]?.rows[1];
		expect(december?.gap).toMatchObject({ x: (december?.highX ?? 0) + 10, anchor: 'start' });
	});

	it('puts the row labels above the rows on narrow charts', () => {
		const row = narrow.panels[0]?.rows[1];
		// Rows are 44 high from y = 30 + 44; the label's baseline is 14 below the row's top, the line 30.
		expect(row?.label).toEqual({ x: 14, y: 88, text: '30 Dec 2024, to Ukraine', anchor: 'start' });
		expect(row?.y).toBe(104);
	});

	it('describes each row in words, for its accessible name and tooltip', () => {
		const row = wide.panels[0]?.rows[1];
		expect(row?.href).toBe('/rounds/2024-12-30-exchange');
		expect(row?.description).toBe(
			'30 Dec 2024, prisoner exchange. To Ukraine: Moscow 150; UAE Ministry of Foreign Affairs 150; Kyiv 189; gap 39.'
		);
		expect(row?.tooltip).toEqual([
			'30 Dec 2024, prisoner exchange',
			'To Ukraine',
			'Moscow: 150',
			'UAE Ministry of Foreign Affairs: 150',
			'Kyiv: 189',
			'gap 39'
		]);
		expect(wide.panels[0]?.rows[0]?.description).toBe(
			'2 Apr 2025, prisoner exchange. To Russia: Kyiv up to 80; Moscow 100; incl. a bound.'
		);
	});

	it('leaves out a population without disputes, and draws nothing without any', () => {
		expect(
			layoutDiscrepancies([december], factsOf([december]).counts, discrepancySize(LAYOUT_WIDTHS.wide)).panels.map(
				(panel) => panel.key
			)
		).toEqual(['people']);
		expect(layoutDiscrepancies([], factsOf([]).counts, discrepancySize(LAYOUT_WIDTHS.wide))).toMatchObject({
			panels: [],
			height: 8
		});
	});
});

describe('summarizeDiscrepancies', () => {
	it.each([
		{
			name: 'counts rounds and names the largest gap between exact figures',
			input: discrepancies,
			expected: 'In 4 rounds the stated figures differ; the largest gap is 39 (30 Dec 2024).'
		},
		{
			name: 'counts a round disputed in both directions once',
			input: [bodies, { ...bodies, direction: 'to_russia' as const, low: 25, high: 26 }],
			expected: 'In 1 round the stated figures differ; the largest gap is 3 (19 Dec 2025).'
		},
		{
			name: 'of equal gaps, names the newest',
			input: [october, { ...october, roundId: 'later', date: '2023-04-26' }],
			expected: 'In 2 rounds the stated figures differ; the largest gap is 2 (26 Apr 2023).'
		},
		{
			name: 'gives no gap where every dispute involves a bound',
			input: [withBound],
			expected: 'In 1 round the stated figures differ.'
		},
		{ name: 'says so without disputes', input: [], expected: 'In no round do the stated figures differ.' }
	])('$name', ({ input, expected }) => {
		expect(summarizeDiscrepancies(factsOf(input))).toBe(expected);
	});
});

describe('discrepancyTable', () => {
	it('lists each dispute newest first with every figure, what it counted, and the gap', () => {
		expect(discrepancyTable(sortDiscrepancies(discrepancies))).toEqual([
			{
				key: '2025-12-19-bodies-bodies-to_ukraine',
				href: '/rounds/2025-12-19-bodies',
				date: '19 Dec 2025',
				direction: 'To Ukraine, bodies',
				figures: [
					{ key: '0', text: 'Moscow: 1,000 (bodies handed over)' },
					{ key: '1', text: 'Kyiv: 1,003' }
				],
				gap: 'gap 3'
			},
			{
				key: '2025-04-02-exchange-people-to_russia',
				href: '/rounds/2025-04-02-exchange',
				date: '2 Apr 2025',
				direction: 'To Russia, people',
				figures: [
					{ key: '0', text: 'Kyiv: up to 80 (Russian servicemen handed over)' },
					{ key: '1', text: 'Moscow: 100 (servicemen returned)' }
				],
				gap: 'incl. a bound'
			},
			{
				key: '2024-12-30-exchange-people-to_ukraine',
				href: '/rounds/2024-12-30-exchange',
				date: '30 Dec 2024',
				direction: 'To Ukraine, people',
				figures: [
					{ key: '0', text: 'Moscow: 150 (Ukrainian POWs handed over)' },
					{ key: '1', text: 'UAE Ministry of Foreign Affairs: 150 (prisoners released by each side)' },
					{ key: '2', text: 'Kyiv: 189 (Ukrainians freed in the 59th exchange)' },
					{ key: '3', text: 'Kyiv: 189 (Ukrainians brought home)' }
				],
				gap: 'gap 39'
			},
			{
				key: '2022-10-17-exchange-people-to_ukraine',
				href: '/rounds/2022-10-17-exchange',
				date: '17 Oct 2022',
				direction: 'To Ukraine, people',
				figures: [
					{ key: '0', text: 'Kyiv: 108 (Ukrainian women freed from captivity)' },
					{ key: '1', text: "Moscow: 110 (prisoners exchanged by each side ('110 for 110'))" }
				],
				gap: 'gap 2'
			}
		]);
	});
});

describe('a bounded chart', () => {
	it('draws the latest rows of a panel only, and says so in its heading', () => {
		const many = Array.from({ length: 20 }, (_, index) => ({
			...december,
			roundId: `round-${index}`,
			date: `2024-01-${String(index + 1).padStart(2, '0')}`
		}));
		const [panel] = layoutDiscrepancies(many, factsOf(many).counts, discrepancySize(LAYOUT_WIDTHS.narrow)).panels;
		expect(panel?.rows).toHaveLength(ROWS_SHOWN);
		expect(panel?.heading.text).toBe(`People returned alive: the ${ROWS_SHOWN} latest of 20`);
		expect(panel?.rows[0]?.key).toBe('round-19-people-to_ukraine');
	});
});
