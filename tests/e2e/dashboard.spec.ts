// Dashboard journeys on the production build: a journalist checking a round, filters that survive a reload, caching, and axe on every page.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.describe('a journalist checks the exchange of 30 Dec 2024', () => {
	test.use({ javaScriptEnabled: false });

	test('from the overview to the round, both sides with sources, then a running total', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rounds' }).click();
		await page.getByLabel('Year').selectOption('2024');
		await page.getByRole('button', { name: 'Apply' }).click();
		await expect(page).toHaveURL(/year=2024/);
		await page.getByRole('link', { name: '30 Dec 2024' }).click();

		await expect(page).toHaveURL('/rounds/2024-12-30-exchange');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prisoner exchange, 30 Dec 2024');
		const status = page.locator('.statuses');
		await expect(status).toContainText('Figures conflict');
		await expect(status).toContainText('Kyiv reported 189, Moscow reported 150');

		const peopleToUkraine = page.getByRole('table', { name: 'people returned to Ukraine' });
		const kyiv = peopleToUkraine.getByRole('row').filter({ hasText: 'Volodymyr Zelensky' });
		await expect(kyiv).toContainText('189');
		await expect(kyiv.getByRole('link', { name: /Al Jazeera, 30 Dec 2024, en/ })).toHaveAttribute(
			'href',
			/^https?:\/\//
		);
		const moscow = page
			.getByRole('table', { name: 'people each way' })
			.getByRole('row')
			.filter({ hasText: 'Russian Ministry of Defence' });
		await expect(moscow).toContainText('150');
		await expect(moscow.getByRole('link', { name: /WION, 30 Dec 2024, en/ })).toHaveAttribute('href', /^https?:\/\//);

		const nearby = page.getByRole('table', { name: /Running totals, offers and allegations/ });
		await nearby
			.getByRole('row')
			.filter({ hasText: 'Government of Ukraine' })
			.getByRole('link', { name: /3,956 \(the statement's own page\)/ })
			.click();
		await expect(page).toHaveURL(/\/claims\/c\d+$/);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Government of Ukraine: 3,956');
		await expect(page.getByRole('heading', { name: 'What the record says' })).toBeVisible();
		await expect(page.getByText(/The rounds on record up to 30 Dec 2024 add up to/)).toBeVisible();
	});

	test("the seed story: Medinsky's allegation beside the Ukrainian rebuttal, with its verdict", async ({ page }) => {
		await page.goto('/claims?statement=allegation&year=2025');
		const row = page.getByRole('row').filter({ hasText: 'Vladimir Medinsky' }).filter({ hasText: 'about 1,000' });
		await expect(row).toContainText('Answered by Centre for Countering Disinformation');
		await row.getByRole('link', { name: /about 1,000/ }).click();
		await expect(page.getByText(/no statement by another side on record supports it/)).toBeVisible();
		const answers = page.getByRole('table', { name: 'Answers and follow-ups' });
		await expect(answers).toContainText('Centre for Countering Disinformation');
		await expect(answers).toContainText('Rebuttal');
	});
});

test('filters on /rounds survive a reload and can be shared', async ({ page }) => {
	await page.goto('/rounds');
	await page.getByLabel('Year').selectOption('2025');
	await page.getByLabel('Status (either direction)').selectOption('disputed');
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page).toHaveURL(/year=2025/);
	await expect(page).toHaveURL(/status=disputed/);
	const rows = page.locator('table.rounds tbody tr');
	const count = await rows.count();
	expect(count).toBeGreaterThan(0);

	await page.reload();
	await expect(page.getByLabel('Year')).toHaveValue('2025');
	await expect(page.getByLabel('Status (either direction)')).toHaveValue('disputed');
	await expect(rows).toHaveCount(count);
	for (const row of await rows.all()) {
		await expect(row).toContainText('2025');
		await expect(row).toContainText('Figures conflict');
	}
});

test('an invalid filter is a 400 with a message, an unknown round a 404', async ({ request }) => {
	const bad = await request.get('/rounds?year=abc');
	expect(bad.status()).toBe(400);
	expect(await bad.text()).toContain('Invalid query');
	expect((await request.get('/rounds/no-such-round')).status()).toBe(404);
});

test('pages carry an ETag per dataset version and answer 304 when unchanged', async ({ request }) => {
	const first = await request.get('/rounds?year=2024');
	expect(first.status()).toBe(200);
	const etag = first.headers()['etag'];
	// One ETag per encoding: the request accepted brotli, so the suffix names it.
	expect(etag).toMatch(/^"[A-Za-z0-9_-]+(\.(br|gzip))?"$/);
	expect(first.headers()['cache-control']).toContain('max-age=');
	const again = await request.get('/rounds?year=2024', { headers: { 'if-none-match': etag ?? '' } });
	expect(again.status()).toBe(304);
	const other = await request.get('/rounds?year=2025');
	expect(other.headers()['etag']).not.toBe(etag);
});

