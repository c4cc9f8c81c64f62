// The chart images and the round cards, called as the server calls them, on a fixture dataset: real PNGs of the stated size, SVGs that stand alone.
import { Resvg } from '@resvg/resvg-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartNames } from '../../src/lib/charts/catalog';
import { partySymbol, shapePath } from '../../src/lib/charts/chart-utils';
import { cardMarkerArea } from '../../src/lib/charts/image-layout';
import { palette, partyKeys, partyOfSide, type PartyKey } from '../../src/lib/design/tokens';
import { memoisedPng } from '../../src/lib/server/images/render';
import { match as isImageFormat } from '../../src/params/image';
import { buildInto, fixtureDir } from '../helpers/dataset';

type Handler = (event: { params: Record<string, string>; url: URL }) => Response | Promise<Response>;
let chartImage: Handler;
let roundCard: Handler;
let overviewCard: Handler;

beforeAll(async () => {
	process.env.DATASET_DB_PATH = buildInto(fixtureDir('valid-data'));
	chartImage = (await import('../../src/routes/charts/[chart=chart].[format=image]/+server')).GET as unknown as Handler;
	roundCard = (await import('../../src/routes/rounds/[id]/card.png/+server')).GET as unknown as Handler;
	overviewCard = (await import('../../src/routes/card.png/+server')).GET as unknown as Handler;
});

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The size a PNG states in its IHDR chunk, which must come first, right after the signature. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
	expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	expect(view.getUint32(8)).toBe(13);
	expect(new TextDecoder().decode(bytes.subarray(12, 16))).toBe('IHDR');
	return { width: view.getUint32(16), height: view.getUint32(20) };
}

async function getChart(chart: string, format: string) {
	return chartImage({ params: { chart, format }, url: new URL(`https://example.org/charts/${chart}.${format}`) });
}

