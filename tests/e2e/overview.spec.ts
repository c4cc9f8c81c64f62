// The overview page on the production build, with JavaScript off and on: real rounds, real totals, no accessibility violations.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.describe('overview without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test("lists rounds from the real dataset with each side's figures and status", async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prisoner exchanges between Russia and Ukraine');
		await expect(page.getByRole('heading', { name: 'Latest round' })).toBeVisible();
		await expect(page.getByRole('link', { name: /All \d+ rounds, with filters/ })).toBeVisible();

		await page.goto('/rounds?year=2024');
		const round = page.locator('tr#round-2024-12-30-exchange');
		await expect(round).toContainText('30 Dec 2024');
		await expect(round).toContainText("Kyiv's exchange no. 59");
		const cells = round.locator('td');
		await expect(cells.nth(2)).toHaveText('189');
		await expect(cells.nth(3)).toHaveText('150');
		await expect(cells.nth(4)).toContainText('Figures conflict');
		await expect(cells.nth(4)).toContainText('Kyiv reported 189, Moscow reported 150');

		await page.goto('/rounds?year=2025');
		await page.goto('/rounds?year=2025');
		const corroborated = page.locator('tr#round-2025-05-25-exchange');
		await expect(corroborated).toContainText('Both sides agree');
		await expect(corroborated).toContainText('Kyiv and Moscow both reported 303.');
	});

	test("shows totals per direction, confirmed and each party's own sum", async ({ page }) => {
		await page.goto('/');
		const people = page.locator('table.totals').first();
		await expect(page.getByRole('heading', { name: 'How many people have come home alive' })).toBeVisible();
		await expect(people.locator('caption')).toHaveText('People returned alive');
		const toUkraine = people.locator('tbody tr').first();
		await expect(toUkraine.locator('th')).toHaveText('To Ukraine');
		await expect(toUkraine.locator('td').nth(0)).toContainText(
			/^\s*[\d,]+\s+from \d+ of the \d+ rounds of any kind with a figure/
		);
		await expect(toUkraine.locator('td').nth(1)).toContainText(/over \d+ rounds/);
		await expect(page.locator('table.totals').nth(1).locator('caption')).toHaveText('Bodies repatriated');
		await expect(page.getByText(/dataset version [0-9a-f]{12}/)).toBeVisible();
	});
});

test.describe('accessibility', () => {
	for (const colorScheme of ['light', 'dark'] as const) {
		test(`overview has no serious or critical axe violation (${colorScheme})`, async ({ page }) => {
			await page.emulateMedia({ colorScheme });
			await page.goto('/');
			const results = await new AxeBuilder({ page }).analyze();
			const serious = results.violations.filter((violation) =>
				['serious', 'critical'].includes(violation.impact ?? '')
			);
			expect(serious.map((violation) => `${violation.id}: ${violation.nodes.length} nodes`)).toEqual([]);
		});
	}
});

test('the overview loads at most 50 kB of JavaScript, gzipped', async ({ page }) => {
	const scripts = new Map<string, Buffer>();
	page.on('response', async (response) => {
		if (response.request().resourceType() === 'script') scripts.set(response.url(), await response.body());
	});
	await page.goto('/', { waitUntil: 'networkidle' });
	const { gzipSync } = await import('node:zlib');
	const total = [...scripts.values()].reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
	expect(scripts.size).toBeGreaterThan(0);
	test.info().annotations.push({ type: 'javascript', description: `${scripts.size} scripts, ${total} bytes gzipped` });
	expect(total).toBeLessThanOrEqual(50 * 1024);
});

test.describe('charts', () => {
	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('all charts appear with their summaries, legends and data tables', async ({ page }) => {
			await page.goto('/');
			for (const title of [
				'People returned in each round',
				'Bodies returned in each round',
				'People returned to Ukraine, added up round by round',
				'Where the stated figures differ'
			]) {
				const chart = page
					.locator('figure.chart-frame')
					.filter({ has: page.getByRole('heading', { name: title, exact: true }) });
				await expect(chart).toHaveCount(1);
				await expect(chart.locator('svg[role="group"][viewBox]:visible')).toHaveCount(1);
				const details = chart.locator('details', { hasText: 'Show the data behind the chart as a table' });
				await details.locator('summary').click();
				await expect(details.locator('table').first()).toBeVisible();
			}
			const timeline = page
				.locator('figure.chart-frame')
				.filter({ has: page.getByRole('heading', { name: 'People returned in each round', exact: true }) });
			// The overview's table holds the latest rounds; every row is on the chart's data page, page by page.
			await expect(timeline.locator('details tbody tr')).toHaveCount(10);
			// Its table is open: the loop above opened every chart's.
			await timeline.getByRole('link', { name: 'Every row, page by page' }).click();
			await expect(page).toHaveURL(/\/charts\/timeline-people$/);
			const rows: string[] = [];
			for (;;) {
				rows.push(...(await page.locator('details tbody th').allTextContents()));
				const next = page.getByRole('link', { name: 'Next page' }).first();
				if ((await next.count()) === 0) break;
				await next.click();
			}
			expect(rows.some((row) => row.includes('30 Dec 2024'))).toBe(true);
			expect(new Set(rows).size).toBe(rows.length);
		});
	});

	test('a focused mark shows its tooltip, and Escape hides it', async ({ page }) => {
		await page.goto('/');
		const mark = page.locator('figure a.mark:visible').first();
		await mark.focus();
		const tooltip = page.locator('.chart-tooltip');
		await expect(tooltip).toBeVisible();
		await expect(tooltip).toContainText((await mark.getAttribute('data-tooltip'))?.split('\n')[0] ?? 'missing');
		await page.keyboard.press('Escape');
		await expect(tooltip).toBeHidden();
	});
});
