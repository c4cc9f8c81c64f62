// A journalist follows a claimant's name from a round to their page and reads their track record, JavaScript on and off; axe light and dark.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** From the 6 March 2026 swap to Zelensky's page, his track record, and back to the round from its table. */
async function journey(page: Page) {
	await page.goto('/rounds/2026-03-06-exchange');
	await page.getByRole('link', { name: 'Volodymyr Zelensky', exact: true }).first().click();
	await expect(page).toHaveURL('/claimants/k-zelensky');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Volodymyr Zelensky');
	await expect(page.getByText('Володимир Зеленський')).toBeVisible();

	const record = page.getByRole('region', { name: 'Track record' });
	await expect(
		record.getByRole('img', { name: /^Track record of Volodymyr Zelensky\. Same as another side's figure: \d+/ })
	).toBeVisible();
	await expect(record.getByText(/A different figure is often a different scope, not a dispute/)).toBeVisible();
	// His 300 servicemen matched Moscow's 300 each way; his 2 civilians had only other sides' figures of another scope.
	const rows = record.getByRole('row').filter({ has: page.getByRole('link', { name: '6 Mar 2026' }) });
	await expect(rows.filter({ hasText: '300 servicemen only, to Ukraine' })).toContainText(
		'Another side gave the same figure'
	);
	await expect(rows.filter({ hasText: '2 civilians only, to Ukraine' })).toContainText(
		'Other sides counted something else only'
	);
	await rows.first().getByRole('link', { name: '6 Mar 2026' }).click();
	await expect(page).toHaveURL('/rounds/2026-03-06-exchange');

	// The list of claimants leads to the same page, and his statements outside rounds are one link away.
	await page.goto('/claimants');
	await page.getByRole('link', { name: 'Volodymyr Zelensky', exact: true }).click();
	await page.getByLabel('Search their statements').fill('exchange');
	await page.getByRole('button', { name: 'Search', exact: true }).last().click();
	await expect(page).toHaveURL(/\/search\?claimant=k-zelensky&kind=claim&q=exchange$/);
	await expect(page.getByText('Only statements by Volodymyr Zelensky.')).toBeVisible();
	await page.goBack();
	await page.getByRole('link', { name: 'Only their running totals, offers, allegations and rebuttals' }).click();
	await expect(page).toHaveURL('/claims?claimant=k-zelensky');
	await expect(page.getByText('Statements by Volodymyr Zelensky only.')).toBeVisible();
}

test.describe('JavaScript off', () => {
	test.use({ javaScriptEnabled: false });
	test('from a round to the claimant and their track record', async ({ page }) => journey(page));
});

test.describe('JavaScript on', () => {
	test('from a round to the claimant and their track record', async ({ page }) => journey(page));
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`axe finds no serious or critical violation on the claimant pages (${colorScheme})`, async ({ page }) => {
		test.setTimeout(120_000);
		await page.emulateMedia({ colorScheme });
		for (const path of ['/claimants', '/claimants/k-zelensky', '/claimants/k-medinsky', '/search?q=Medinsky']) {
			await page.goto(path);
			const results = await new AxeBuilder({ page }).analyze();
			const serious = results.violations.filter((violation) =>
				['serious', 'critical'].includes(violation.impact ?? '')
			);
			expect(serious.map((violation) => `${path} ${violation.id}: ${violation.nodes.length} nodes`)).toEqual([]);
		}
	});
}
