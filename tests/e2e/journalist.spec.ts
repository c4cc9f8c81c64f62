// A journalist's whole check without JavaScript: search a claimant, cite the statement, download 2025's statements, embed a chart.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';

test.use({ javaScriptEnabled: false });

test('search "Medinsky", cite his statement, download the 2025 statements, open the cumulative chart embed', async ({
	page
}) => {
	// Search from the header of any page.
	await page.goto('/');
	await page.getByRole('search').getByRole('searchbox').fill('Medinsky');
	await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
	const statements = page.getByRole('region', { name: /^Statements \(\d+\)$/ });
	const hit = statements.getByRole('listitem').filter({ hasText: 'Vladimir Medinsky' }).first();
	await hit.getByRole('link').first().click();
	await expect(page).toHaveURL(/\/claims\/c\d+$/);
	const claimUrl = page.url();

	// The citation is text on the page: claimant and source first, then our page, version and access date.
	const cite = page.getByRole('region', { name: 'Cite this' });
	const citation = cite.locator('#citation');
	await expect(citation).toBeVisible();
	await expect(citation).toContainText('Vladimir Medinsky');
	await expect(citation).toContainText(claimUrl);
	await expect(citation).toContainText(/dataset version [0-9a-f]{12}/);
	expect((await citation.textContent())?.indexOf('Vladimir Medinsky')).toBe(0);

	// The statements of 2025, as CSV, with the page's filter applied.
	await page.goto('/claims');
	await page.getByLabel('Year').selectOption('2025');
	await page.getByRole('button', { name: 'Apply' }).click();
	await expect(page).toHaveURL(/year=2025/);
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'CSV' }).click();
	const download = await downloading;
	const [header, ...rows] = (await readFile((await download.path()) ?? '', 'utf8')).trimEnd().split('\r\n');
	expect(header?.startsWith('id,round_id,stated_on,claimant,')).toBe(true);
	expect(rows.length).toBeGreaterThan(10);
	for (const row of rows) expect(row).toMatch(/^c\d+,[^,]*,2025-/);
	expect(rows.some((row) => row.includes('Vladimir Medinsky'))).toBe(true);

	// The cumulative chart's embed code on the overview, and the embed itself.
	await page.goto('/');
	const code = await page.locator('#cumulative').locator('textarea').first().inputValue();
	const source = /src="([^"]+)"/.exec(code)?.[1] ?? '';
	expect(source).toMatch(/\/embed\/cumulative$/);
	await page.goto(source);
	await expect(
		page.getByRole('heading', { name: 'People returned to Ukraine, added up round by round' })
	).toBeVisible();
	await expect(page.locator('figure.chart-frame svg[role="group"][viewBox]:visible')).toHaveCount(1);
	await expect(page.getByText(/Prisoner Exchange Monitor, dataset version [0-9a-f]{12}, data as of/)).toBeVisible();
	await expect(page.getByRole('navigation')).toHaveCount(0);
});

test('an old link to a removed round says why it is gone and where the record is now', async ({ page }) => {
	const response = await page.goto('/rounds/2024-12-31-bodies');
	expect(response?.status()).toBe(410);
	await expect(
		page.getByText(/was removed from the dataset on .*503 bodies were returned on 20 December 2024/)
	).toBeVisible();
	await page.getByRole('link', { name: 'See the record that replaced it' }).click();
	await expect(page).toHaveURL('/rounds/2024-12-20-bodies');
	const json = await page.request.get('/rounds/2024-12-31-bodies.json');
	expect(json.status()).toBe(410);
	expect((await json.json()).replaced_by).toMatch(/\/rounds\/2024-12-20-bodies$/);
});
