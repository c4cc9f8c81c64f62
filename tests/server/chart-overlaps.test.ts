// No chart overprints a label: every <text> of every chart, as rendered from the real dataset and from the fixtures, is
// estimated as a box (font size × characters, text-anchor), and no two boxes meet, nor a box and a mark or a line.
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { beforeAll, describe, expect, it } from 'vitest';
import ClaimDots from '../../src/lib/charts/ClaimDots.svelte';
import CumulativePlot from '../../src/lib/charts/CumulativePlot.svelte';
import DiscrepancyPlot from '../../src/lib/charts/DiscrepancyPlot.svelte';
import HeadlineBars from '../../src/lib/charts/HeadlineBars.svelte';
import TimelinePlot from '../../src/lib/charts/TimelinePlot.svelte';
import {
	boxesOverlap,
	estimateTextWidth,
	segmentCrossesBox,
	shapePath,
	type Box
} from '../../src/lib/charts/chart-utils';
import {
	CLAIM_DOTS_FONT_SIZE,
	CLAIM_DOTS_WIDTHS,
	layoutClaimDots,
	type ClaimDotsLayout
} from '../../src/lib/charts/claim-dots';
import { speakerOf } from '../../src/lib/charts/inputs';
import { formatNumber } from '../../src/lib/format/figures';
import { MODEL_WIDTHS } from '../../src/lib/charts/sizing';
import type { OverviewCharts } from '../../src/lib/server/db/queries/charts';
import type { RoundListItem } from '../../src/lib/server/db/queries/rounds';
import {
	bodyRounds,
	cumulativeInput,
	discrepancies,
	peopleRounds,
	cumulativeModel,
	discrepancyModel,
	timelineModel
} from '../fixtures/charts';
import { buildInto, realDataDir } from '../helpers/dataset';
import { drawnSegments, markBoxes, textBoxes, type TextBox } from '../helpers/svg-boxes';

/** Boxes that only touch, or meet by less than the rounding of the layouts' coordinates, do not overlap. */
const shrink = (box: Box): Box => ({
	x: box.x + 0.2,
	y: box.y + 0.2,
	width: box.width - 0.4,
	height: box.height - 0.4
});

/** A drawn line's stroke reaches about 1 unit either side of it (the series are 2 to 3 units wide). */
const grow = (box: Box): Box => ({ x: box.x - 1, y: box.y - 1, width: box.width + 2, height: box.height + 2 });

/**
 * Every pair of labels that overlap, every label that overlaps a mark, and every label a drawn line passes through
 * (gridlines excepted: faint, behind everything, and readable through a label's halo), in words.
 */
function collisions(svg: string, fontSize: number, bold: readonly string[]): string[] {
	const body = svg.replace(/<defs>[\s\S]*?<\/defs>/g, '').replace(/<title>[\s\S]*?<\/title>/g, '');
	const texts = textBoxes(body, fontSize, bold).filter((box) => box.text !== '');
	const marks = markBoxes(body);
	const segments = drawnSegments(body);
	const found: string[] = [];
	texts.forEach((a: TextBox, index) => {
		for (const b of texts.slice(index + 1)) {
			if (boxesOverlap(shrink(a), shrink(b))) found.push(`"${a.text}" overlaps "${b.text}"`);
		}
		for (const mark of marks) {
			if (boxesOverlap(shrink(a), shrink(mark))) found.push(`"${a.text}" overlaps a mark at ${mark.x},${mark.y}`);
		}
		const crossing = segments.find((segment) => segmentCrossesBox(segment, grow(shrink(a))));
		if (crossing) found.push(`"${a.text}" is crossed by the ${crossing.kind} at ${crossing.x1},${crossing.y1}`);
	});
	return found;
}

interface Case {
	name: string;
	svg: string;
	fontSize: number;
	bold: string[];
}

/**
 * A round page's dot chart laid out at any width, as ClaimDots.svelte draws it: its tick labels, row labels, markers
 * and their labels (the component itself draws only the two widths the page uses).
 */
function dotsSvg(layout: ClaimDotsLayout): string {
	const text = (x: number, y: number, words: string, anchor = 'start') =>
		`<text x="${x}" y="${y}" text-anchor="${anchor}">${words}</text>`;
	return [
		'<svg>',
		...layout.ticks.map((tick) => text(tick.x, layout.height - 8, formatNumber(tick.value), 'middle')),
		...layout.rows.flatMap((row) => [
			text(row.label.x, row.label.y, row.label.text),
			...row.dots.flatMap((dot) => [
				`<path transform="translate(${dot.x},${dot.y})" d="${shapePath(dot.shape, 90)}"/>`,
				...dot.label.lines.map((line) => text(dot.label.x, line.y, line.text, dot.label.anchor))
			])
		]),
		'</svg>'
	].join('');
}

