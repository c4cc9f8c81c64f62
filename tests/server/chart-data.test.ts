// A chart's data page (/charts/<name>) on the real dataset: every row of the chart's tables on exactly one page.
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { chartNames, tableRowCount, type NamedChart } from '../../src/lib/charts/catalog';
import { buildInto, realDataDir } from '../helpers/dataset';

vi.mock('$app/state', () => ({ page: { url: new URL('https://example.org/charts/x') } }));

type Load = (event: unknown) => { chart: NamedChart; page: number; pageCount: number; pageSize: number };
let load: Load;
let Page: Component<{ data: ReturnType<Load> }>;

beforeAll(async () => {
	process.env.DATASET_DB_PATH = buildInto(realDataDir);
	load = (await import('../../src/routes/charts/[chart=chart]/+page.server')).load as unknown as Load;
	Page = (await import('../../src/routes/charts/[chart=chart]/+page.svelte')).default as unknown as typeof Page;
});

const loadPage = (chart: string, page: number) =>
	load({ params: { chart }, url: new URL(`https://example.org/charts/${chart}?page=${page}`) });

/** The rows' links and first cells, as the page renders them. */
function rowsOf(data: ReturnType<Load>): string[] {
	const bodies = [...render(Page, { props: { data } }).body.matchAll(/<tbody>(.*?)<\/tbody>/gs)].map((body) => body[1]);
	return bodies.flatMap((body) =>
		[...(body ?? '').matchAll(/<tr[^>]*><(?:th|td)[^>]*>(.*?)<\/(?:th|td)>/g)].map((match) => match[1] ?? '')
	);
}

describe.each(['timeline-people', 'timeline-bodies'] as const)('the columns of %s', (name) => {
	it('each link to the row of their first round, on the data page that holds it', () => {
		const { chart } = loadPage(name, 1);
		if (chart.name !== name) throw new Error(name);
		const columns = chart.model.layouts.flatMap((layout) => layout.columns);
		expect(columns.length).toBeGreaterThan(0);
		for (const column of columns) {
			const [, page, anchor] = /^\/charts\/[a-z-]+\?page=(\d+)#(.+)$/.exec(column.href) ?? [];
			expect(render(Page, { props: { data: loadPage(name, Number(page)) } }).body).toContain(`id="${anchor}"`);
		}
	});
});

describe.each(chartNames)('/charts/%s', (name) => {
	it('shows every row once over its pages, a page of each table at a time, and no drawing', () => {
		const first = loadPage(name, 1);
		const seen: string[] = [];
		for (let page = 1; page <= first.pageCount; page += 1) {
			const data = loadPage(name, page);
			const body = render(Page, { props: { data } }).body;
			expect(body).not.toContain('<svg');
			// A table with no rows on this page is left out, not shown empty under its headers.
			for (const [, rowsHtml] of body.matchAll(/<tbody>(.*?)<\/tbody>/gs)) expect(rowsHtml).toMatch(/<tr/);
			const rows = rowsOf(data);
			expect(rows.length).toBeLessThanOrEqual(first.pageSize * 2);
			seen.push(...rows);
		}
		expect(first.pageCount).toBe(Math.max(1, Math.ceil(tableRowCount(first.chart) / first.pageSize)));
		const { chart } = first;
		const allRows = chart.name === 'cumulative' ? chart.model.dayCount + chart.model.statedCount : chart.model.rowCount;
		expect(allRows).toBeGreaterThan(0);
		expect(seen.length).toBe(allRows);
	});

	it('shows the last page for a page past the end', () => {
		const first = loadPage(name, 1);
		expect(loadPage(name, 9999).page).toBe(first.pageCount);
	});
});
