// The Content Security Policy in a real browser: every page family loads, runs its scripts and navigates with no violation.
import { expect, test, type Page } from '@playwright/test';
import { e2eMaintainers } from '../../playwright.config';

/** One page of every family, public and maintainers'. */
const PAGES = [
	'/',
	'/rounds',
	'/rounds/2024-12-30-exchange',
	'/claims',
	'/claims/c0549',
	'/sources',
	'/sources/s0001',
	'/search?q=Medinsky',
	'/changes',
	'/methodology',
	'/download',
	'/api/v1',
	'/embed/cumulative',
	'/corrections',
	'/corrections/new?entity=claim&id=c0550',
	'/login',
	'/no-such-page'
];

/** Collects violations two ways: the DOM event (every blocked load or script) and the console's report of it. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
	const logged: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) {
			logged.push(message.text());
		}
	});
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) =>
			seen.push(`${event.violatedDirective} ${event.blockedURI}`)
		);
	});
	return async () => [
		...logged,
		...(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []))
	];
}

test.describe('with JavaScript', () => {
	for (const path of PAGES) {
		test(`${path} runs under the CSP without a violation`, async ({ page }) => {
			const violations = await watchViolations(page);
			const response = await page.goto(path);
			expect(response?.headers()['content-security-policy']).toMatch(/frame-ancestors/);
			await page.waitForLoadState('networkidle');
			// The progressive scripts: chart tooltips on hover, and the hydrated pages' own handlers.
			const chart = page.locator('svg').first();
			if (await chart.isVisible()) await chart.hover();
			expect(await violations()).toEqual([]);
		});
	}

	test('client-side navigation and a Copy button stay within the policy', async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		const violations = await watchViolations(page);
		await page.goto('/rounds');
		await page.waitForLoadState('networkidle');
		await page.locator('main a[href^="/rounds/"]').first().click();
		await expect(page).toHaveURL(/\/rounds\/[^/]+$/);
		const copy = page.getByRole('button', { name: /copy/i }).first();
		if (await copy.isVisible()) await copy.click();
		await page.waitForLoadState('networkidle');
		expect(await violations()).toEqual([]);
	});

	test('the review page, logged in, runs without a violation', async ({ page }) => {
		const violations = await watchViolations(page);
		await page.goto('/review');
		await page.getByLabel('Username').fill('alice');
		await page.getByLabel('Password').fill(e2eMaintainers.alice);
		await page.getByRole('button', { name: 'Log in' }).click();
		await expect(page).toHaveURL('/review');
		await page.waitForLoadState('networkidle');
		expect(await violations()).toEqual([]);
	});

	test('an embed may be framed by another site; the site itself may not', async ({ page }) => {
		const embed = await page.request.get('/embed/cumulative');
		expect(embed.headers()['content-security-policy']).toMatch(/frame-ancestors \*/);
		const overview = await page.request.get('/');
		expect(overview.headers()['content-security-policy']).toMatch(/frame-ancestors 'none'/);
	});
});
