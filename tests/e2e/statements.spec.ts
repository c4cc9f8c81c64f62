// Statements read in their context: Medinsky's August 2025 allegation with Kyiv's rebuttal and his follow-up, its verdict above the citation, an offer set against what followed; axe light and dark.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * The allegation's address, found the way a reader would: from Kyiv's rebuttal (c0384), through the
 * link to what it answers. It does not depend on which of the relayed copies the data keeps.
 */
async function openAllegation(page: Page): Promise<string> {
	await page.goto('/claims/c0384');
	const record = page.getByRole('region', { name: 'What the record says' });
	await record.getByRole('link', { name: /^Answers Vladimir Medinsky's allegation of 6 Aug 2025/ }).click();
	await expect(page).toHaveURL(/\/claims\/c\d+$/);
	return new URL(page.url()).pathname;
}

test.describe('JavaScript off', () => {
	test.use({ javaScriptEnabled: false });

	test("Medinsky's allegation links Kyiv's rebuttal and his follow-up, with its verdict above the citation", async ({
		page
	}) => {
		await openAllegation(page);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Vladimir Medinsky');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('1,000');

		const record = page.getByRole('region', { name: 'What the record says' });
		const verdict = record.locator('.verdict');
		await expect(verdict).toHaveText(
			'Answered by Centre for Countering Disinformation (Ukraine); no statement by another side on record supports it.'
		);
		await expect(verdict.getByRole('link')).toHaveAttribute('href', '/claims/c0384');
		await expect(page.getByText('Unverified', { exact: true })).toHaveCount(0);

		// The verdict comes before the citation in the page, and above it on screen.
		const citation = page.getByRole('region', { name: 'Cite this' });
		const verdictBox = await verdict.boundingBox();
		const citationBox = await citation.boundingBox();
		expect(verdictBox && citationBox && verdictBox.y + verdictBox.height <= citationBox.y).toBe(true);

		const thread = page.getByRole('region', { name: 'The thread' });
		await expect(thread.locator('a[href="/claims/c0384"]').first()).toBeVisible();
		await expect(thread.locator('a[href="/claims/c0498"]').first()).toBeVisible();
		await thread.locator('a[href="/claims/c0498"]').first().click();
		await expect(page).toHaveURL('/claims/c0498');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Vladimir Medinsky');
	});

	test('the list gives each statement a verdict that fits its kind, never a blanket "Unverified"', async ({ page }) => {
		await page.goto('/claims?statement=allegation&year=2025');
		await expect(page.getByText('Unverified', { exact: true })).toHaveCount(0);
		const answered = page.getByRole('row').filter({ hasText: 'Answered by Centre for Countering Disinformation' });
		await expect(answered.first()).toContainText('Vladimir Medinsky');
		await expect(answered.first().getByRole('link', { name: /^Answered by/ })).toHaveAttribute('href', '/claims/c0384');

		await page.goto('/claims?statement=running_total&year=2026');
		const kyiv = page.getByRole('row').filter({ hasText: '8,050' });
		await expect(kyiv).toContainText("Kyiv's own total");
	});

	test("Medinsky's 'at least 1,200 for 1,200' shows what followed, by whose figures", async ({ page }) => {
		await page.goto('/claims/c0379');
		const record = page.getByRole('region', { name: 'What the record says' });
		await expect(record.locator('.verdict')).toContainText('2 rounds linked to it, up to 2 Oct 2025.');
		await expect(record.locator('.verdict')).toContainText("by Moscow's figures");
		await expect(record.locator('.verdict')).toContainText('Offered: at least 1,200 per side.');
		const rounds = record.getByRole('table', { name: 'Rounds linked to this offer', exact: true });
		await expect(rounds.getByRole('link', { name: /24 Aug 2025/ })).toHaveAttribute(
			'href',
			'/rounds/2025-08-24-exchange'
		);
		await expect(rounds.getByRole('link', { name: /2 Oct 2025/ })).toHaveAttribute(
			'href',
			'/rounds/2025-10-02-exchange'
		);
		await expect(rounds).toContainText('Istanbul');
	});
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`axe finds no serious or critical violation on a statement's page and the list (${colorScheme})`, async ({
		page
	}) => {
		test.setTimeout(120_000);
		await page.emulateMedia({ colorScheme });
		const allegation = await openAllegation(page);
		for (const path of [allegation, '/claims/c0379', '/claims?statement=allegation&year=2025']) {
			await page.goto(path);
			const results = await new AxeBuilder({ page }).analyze();
			const serious = results.violations.filter((violation) =>
				['serious', 'critical'].includes(violation.impact ?? '')
			);
			expect(serious.map((violation) => `${path} ${violation.id}: ${violation.nodes.length} nodes`)).toEqual([]);
		}
	});
}
