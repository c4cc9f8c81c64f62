// The JSON-LD of the overview, /download and a statement's page, rendered by the real pages from a fixture dataset.
import { render } from 'svelte/server';
import { beforeAll, describe, expect, it } from 'vitest';
import ClaimPage from '../../src/routes/claims/[id]/+page.svelte';
import DownloadPage from '../../src/routes/download/+page.svelte';
import OverviewPage from '../../src/routes/+page.svelte';
import { FIXED_TODAY, buildInto, fixtureDir } from '../helpers/dataset';

type Load = (event: { url: URL; params: Record<string, string> }) => Record<string, unknown>;
const loads: Record<string, Load> = {};

beforeAll(async () => {
	process.env.DATASET_DB_PATH = buildInto(fixtureDir('valid-data'));
	loads.layout = (await import('../../src/routes/+layout.server')).load as unknown as Load;
	loads.overview = (await import('../../src/routes/+page.server')).load as unknown as Load;
	loads.download = (await import('../../src/routes/download/+page.server')).load as unknown as Load;
	loads.claim = (await import('../../src/routes/claims/[id]/+page.server')).load as unknown as Load;
});

/** The page's data as SvelteKit merges it: the layout's, then the page's. */
function pageData(load: string, path: string, params: Record<string, string> = {}) {
	const event = { url: new URL(`https://example.org${path}`), params };
	return { ...(loads.layout as Load)(event), ...(loads[load] as Load)(event) };
}

/** Every JSON-LD block in the rendered head, parsed. */
function jsonLdIn(head: string): Record<string, unknown>[] {
	return [...head.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map(
		([, json]) => JSON.parse(json ?? '') as Record<string, unknown>
	);
}

describe('Dataset structured data', () => {
	it.each([
		{
			page: 'the overview',
			render: () => render(OverviewPage, { props: { data: pageData('overview', '/') as never } })
		},
		{
			page: '/download',
			render: () => render(DownloadPage, { props: { data: pageData('download', '/download') as never } })
		}
	])('is on $page, with version, build date, coverage and every download', ({ render: renderPage }) => {
		const [dataset, ...others] = jsonLdIn(renderPage().head);
		expect(others).toEqual([]);
		expect(dataset).toMatchObject({
			'@context': 'https://schema.org',
			'@type': 'Dataset',
			url: 'https://example.org/download',
			version: expect.stringMatching(/^[0-9a-f]{12}$/),
			dateModified: FIXED_TODAY,
			temporalCoverage: '2024-12-30/2025-08-06',
			license: 'https://creativecommons.org/licenses/by/4.0/',
			creator: { '@type': 'Organization', name: 'Prisoner Exchange Monitor' }
		});
		expect(dataset?.name).toEqual(expect.any(String));
		expect(dataset?.description).toEqual(expect.any(String));
		const distribution = dataset?.distribution as { '@type': string; encodingFormat: string; contentUrl: string }[];
		expect(distribution.map((file) => [file['@type'], file.encodingFormat, file.contentUrl])).toEqual([
			['DataDownload', 'text/csv', 'https://example.org/rounds.csv'],
			['DataDownload', 'application/json', 'https://example.org/rounds.json'],
			['DataDownload', 'text/csv', 'https://example.org/claims.csv'],
			['DataDownload', 'application/json', 'https://example.org/claims.json'],
			['DataDownload', 'text/csv', 'https://example.org/sources.csv'],
			['DataDownload', 'application/json', 'https://example.org/sources.json'],
			['DataDownload', 'application/vnd.sqlite3', 'https://example.org/download/dataset.sqlite']
		]);
	});

	it('/download lists every download for people, with the versioned file name', () => {
		const { body } = render(DownloadPage, { props: { data: pageData('download', '/download') as never } });
		for (const path of ['/rounds.csv', '/claims.json', '/sources.csv', '/download/dataset.sqlite', '/api/v1']) {
			expect(body).toContain(`href="${path}"`);
		}
		expect(body).toMatch(/prisoner-exchange-monitor-[0-9a-f]{12}\.sqlite/);
		expect(body).toContain('CC BY 4.0');
	});
});

describe('Claim structured data', () => {
	it("is on a statement's page: text, author, date, sources as appearances, our page as url", () => {
		const data = pageData('claim', '/claims/c11', { id: 'c11' });
		const [claim, ...others] = jsonLdIn(render(ClaimPage, { props: { data: data as never } }).head);
		expect(others).toEqual([]);
		expect(claim).toEqual({
			'@context': 'https://schema.org',
			'@type': 'Claim',
			url: 'https://example.org/claims/c11',
			text: 'Vladimir Medinsky (Russia), 6 Aug 2025: more than 1,000 held by Russia (POWs Kyiv allegedly refuses to take back).',
			author: { '@type': 'Person', name: 'Vladimir Medinsky' },
			datePublished: '2025-08-06',
			appearance: [
				{
					'@type': 'CreativeWork',
					url: 'https://example.org/moscow-statement',
					publisher: { '@type': 'Organization', name: 'Example Moscow Wire' },
					datePublished: '2024-12-30',
					inLanguage: 'ru'
				}
			],
			firstAppearance: {
				'@type': 'CreativeWork',
				url: 'https://example.org/moscow-statement',
				publisher: { '@type': 'Organization', name: 'Example Moscow Wire' },
				datePublished: '2024-12-30',
				inLanguage: 'ru'
			}
		});
	});

	it('names an office as an organisation and a statement without a figure by its kind', () => {
		const data = pageData('claim', '/claims/c12', { id: 'c12' });
		const [claim] = jsonLdIn(render(ClaimPage, { props: { data: data as never } }).head);
		expect(claim).toMatchObject({
			'@type': 'Claim',
			text: 'Centre for Countering Disinformation (Ukraine), 6 Aug 2025: rebuttal (rebuttal of the claim above).',
			author: { '@type': 'Organization', name: 'Centre for Countering Disinformation' }
		});
	});
});