/** Each chart's layouts: the narrow one is what the pages draw at 375 and at 1280 px, the wide one the images. */
function chartCases(source: string, charts: OverviewCharts): Case[] {
	const cases: Case[] = [];
	// Each plot takes `{ id, layout }` with a layout of its own type.
	const add = (
		name: string,
		component: Component<{ id: string; layout: never }>,
		layout: { variant: string; fontSize: number }
	) =>
		cases.push({
			name: `${source} ${name} ${layout.variant}`,
			svg: render(component, { props: { id: name, layout: layout as never } }).body,
			fontSize: layout.fontSize,
			bold: ['series-label', 'direction-label', 'panel-heading', 'gap']
		});
	for (const layout of charts.peopleTimeline.layouts) add('timeline-people', TimelinePlot as never, layout);
	for (const layout of charts.bodiesTimeline.layouts) add('timeline-bodies', TimelinePlot as never, layout);
	for (const layout of charts.cumulative.layouts) add('cumulative', CumulativePlot as never, layout);
	for (const layout of charts.discrepancies.layouts) add('discrepancies', DiscrepancyPlot as never, layout);
	return cases;
}

const fixtureCharts: OverviewCharts = {
	peopleTimeline: timelineModel(peopleRounds, 'people'),
	bodiesTimeline: timelineModel(bodyRounds, 'bodies'),
	cumulative: cumulativeModel(cumulativeInput),
	discrepancies: discrepancyModel(discrepancies)
};

/** The widths, in viewBox units, that every chart is also laid out at: a small phone's, a phone's and a laptop's. */
const SCREEN_WIDTHS = [320, 375, 1280];

const fixtureChartsAtScreenWidths: OverviewCharts = {
	peopleTimeline: timelineModel(peopleRounds, 'people', SCREEN_WIDTHS),
	bodiesTimeline: timelineModel(bodyRounds, 'bodies', SCREEN_WIDTHS),
	cumulative: cumulativeModel(cumulativeInput, SCREEN_WIDTHS),
	discrepancies: discrepancyModel(discrepancies, SCREEN_WIDTHS)
};

let realCases: Case[] = [];
/** The round pages' dot charts in each language at the widths the page draws them (narrow below 540 px, wide above). */
let roundDots: { name: string; layout: ClaimDotsLayout }[] = [];