test('the read API answers JSON with an ETag per dataset version and allows cross-origin reads', async ({
	request
}) => {
	const first = await request.get('/api/v1/rounds?year=2024');
	expect(first.status()).toBe(200);
	expect(first.headers()['access-control-allow-origin']).toBe('*');
	const body = await first.json();
	expect(
		body.rows.some(
			(row: { id: string; kyiv_to_ukraine: number }) => row.id === '2024-12-30-exchange' && row.kyiv_to_ukraine === 189
		)
	).toBe(true);
	const again = await request.get('/api/v1/rounds?year=2024', {
		headers: { 'if-none-match': first.headers()['etag'] ?? '' }
	});
	expect(again.status()).toBe(304);
	const bad = await request.get('/api/v1/rounds?year=soon');
	expect(bad.status()).toBe(400);
	expect((await bad.json()).error).toBe('invalid_query');
});

const pages = [
	'/',
	'/api/v1',
	'/rounds',
	'/rounds?year=2025&status=disputed',
	'/rounds/2024-12-30-exchange',
	'/rounds/2025-05-16-istanbul-1000-for-1000',
	'/claims',
	'/sources',
	'/sources/s0001',
	'/methodology'
];

for (const colorScheme of ['light', 'dark'] as const) {
	test(`axe finds no serious or critical violation on any page (${colorScheme})`, async ({ page }) => {
		// Eleven full scans, the sources table among them: more than the default 30 s on a busy two-core machine.
		test.setTimeout(180_000);
		await page.emulateMedia({ colorScheme });
		const claimPage = await (async () => {
			await page.goto('/claims?statement=running_total');
			return page.locator('table tbody tr a[href^="/claims/"]').first().getAttribute('href');
		})();
		for (const path of [...pages, claimPage ?? '/claims']) {
			await page.goto(path);
			const results = await new AxeBuilder({ page }).analyze();
			const serious = results.violations.filter((violation) =>
				['serious', 'critical'].includes(violation.impact ?? '')
			);
			expect(serious.map((violation) => `${path} ${violation.id}: ${violation.nodes.length} nodes`)).toEqual([]);
		}
	});
}

test('a page and its client-side data are cached apart', async ({ request }) => {
	const data = await request.get('/rounds/__data.json?year=2023');
	expect(data.headers()['content-type']).toContain('application/json');
	const html = await request.get('/rounds?year=2023');
	expect(html.headers()['content-type']).toContain('text/html');
	expect(await html.text()).toContain('<html');
});

test.describe('downloads without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the claims CSV keeps the filters of the page it is downloaded from', async ({ page }) => {
		await page.goto('/claims?year=2025');
		const downloading = page.waitForEvent('download');
		await page.getByRole('link', { name: 'CSV' }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toMatch(/^claims-[0-9a-f]{12}\.csv$/);
		const { readFile } = await import('node:fs/promises');
		const text = await readFile((await download.path()) ?? '', 'utf8');
		const [header, ...rows] = text.trimEnd().split('\r\n');
		expect(header?.startsWith('id,round_id,stated_on,claimant,')).toBe(true);
		expect(rows.length).toBeGreaterThan(10);
		for (const row of rows) expect(row).toMatch(/^c\d+,[^,]*,2025-/);
	});
});

test.describe('citations without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a round page shows its fact box and a citation naming each party and source first', async ({ page }) => {
		await page.goto('/rounds/2024-12-30-exchange');
		await expect(page.locator('#factbox')).toContainText('Prisoner exchange on 30 Dec 2024, mediated by UAE');
		const citation = page.locator('#citation');
		await expect(citation).toContainText(/^Kyiv \(/);
		await expect(citation).toContainText('reported 189 people returned to Ukraine');
		await expect(citation).toContainText(
			/Compiled in Prisoner Exchange Monitor, .*\/rounds\/2024-12-30-exchange, dataset version [0-9a-f]{12}, accessed /
		);
		await page.getByText('BibTeX', { exact: true }).click();
		await expect(page.locator('#bibtex')).toContainText('@misc{pem-2024-12-30-exchange,');
		await expect(page.getByRole('button', { name: /^Copy/ })).toHaveCount(0);
	});

	test("a statement's citation starts with its claimant", async ({ page }) => {
		await page.goto('/claims?statement=allegation&year=2025');
		await page
			.getByRole('row')
			.filter({ hasText: 'Vladimir Medinsky' })
			.filter({ hasText: 'about 1,000' })
			.getByRole('link', { name: /about 1,000/ })
			.click();
		await expect(page.locator('#citation')).toContainText(
			/^Vladimir Medinsky, statement of 6 Aug 2025: about 1,000 held by Russia\. Reported by /
		);
	});
});

test('with JavaScript, the citation can be copied by a button that says so', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/rounds/2024-12-30-exchange');
	// Each button says what it copies; once it has, it says so instead.
	await expect(page.getByRole('button', { name: 'Copy the fact box' })).toBeVisible();
	const copy = page.locator('button[data-copy="citation"]');
	await expect(copy).toHaveAccessibleName('Copy the citation');
	await copy.click();
	await expect(copy).toHaveText('Citation copied');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.locator('#citation').textContent());
});