describe('/charts/<chart>.png and .svg', () => {
	it.each(chartNames)('%s.png is a PNG as wide as the SVG says, and as tall', async (chart) => {
		const png = await getChart(chart, 'png');
		expect(png.headers.get('content-type')).toBe('image/png');
		expect(png.headers.get('content-disposition')).toMatch(
			new RegExp(`^inline; filename="prisoner-exchange-monitor-${chart}-[0-9a-f]{12}\\.png"$`)
		);
		const bytes = new Uint8Array(await png.arrayBuffer());
		const svg = await (await getChart(chart, 'svg')).text();
		const [, width, height] = svg.match(/<svg[^>]* width="(\d+)" height="(\d+)"/) ?? [];
		expect(pngSize(bytes)).toEqual({ width: 1200, height: Number(height) });
		expect(width).toBe('1200');
	});

	it.each(chartNames)('%s.svg stands alone: XML with its title, source line, version and styles', async (chart) => {
		const response = await getChart(chart, 'svg');
		expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
		const svg = await response.text();
		expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
		expect(svg).toContain(`Source: Prisoner Exchange Monitor, https://example.org/#${chart}</text>`);
		expect(svg).toMatch(/>Dataset version [0-9a-f]{12}, data as of \d+ \w+ \d{4}\.<\/text>/);
		expect(svg).toContain('<style>');
		expect(svg).not.toMatch(/var\(--|<!--|NaN|undefined/);
		expect(svg).toContain('font-family="DejaVu Sans"');
	});

	it('names the chart in its title', async () => {
		const svg = await (await getChart('cumulative', 'svg')).text();
		expect(svg).toContain('<title id="cumulative-title">People returned to Ukraine, added up round by round</title>');
		expect(svg).toContain('>People returned to Ukraine, added up round by round</text>');
	});

	it('knows only SVG and PNG', () => {
		expect(['svg', 'png', 'jpg', 'SVG', ''].map(isImageFormat)).toEqual([true, true, false, false, false]);
	});
});

describe('the chart images colour their marks as the pages do', () => {
	it("timeline-people.png fills a confirmed bar with the confirmed colour, as its legend's swatch", async () => {
		const svg = await (await getChart('timeline-people', 'svg')).text();
		// The plot is a nested SVG placed in the image and scaled by its viewBox.
		const plot = /<svg viewBox="0 0 ([\d.]+) [\d.]+" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"/.exec(svg);
		const bar = /<rect class="bar confirmed[^"]*" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(
			svg
		);
		expect(plot).not.toBeNull();
		expect(bar).not.toBeNull();
		const [viewWidth, left, top, width] = (plot ?? []).slice(1).map(Number) as [number, number, number, number];
		const [x, y, barWidth, barHeight] = (bar ?? []).slice(1).map(Number) as [number, number, number, number];
		const scale = width / viewWidth;
		const image = new Resvg(svg).render();
		const column = Math.round(left + (x + barWidth / 2) * scale);
		const row = Math.round(top + (y + barHeight / 2) * scale);
		const offset = (row * image.width + column) * 4;
		const colour = `#${[...image.pixels.subarray(offset, offset + 3)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
		expect(colour).toBe(palette.light.confirmed);
	});
});

describe('/rounds/<id>/card.png', () => {
	const getCard = async (id: string) =>
		roundCard({ params: { id }, url: new URL(`https://example.org/rounds/${id}/card.png`) });

	it.each(['2024-12-30-exchange', '2025-06-11-bodies', '2025-05-16-agreement'])('%s: a 1200 × 630 PNG', async (id) => {
		const response = await getCard(id);
		expect(response.headers.get('content-type')).toBe('image/png');
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
	});

	it.each(['no-such-round', 'Not An Id'])('answers 404 to %s', async (id) => {
		await expect(getCard(id)).rejects.toMatchObject({ status: 404 });
	});
});

describe('/card.png', () => {
	it("is a 1200 × 630 PNG of the overview's headline, with the headline's own words", async () => {
		const response = await overviewCard({ params: {}, url: new URL('https://example.org/card.png') });
		expect(response.headers.get('content-type')).toBe('image/png');
		expect(pngSize(new Uint8Array(await response.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
		const { getDataset } = await import('../../src/lib/server/db/dataset');
		const { overviewHeadlines } = await import('../../src/lib/server/db/queries/headline');
		const { datasetInfo } = await import('../../src/lib/server/db/queries/rounds');
		const { overviewCardInput } = await import('../../src/lib/server/images/overview-card');
		const db = getDataset();
		const headlines = overviewHeadlines(db);
		const input = overviewCardInput(headlines, datasetInfo(db));
		expect(input.directions.map((direction) => direction.speakers[0]?.text)).toEqual(
			headlines.map(
				(headline) =>
					`Rounds on record: ${headline.totals.byParty.ukraine.sum.toLocaleString('en')} by Kyiv's figures, ${headline.totals.byParty.russia.sum.toLocaleString('en')} by Moscow's`
			)
		);
	});
});

/** The parties whose marker an SVG card draws, each found by its shape's path and its token colour (light palette). */
function drawnParties(svg: string): { party: PartyKey; hollow: boolean }[] {
	return [...svg.matchAll(/<path class="marker"[^>]*>/g)].map(([tag]) => {
		const d = /\sd="([^"]*)"/.exec(tag)?.[1] ?? '';
		const fill = /\sfill="([^"]*)"/.exec(tag)?.[1];
		const stroke = /\sstroke="([^"]*)"/.exec(tag)?.[1];
		const party = partyKeys.find(
			(key) =>
				[SPEAKER_AREA, STATUS_AREA].some((area) => partySymbol(key, area) === d) &&
				stroke === palette.light[`party-${key}`]
		);
		if (!party) throw new Error(`a marker of no party's shape and colour: ${tag}`);
		expect([palette.light[`party-${party}`], palette.light.background]).toContain(fill);
		return { party, hollow: fill === palette.light.background };
	});
}

const SPEAKER_AREA = cardMarkerArea(22);
const STATUS_AREA = cardMarkerArea(30);