beforeAll(async () => {
	process.env.DATASET_DB_PATH = buildInto(realDataDir);
	const { getDataset } = await import('../../src/lib/server/db/dataset');
	const { chartsAt, overviewCharts } = await import('../../src/lib/server/db/queries/charts');
	const { listRounds } = await import('../../src/lib/server/db/queries/rounds');
	const db = getDataset();
	const { overviewHeadlines } = await import('../../src/lib/server/db/queries/headline');
	const { inLocale } = await import('../../src/lib/server/i18n/locale-scope');
	realCases = chartCases('real', overviewCharts(db));
	// The same charts with their height and ticks chosen for other widths (see src/lib/charts/sizing.ts).
	realCases.push(
		...chartCases('real', chartsAt(db, SCREEN_WIDTHS)).map((item, index) => ({
			...item,
			name: `${item.name} at ${SCREEN_WIDTHS[index % SCREEN_WIDTHS.length]}`
		}))
	);
	// In Ukrainian and Russian, whose labels are longer, at the widths the pages and the images draw and at the screens'.
	for (const locale of ['uk', 'ru'] as const) {
		const widths = [...MODEL_WIDTHS, ...SCREEN_WIDTHS];
		realCases.push(
			...inLocale(locale, () => chartCases(`real ${locale}`, chartsAt(db, widths))).map((item, index) => ({
				...item,
				name: `${item.name} at ${widths[index % widths.length]}`
			}))
		);
	}
	for (const headline of overviewHeadlines(db)) {
		realCases.push({
			name: `headline bars ${headline.direction}`,
			// The chart itself, without the key's small arrows below it.
			svg:
				/<svg class="headline-bars[\s\S]*?<\/svg>/.exec(render(HeadlineBars, { props: { headline } }).body)?.[0] ?? '',
			fontSize: 11,
			bold: ['value']
		});
	}
	for (const locale of ['en', 'uk', 'ru'] as const) {
		inLocale(locale, () => {
			for (const round of listRounds(db) as RoundListItem[]) {
				const rows = (['to_ukraine', 'to_russia'] as const).map((direction) => ({
					key: direction,
					label: direction,
					figures: round.figures[round.population][direction].confirmation.figures
				}));
				for (const width of Object.values(CLAIM_DOTS_WIDTHS)) {
					const layout = layoutClaimDots(rows, speakerOf, width);
					roundDots.push({ name: `round ${round.id} dots in ${locale} at ${width}`, layout });
					realCases.push({
						name: `round ${round.id} dots in ${locale} at ${width}`,
						svg: dotsSvg(layout),
						fontSize: CLAIM_DOTS_FONT_SIZE,
						bold: []
					});
				}
			}
		});
	}
	// The round pages' dot charts: the wide drawing above 540 px (at 1280), the narrow one below (at 375).
	for (const round of listRounds(db) as RoundListItem[]) {
		const rows = (['to_ukraine', 'to_russia'] as const).map((direction) => ({
			key: direction,
			label: direction === 'to_ukraine' ? 'To Ukraine' : 'To Russia',
			figures: round.figures[round.population][direction].confirmation.figures
		}));
		const html = render(ClaimDots, { props: { rows } }).body;
		for (const width of SCREEN_WIDTHS) {
			const layout = layoutClaimDots(rows, speakerOf, width);
			realCases.push({
				name: `round ${round.id} dots at ${width}`,
				svg: dotsSvg(layout),
				fontSize: CLAIM_DOTS_FONT_SIZE,
				bold: []
			});
		}
		for (const [variant, svg] of [...html.matchAll(/variant-(wide|narrow)[^"]*">(<svg[\s\S]*?<\/svg>)/g)].map(
			(match) => [match[1], match[2]] as const
		)) {
			realCases.push({
				name: `round ${round.id} dots ${variant}`,
				svg: svg ?? '',
				fontSize: CLAIM_DOTS_FONT_SIZE,
				bold: []
			});
		}
	}
}, 60_000);

describe('no label overprints another label or a mark', () => {
	it.each(chartCases('fixtures', fixtureCharts))('$name', ({ svg, fontSize, bold }) => {
		expect(collisions(svg, fontSize, bold)).toEqual([]);
	});

	it.each(
		chartCases('fixtures', fixtureChartsAtScreenWidths).map((item, index) => ({
			...item,
			name: `${item.name} at ${SCREEN_WIDTHS[index % SCREEN_WIDTHS.length]}`
		}))
	)('$name', ({ svg, fontSize, bold }) => {
		expect(collisions(svg, fontSize, bold)).toEqual([]);
	});

	it('in every chart drawn from the real dataset, the round pages included', () => {
		expect(realCases.length).toBeGreaterThan(8);
		// The Ukrainian and Russian charts are in their language: their longer labels are what is checked.
		const wideIn = (locale: string) => realCases.find((item) => item.name === `real ${locale} cumulative wide at 680`);
		expect(wideIn('uk')?.svg).toContain('Цифри Москви');
		expect(wideIn('ru')?.svg).toContain('Цифры Москвы');
		const found = realCases.flatMap(({ name, svg, fontSize, bold }) =>
			collisions(svg, fontSize, bold).map((collision) => `${name}: ${collision}`)
		);
		expect(found).toEqual([]);
	});

	it("on a round's page, in every language, no figure's label runs past the chart's edges", () => {
		expect(roundDots.length).toBeGreaterThan(600);
		const outside = roundDots.flatMap(({ name, layout }) =>
			layout.rows.flatMap((row) =>
				row.dots.flatMap((dot) =>
					dot.label.lines.flatMap((line) => {
						const width = estimateTextWidth(line.text, CLAIM_DOTS_FONT_SIZE);
						const [left, right] =
							dot.label.anchor === 'start' ? [dot.label.x, dot.label.x + width] : [dot.label.x - width, dot.label.x];
						return left < 0 || right > layout.width ? [`${name}: "${line.text}" from ${left} to ${right}`] : [];
					})
				)
			)
		);
		expect(outside).toEqual([]);
	});

	it('finds an overprinted label (the check itself)', () => {
		const svg =
			'<svg><text x="10" y="20">Kyiv: 6,507</text><path transform="translate(30,16)" d="M0,-5L5,0L0,5L-5,0Z"/></svg>';
		expect(collisions(svg, 12, [])).toEqual(['"Kyiv: 6,507" overlaps a mark at 25,11']);
	});

	it.each([
		{
			name: 'a step line through a bold direct label',
			svg: '<path class="series series-moscow" d="M0,30L100,30L100,10"/><text class="series-label" x="110" y="20" text-anchor="end">Moscow: 3,901</text>',
			found: ['"Moscow: 3,901" is crossed by the series-moscow at 100,30']
		},
		{
			name: 'a slanting leader through a label',
			svg: '<path class="leader" d="M0,0L60,40"/><text x="20" y="24">6,235</text>',
			found: ['"6,235" is crossed by the leader at 0,0']
		},
		{
			name: 'a range line through a label',
			svg: '<line class="range" x1="30" x2="30" y1="0" y2="50"/><text x="20" y="24">3,035</text>',
			found: ['"3,035" is crossed by the range at 30,0']
		},
		{
			name: 'a line that passes by, and a gridline behind a label',
			svg: '<path class="series" d="M0,30L100,30"/><line class="grid" x1="0" x2="100" y1="20" y2="20"/><text x="20" y="24">3,035</text>',
			found: []
		}
	])('finds a label a line is drawn through (the check itself): $name', ({ svg, found }) => {
		expect(collisions(`<svg>${svg}</svg>`, 12, ['series-label'])).toEqual(found);
	});
});
