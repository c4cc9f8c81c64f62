// The chart images and the round cards, called as the server calls them, on a fixture dataset: real PNGs of the stated size, SVGs that stand alone.
import { beforeAll, describe, expect, it } from 'vitest';
import { chartNames } from '../../src/lib/charts/catalog';
import { memoisedPng } from '../../src/lib/server/images';
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
		const { overviewCardInput } = await import('../../src/lib/server/overview-card');
		const db = getDataset();
		const headlines = overviewHeadlines(db);
		const input = overviewCardInput(headlines, datasetInfo(db));
		expect(input.directions.map((direction) => direction.speakers[0])).toEqual(
			headlines.map(
				(headline) =>
					`Rounds on record: ${headline.totals.byParty.ukraine.sum.toLocaleString('en')} by Kyiv's figures, ${headline.totals.byParty.russia.sum.toLocaleString('en')} by Moscow's`
			)
		);
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
