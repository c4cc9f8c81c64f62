// Search on the production build, with JavaScript off and on: from the header box to a statement's page; errors; axe.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Searches for Medinsky from the header of another page, then opens one of his statements. */
async function findMedinskyStatement(page: Page) {
	await page.goto('/rounds');
	const form = page.getByRole('search');
	await form.getByRole('searchbox', { name: 'Search rounds, statements and sources' }).fill('Medinsky');
	await form.getByRole('button', { name: 'Search' }).click();
	await expect(page).toHaveURL(/\/search\?q=Medinsky$/);
	await expect(page.getByRole('status')).toContainText(/Results for “Medinsky”: \d+/);

	const statements = page.getByRole('region', { name: /^Statements \(\d+\)$/ });
	const hit = statements.getByRole('listitem').filter({ hasText: 'Vladimir Medinsky' }).first();
	await expect(hit.locator('mark').first()).toHaveText('Medinsky');
	const link = hit.getByRole('link').first();
	const href = (await link.getAttribute('href')) ?? '';
	expect(href).toMatch(/^\/claims\/c\d+$/);
	await link.click();

	await expect(page).toHaveURL(href);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Vladimir Medinsky');
	await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
}

test.describe('search without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the header box finds a claimant, and a result opens the statement', async ({ page }) => {
		await findMedinskyStatement(page);
	});

	test('a number typed with a comma and a date in words find their records', async ({ page }) => {
		await page.goto('/search?q=1%2C200');
		await expect(page.getByRole('searchbox', { name: 'Search rounds, statements and sources' })).toHaveValue('1,200');
		await expect(page.getByRole('region', { name: /^Statements/ })).toContainText('1,200');

		await page.goto('/search?q=30+Dec+2024&kind=round');
		await expect(page.getByRole('link', { name: 'Prisoner exchange, 30 Dec 2024' })).toHaveAttribute(
			'href',
			'/rounds/2024-12-30-exchange'
		);
	});

	test('a name typed in Cyrillic, in another case, and a date in Ukrainian find their records', async ({ page }) => {
		await page.goto(`/search?q=${encodeURIComponent('Мединского')}&kind=claim`);
		await expect(page.getByRole('searchbox', { name: 'Search rounds, statements and sources' })).toHaveValue(
			'Мединского'
		);
		await expect(page.getByRole('region', { name: /^Statements/ })).toContainText('Vladimir Medinsky');

		await page.goto(`/search?q=${encodeURIComponent('30 грудня 2024')}&kind=round`);
		await expect(page.getByRole('link', { name: 'Prisoner exchange, 30 Dec 2024' })).toHaveAttribute(
			'href',
			'/rounds/2024-12-30-exchange'
		);
	});

	for (const { path, typed, marked } of [
		{ path: '/uk/search', typed: 'Єрмакові', marked: 'Єрмак' },
		{ path: '/ru/search', typed: 'Мединского', marked: 'Мединский' },
		{ path: '/search', typed: 'Medinskiy', marked: 'Medinsky' },
		{ path: '/uk/search', typed: 'Medinskiy', marked: 'Мединський' }
	]) {
		test(`${path} finds and marks the claimant typed as "${typed}"`, async ({ page }) => {
			await page.goto(`${path}?q=${encodeURIComponent(typed)}&kind=claim`);
			const statements = page.getByRole('region').filter({ has: page.getByRole('heading', { level: 2 }) });
			const hit = statements.getByRole('listitem').filter({ hasText: marked }).first();
			await expect(hit.locator('mark').filter({ hasText: marked }).first()).toHaveText(marked);
		});
	}

	test('a day typed in Ukrainian marks the date of the rounds and statements it finds', async ({ page }) => {
		await page.goto(`/search?q=${encodeURIComponent('23 травня 2025')}`);
		const round = page.getByRole('link', { name: 'Prisoner exchange, 23 May 2025' });
		await expect(round.locator('mark')).toHaveText('23 May 2025');
		await page.goto(`/uk/search?q=${encodeURIComponent('23 травня 2025')}`);
		await expect(
			page
				.getByRole('region', { name: /^Заяви/ })
				.locator('mark')
				.first()
		).toHaveText('23 травня 2025 р.');
	});

	test('says so when nothing matches, and explains what can be searched', async ({ page }) => {
		await page.goto('/search?q=zzzqqqxxx');
		await expect(page.getByText('Nothing matches “zzzqqqxxx”.')).toBeVisible();
		await page.goto('/search');
		await expect(page.getByText(/Search every round, statement and source by who spoke/)).toBeVisible();
	});
});

test('with JavaScript, the header box finds a claimant, and a result opens the statement', async ({ page }) => {
	await findMedinskyStatement(page);
});

test('an invalid kind or an overlong search is a 400 with a message', async ({ request }) => {
	const badKind = await request.get('/search?q=Kyiv&kind=person');
	expect(badKind.status()).toBe(400);
	expect(await badKind.text()).toContain('Invalid query');
	expect((await request.get(`/search?q=${'x'.repeat(201)}`)).status()).toBe(400);
	expect((await request.get('/search?q=%22%29+OR+NEAR%28a%29+*')).status()).toBe(200);
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`axe finds no serious or critical violation on search pages (${colorScheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		for (const path of ['/search', '/search?q=Medinsky', '/search?q=Istanbul&kind=claim&page=2', '/search?q=zzzq']) {
			await page.goto(path);
			const results = await new AxeBuilder({ page }).analyze();
			const serious = results.violations.filter((violation) =>
				['serious', 'critical'].includes(violation.impact ?? '')
			);
			expect(serious.map((violation) => `${path} ${violation.id}: ${violation.nodes.length} nodes`)).toEqual([]);
		}
	});
}
