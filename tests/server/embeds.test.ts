// The embed pages rendered as the server renders them, inside the site's layout, on a fixture dataset.
import { createRawSnippet, type Component, type Snippet } from 'svelte';
import { render } from 'svelte/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { chartNames } from '../../src/lib/charts/catalog';
import { securityHeaders } from '../../src/lib/server/http/security-headers';
import { match } from '../../src/params/chart';
import { buildInto, fixtureDir } from '../helpers/dataset';

/** The route the layout is told it renders: the layout leaves out the site's frame on embeds. */
const route = vi.hoisted(() => ({ id: '/embed/[chart=chart]' }));
vi.mock('$app/state', () => ({ page: { route, url: new URL('https://example.org/') } }));

type Load = (event: unknown) => Record<string, unknown>;
type Page = Component<{ data: Record<string, unknown>; children?: Snippet }>;
let layoutLoad: Load;
let embedLoad: Load;
let Layout: Page;
let Embed: Page;

beforeAll(async () => {
	process.env.DATASET_DB_PATH = buildInto(fixtureDir('valid-data'));
	layoutLoad = (await import('../../src/routes/+layout.server')).load as unknown as Load;
	embedLoad = (await import('../../src/routes/embed/[chart=chart]/+page.server')).load as unknown as Load;
	Layout = (await import('../../src/routes/+layout.svelte')).default as unknown as Page;
	Embed = (await import('../../src/routes/embed/[chart=chart]/+page.svelte')).default as unknown as Page;
});

/** The embed of `chart` inside the layout. */
function renderEmbed(chart: string) {
	const layoutData = layoutLoad({});
	const pageData = embedLoad({
		params: { chart },
		url: new URL(`https://example.org/embed/${chart}`)
	});
	const data = { ...layoutData, ...pageData };
	const page = render(Embed, { props: { data } }).body;
	const children = createRawSnippet(() => ({ render: () => `<div>${page}</div>` }));
	const html = render(Layout, { props: { data, children } }).body;
	return { html, version: (layoutData.dataset as { version: string }).version };
}

describe('/embed/<chart>', () => {
	it('knows the charts by name and no other', () => {
		expect(chartNames.map(match)).toEqual([true, true, true, true]);
		expect(['', 'nope', 'Cumulative', 'cumulative.png'].map(match)).toEqual([false, false, false, false]);
	});

	it.each(chartNames)('%s: the chart alone, with its source line, table, downloads and embed code', (chart) => {
		const { html, version } = renderEmbed(chart);
		expect(html).not.toContain('<nav');
		expect(html).not.toContain('<footer');
		expect(html).toMatch(
			new RegExp(`Prisoner Exchange Monitor, dataset version ${version}, data as of \\d+ \\w+ \\d{4}\\.`)
		);
		expect(html).toContain(`href="https://example.org/#${chart}"`);
		expect(html).toMatch(/<figure class="chart-frame[^"]*" id="[^"]+"/);
		expect(html).toContain('<details');
		expect(html).toContain(`href="/charts/${chart}.svg"`);
		expect(html).toContain(`href="/charts/${chart}.png"`);
		expect(html).toContain(`&lt;iframe src="https://example.org/embed/${chart}" title="`);
		// Any site may frame an embed (the security headers widen the policy for embeds alone).
		const secured = new Map(securityHeaders({ status: 200, csp: null, embed: true, https: true }));
		expect(secured.get('content-security-policy')).toMatch(/frame-ancestors \*$/);
	});

	it('keeps the site frame on other pages', () => {
		route.id = '/';
		try {
			expect(renderEmbed('cumulative').html).toContain('<nav');
		} finally {
			route.id = '/embed/[chart=chart]';
		}
	});
});
