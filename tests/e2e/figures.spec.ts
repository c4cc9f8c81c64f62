// The figures a journalist checks, with JavaScript off: a round's roll-up with its derivation, the overview's honest headline on a phone, and the totals of a year.
import { expect, test } from '@playwright/test';

test.use({ javaScriptEnabled: false });

test('the 69th exchange (2 Oct 2025) shows 185 servicemen and 20 civilians with how each side figure was made', async ({
	page
}) => {
	await page.goto('/rounds/2025-10-02-exchange');
	const toUkraine = page.locator('.statuses > div').filter({ hasText: 'To Ukraine' });
	await expect(toUkraine).toContainText('Partly confirmed');
	await expect(toUkraine).toContainText('Kyiv and Moscow both reported 185 servicemen; Kyiv reported 20 civilians');
	await expect(toUkraine).toContainText('205 (185 servicemen + 20 civilians), as Kyiv reported');
	await expect(toUkraine).toContainText('185 (servicemen only), as Moscow reported');
	await expect(page.locator('main')).not.toContainText('No figure is on record for this direction');
	const factBox = page.locator('#factbox');
	await expect(factBox).toContainText('Kyiv and Moscow both reported 185 servicemen');
	await expect(factBox).not.toContainText('No figure');
});

test("the overview's first screen on a phone says each side's latest official total, who stated it and when", async ({
	page
}) => {
	await page.setViewportSize({ width: 375, height: 812 });
	await page.goto('/');
	const headline = page.locator('section[aria-labelledby="headline-heading"] .headline').first();
	await expect(headline).toContainText("Kyiv's latest official total");
	await expect(headline).toContainText('8,050');
	await expect(headline).toContainText('Coordination Headquarters for the Treatment of POWs, 11 Mar 2026');
	const official = headline.locator('.big .figure').first();
	const box = await official.boundingBox();
	expect(box && box.y + box.height).toBeLessThanOrEqual(812);
	await expect(headline).toContainText("Rounds on record, by Kyiv's own figures");
	await expect(headline).toContainText('Stated alike by two sides');
});

test('the rounds of 2025 come with their totals per direction', async ({ page }) => {
	await page.goto('/rounds?year=2025');
	const totals = page.locator('section[aria-labelledby="selection-totals"]');
	await expect(totals.getByRole('heading', { name: 'Totals of these rounds' })).toBeVisible();
	const people = totals.getByRole('table', { name: 'People returned alive' });
	await expect(people.getByRole('row', { name: /To Ukraine/ })).toContainText('over');
	await expect(totals.getByRole('link', { name: 'CSV' })).toHaveAttribute('href', '/totals.csv?year=2025');
	const csv = await (await page.request.get('/totals.csv?year=2025')).text();
	expect(csv.split('\r\n')[0]).toBe(
		'population,direction,kyiv_sum,kyiv_rounds,moscow_sum,moscow_rounds,confirmed,confirmed_rounds,partly_confirmed_rounds,rounds,rounds_with_figures,rounds_without_figure,rounds_combined_only'
	);
});

test('a year is one click from the overview, with each side’s sum and the part stated alike', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: /Year by year/ }).click();
	await expect(page).toHaveURL('/years');
	const table = page.getByRole('table', { name: 'To Ukraine, by year' });
	const row = table.getByRole('row', { name: /2025/ });
	await expect(row).toContainText('over');
	await row.getByRole('link', { name: '2025' }).click();
	await expect(page).toHaveURL('/rounds?year=2025');
});
