// The /download page and the structured data on the production build: reachable from every page, JSON-LD that parses, axe.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** The JSON-LD blocks of the current page, parsed. */
async function jsonLdOf(page: Page): Promise<Record<string, unknown>[]> {
	const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
	return blocks.map((text) => JSON.parse(text) as Record<string, unknown>);
}

test.describe('downloads without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the overview and the footer lead to /download, which lists every file and the API', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('link', { name: /^Every download, with what each contains/ }).click();
		await expect(page).toHaveURL('/download');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Download the data');

		const table = page.getByRole('table', { name: 'Downloads' });
		for (const name of ['Rounds, CSV', 'Rounds, JSON', 'Sources, CSV', 'The whole dataset, SQLite']) {
			await expect(table.getByRole('link', { name, exact: true })).toBeVisible();
		}
		await expect(table).toContainText(/prisoner-exchange-monitor-[0-9a-f]{12}\.sqlite/);
		await expect(page.getByRole('link', { name: 'The read API, described for people' })).toHaveAttribute(
			'href',
			'/api/v1'
		);
		await expect(page.getByRole('link', { name: 'The licence: CC BY 4.0' })).toBeVisible();

		await page.goto('/sources');
		await page.getByRole('contentinfo').getByRole('link', { name: 'Download the data' }).click();
		await expect(page).toHaveURL('/download');
	});
});

test('the overview and /download describe the Dataset, a statement page its Claim', async ({ page }) => {
	for (const path of ['/', '/download']) {
		await page.goto(path);
		const [dataset] = await jsonLdOf(page);
		expect(dataset).toMatchObject({
			'@type': 'Dataset',
			version: expect.stringMatching(/^[0-9a-f]{12}$/),
			dateModified: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
			temporalCoverage: expect.stringMatching(/^2022-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/)
		});
		expect(dataset?.distribution).toHaveLength(7);
	}

	await page.goto('/claims?statement=allegation&year=2025');
	await page.getByRole('row').filter({ hasText: 'Vladimir Medinsky' }).locator('a[href^="/claims/c"]').first().click();
	await expect(page).toHaveURL(/\/claims\/c\d+$/);
	const [claim] = await jsonLdOf(page);
	expect(claim).toMatchObject({
		'@type': 'Claim',
		author: { '@type': 'Person', name: 'Vladimir Medinsky' },
		url: page.url()
	});
	expect((claim?.appearance as unknown[]).length).toBeGreaterThan(0);
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`axe finds no serious or critical violation on /download (${colorScheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		await page.goto('/download');
		const results = await new AxeBuilder({ page }).analyze();
		const serious = results.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''));
		expect(serious.map((violation) => `${violation.id}: ${violation.nodes.length} nodes`)).toEqual([]);
	});
}
