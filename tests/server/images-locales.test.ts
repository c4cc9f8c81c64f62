// The chart images and the social cards in Ukrainian and Russian: every word from the catalog in that language, and every character drawn covered by the shipped DejaVu fonts, so no PNG shows a missing-glyph box.
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartNames, type ChartName } from '../../src/lib/charts/catalog';
import { drawnText, fontCodePoints, missingGlyphs } from '../helpers/font-cmap';
import { buildInto, fixtureDir } from '../helpers/dataset';

const require = createRequire(import.meta.url);
const regular = fontCodePoints(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
const bold = fontCodePoints(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'));
/** A character is drawn with a real glyph only when both weights the images use have one. */
const covered = new Set([...regular].filter((code) => bold.has(code)));

type Modules = {
	db: import('../../src/lib/server/db/dataset').DatasetDatabase;
	charts: typeof import('../../src/lib/server/images/charts');
	card: typeof import('../../src/lib/server/images/round-card');
	overview: typeof import('../../src/lib/server/images/overview-card');
	rounds: typeof import('../../src/lib/server/db/queries/rounds');
	headline: typeof import('../../src/lib/server/db/queries/headline');
	images: typeof import('../../src/lib/server/images/render');
};
let modules: Modules;

beforeAll(async () => {
	process.env.DATASET_DB_PATH = buildInto(fixtureDir('valid-data'));
	const { getDataset } = await import('../../src/lib/server/db/dataset');
	modules = {
		db: getDataset(),
		charts: await import('../../src/lib/server/images/charts'),
		card: await import('../../src/lib/server/images/round-card'),
		overview: await import('../../src/lib/server/images/overview-card'),
		rounds: await import('../../src/lib/server/db/queries/rounds'),
		headline: await import('../../src/lib/server/db/queries/headline'),
		images: await import('../../src/lib/server/images/render')
	};
});

const context = () => ({ origin: 'https://example.org', dataset: modules.rounds.datasetInfo(modules.db) });

function chartSvg(name: ChartName, locale: 'en' | 'uk' | 'ru'): string {
	return modules.charts.overviewChartImage(modules.db, name, 'svg', context(), locale) as string;
}

function roundCardSvg(id: string, locale: 'en' | 'uk' | 'ru'): string {
	const round = modules.rounds.getRound(modules.db, id);
	if (!round) throw new Error(`no round ${id} in the fixtures`);
	return modules.card.roundCardSvg(round, context().dataset, locale);
}

function overviewCardSvg(locale: 'en' | 'uk' | 'ru'): string {
	return modules.overview.overviewCardSvg(modules.headline.overviewHeadlines(modules.db), context().dataset, locale);
}

describe('the glyph check', () => {
	it('finds the characters DejaVu Sans has no glyph for, and none in Ukrainian and Russian letters', () => {
		expect(missingGlyphs('Обмін полоненими: ґ є і ї ё ъ № «» — ’ 1 000', covered)).toEqual([]);
		expect(missingGlyphs('交换 ok', covered)).toEqual(['交', '换']);
	});

	it('reads what an SVG draws, references decoded', () => {
		expect(drawnText('<svg><title>x</title><text x="1">Київ &amp; <tspan>Москва</tspan> &#x2014;</text></svg>')).toBe(
			'Київ & Москва —'
		);
	});
});

describe.each([
	['uk', /Україн/],
	['ru', /Украин/]
] as const)('images in %s', (locale, country) => {
	it.each(chartNames)('the %s chart draws its words in the language, every glyph in the font', (name) => {
		const text = drawnText(chartSvg(name, locale));
		expect(text).toMatch(/\p{Script=Cyrillic}{4}/u);
		expect(text).not.toContain('Dataset version');
		expect(missingGlyphs(text, covered)).toEqual([]);
	});

	it.each(['2024-12-30-exchange', '2025-06-11-bodies', '2025-05-16-agreement'])(
		'the card of %s draws its words in the language, every glyph in the font',
		(id) => {
			const text = drawnText(roundCardSvg(id, locale));
			expect(text).toMatch(country);
			expect(missingGlyphs(text, covered)).toEqual([]);
		}
	);

	it("the overview's card draws its words in the language, every glyph in the font", () => {
		const text = drawnText(overviewCardSvg(locale));
		expect(text).toMatch(country);
		expect(missingGlyphs(text, covered)).toEqual([]);
	});

	it('renders its PNGs apart from the English ones', () => {
		const english = modules.images.memoisedPng(roundCardSvg('2024-12-30-exchange', 'en'));
		const translated = modules.images.memoisedPng(roundCardSvg('2024-12-30-exchange', locale));
		expect(Buffer.from(translated).equals(Buffer.from(english))).toBe(false);
	});
});

describe('a language asked for one image', () => {
	it('does not leak into the next image or into the memoised data', () => {
		const before = drawnText(chartSvg('cumulative', 'en'));
		chartSvg('cumulative', 'uk');
		expect(drawnText(chartSvg('cumulative', 'en'))).toBe(before);
		expect(before).not.toMatch(/\p{Script=Cyrillic}/u);
	});
});