describe("the cards draw each reporting party's shape in its colour", () => {
	it.each(['2024-12-30-exchange', '2025-05-23-exchange', '2025-05-24-exchange', '2025-06-11-bodies'])(
		'%s: a marker per party that gave a figure, in the shape and colour of the design tokens',
		async (id) => {
			const { getDataset } = await import('../../src/lib/server/db/dataset');
			const { datasetInfo, listRounds } = await import('../../src/lib/server/db/queries/rounds');
			const { roundCardSvg } = await import('../../src/lib/server/images/round-card');
			const db = getDataset();
			const round = listRounds(db).find((item) => item.id === id);
			if (!round) throw new Error(`no round ${id} in the fixtures`);
			const svg = roundCardSvg(round, datasetInfo(db));
			const reporting = new Set(
				(['to_ukraine', 'to_russia'] as const).flatMap((direction) =>
					round.figures[round.population][direction].confirmation.figures
						.filter((figure) => figure.number !== null)
						.map((figure) => partyOfSide(figure.side))
				)
			);
			expect(reporting.size).toBeGreaterThan(0);
			expect(new Set(drawnParties(svg).map((marker) => marker.party))).toEqual(reporting);
		}
	);

	it('2024-12-30-exchange: Kyiv a circle, Moscow a square, the UAE a diamond', async () => {
		const { getDataset } = await import('../../src/lib/server/db/dataset');
		const { datasetInfo, listRounds } = await import('../../src/lib/server/db/queries/rounds');
		const { roundCardSvg } = await import('../../src/lib/server/images/round-card');
		const db = getDataset();
		const round = listRounds(db).find((item) => item.id === '2024-12-30-exchange');
		const svg = roundCardSvg(round as NonNullable<typeof round>, datasetInfo(db));
		expect(new Set(drawnParties(svg).map((marker) => marker.party))).toEqual(new Set(['kyiv', 'moscow', 'mediator']));
		expect(svg).toContain(`d="${shapePath('circle', SPEAKER_AREA)}" fill="#005a8c" stroke="#005a8c"`);
		expect(svg).toContain(`d="${shapePath('square', SPEAKER_AREA)}" fill="#a33f00" stroke="#a33f00"`);
		expect(svg).toContain(`d="${shapePath('diamond', SPEAKER_AREA)}" fill="#00694d" stroke="#00694d"`);
		expect(svg).not.toMatch(/var\(--/);
	});

	it("the overview's card: both parties before the sums, and the official total's party before its status", async () => {
		const { getDataset } = await import('../../src/lib/server/db/dataset');
		const { overviewHeadlines } = await import('../../src/lib/server/db/queries/headline');
		const { datasetInfo } = await import('../../src/lib/server/db/queries/rounds');
		const { overviewCardSvg } = await import('../../src/lib/server/images/overview-card');
		const db = getDataset();
		const headlines = overviewHeadlines(db);
		const svg = overviewCardSvg(headlines, datasetInfo(db));
		// The receiving side's total leads, the other side's when it is the only one; hollow when it is a bound.
		const expected = headlines.flatMap((headline) => {
			const [receiving, other] =
				headline.direction === 'to_ukraine' ? (['ukraine', 'russia'] as const) : (['russia', 'ukraine'] as const);
			const shown = headline.official[receiving] ?? headline.official[other];
			return [
				...(shown ? [{ party: shown.side === 'russia' ? 'moscow' : 'kyiv', hollow: shown.qualifier !== 'exact' }] : []),
				{ party: 'kyiv', hollow: false },
				{ party: 'moscow', hollow: false }
			];
		});
		expect(drawnParties(svg)).toEqual(expected);
	});
});

describe('the PNG memo', () => {
	const tinySvg = (label: string) =>
		`<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><text y="8" font-size="8">${label}</text></svg>`;

	it('renders an SVG once, and another SVG anew', () => {
		const first = memoisedPng(tinySvg('a'));
		expect(memoisedPng(tinySvg('a'))).toBe(first);
		expect(memoisedPng(tinySvg('b'))).not.toBe(first);
		expect(pngSize(first)).toEqual({ width: 20, height: 10 });
	});

	it('keeps 64, dropping the least recently used', () => {
		const fill = (prefix: string, count: number) => {
			for (let index = 0; index < count; index++) memoisedPng(tinySvg(`${prefix}${index}`));
		};
		const kept = memoisedPng(tinySvg('kept'));
		fill('first-', 63);
		// Used again, so it is now the most recently used, and the first filler the least.
		expect(memoisedPng(tinySvg('kept'))).toBe(kept);
		fill('second-', 63);
		expect(memoisedPng(tinySvg('kept'))).toBe(kept);
		fill('third-', 64);
		expect(memoisedPng(tinySvg('kept'))).not.toBe(kept);
	});
});
