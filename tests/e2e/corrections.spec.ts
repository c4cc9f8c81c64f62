// Correction journeys on the production build: a visitor suggests a fix without JavaScript, maintainers approve or reject it.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { e2eMaintainers } from '../../playwright.config';

async function logIn(page: Page, username: keyof typeof e2eMaintainers) {
	await page.goto('/review');
	await expect(page).toHaveURL(/\/login\?next=\/review$/);
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Password').fill(e2eMaintainers[username]);
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page).toHaveURL('/review');
}

async function expectNoSeriousViolations(page: Page, path: string) {
	const results = await new AxeBuilder({ page }).analyze();
	const serious = results.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''));
	expect(serious.map((violation) => `${path} ${violation.id}: ${violation.help}`)).toEqual([]);
}

test.describe('a correction is suggested, approved, published and reverted', () => {
	test.use({ javaScriptEnabled: false });

	test('from a statement page to the published figure and the history', async ({ page, browser, baseURL }) => {
		await page.goto('/claims/c0549');
		await page.getByRole('link', { name: 'Suggest a correction', exact: true }).click();
		await expect(page).toHaveURL('/corrections/new?entity=claim&id=c0549');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Suggest a correction to claim c0549');

		// A first try with evidence that is not a web address comes back with the values kept and a message.
		await page.getByLabel('Figure', { exact: true }).fill('95');
		await page.getByLabel('Why should this change?').fill('The ministry page itself says 95, not 94.');
		await page.getByLabel('Links to evidence').fill('ftp://example.org/ministry-statement');
		await page.getByRole('button', { name: 'Send the suggestion' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'Links to evidence (required): Give a full web address starting with http:// or https://.'
		);
		await expect(page.getByLabel('Links to evidence')).toHaveAccessibleDescription(
			/Give a full web address starting with http:\/\/ or https:\/\//
		);
		await expect(page.getByLabel('Figure', { exact: true })).toHaveValue('95');
		await expect(page.getByLabel('Why should this change?')).toHaveValue('The ministry page itself says 95, not 94.');

		await page.getByLabel('Links to evidence').fill('https://example.org/ministry-statement');
		await page.getByRole('button', { name: 'Send the suggestion' }).click();
		await expect(page).toHaveURL(/\/corrections\/\d+\?submitted=1$/);
		const suggestionUrl = new URL(page.url()).pathname;
		await expect(page.getByText('Status: pending review')).toBeVisible();
		const proposal = page.getByRole('table', { name: 'The proposal beside the published values' });
		await expect(proposal.getByRole('row').filter({ hasText: 'number' })).toContainText(/94\s*95\s*94/);

		// The two-person rule: logged in from the browser the suggestion came from, Alice cannot approve it.
		await logIn(page, 'alice');
		const own = page.getByRole('article').filter({ has: page.getByRole('link', { name: 'c0549' }) });
		await own.getByLabel('Your reason').fill('Checked against the ministry page.');
		await own.getByRole('button', { name: 'Approve and publish' }).click();
		await expect(page.getByRole('alert')).toContainText('Another maintainer must review your own suggestion.');

		// Bob, in his own browser, approves it.
		const bobsBrowser = await browser.newContext({ baseURL, javaScriptEnabled: false });
		const bob = await bobsBrowser.newPage();
		await logIn(bob, 'bob');
		const item = bob.getByRole('article').filter({ has: bob.getByRole('link', { name: 'c0549' }) });
		await expect(item).toContainText('The ministry page itself says 95, not 94.');
		await expect(item.getByRole('link', { name: 'https://example.org/ministry-statement' })).toBeVisible();
		await item.getByLabel('Your reason').fill('Checked against the ministry page.');
		await item.getByRole('button', { name: 'Approve and publish' }).click();
		await expect(bob.getByRole('status')).toContainText('approved and is now published');

		await page.goto('/rounds/2023-06-11-exchange');
		const moscow = page.getByRole('row').filter({ hasText: 'Russian Ministry of Defence' }).first();
		await expect(moscow).toContainText('95');
		await expect(page.getByRole('link', { name: /Revision \d+/ }).first()).toBeVisible();

		await page.goto('/changes');
		const revision = page.getByRole('listitem').filter({ hasText: 'c0549' }).first();
		await expect(revision).toContainText('Checked against the ministry page.');
		await expect(revision).toContainText(/94\s*95/);
		const feed = await page.request.get('/changes.atom');
		expect(feed.headers()['content-type']).toContain('application/atom+xml');
		expect(await feed.text()).toContain('claim c0549');

		// Alice asks to revert Bob's approval; the figure stays until Bob confirms. The revert is a revision of its own.
		await page.goto('/review');
		const accepted = page.getByRole('article').filter({ hasText: 'c0549' }).last();
		await accepted.getByLabel('Why revert it?').fill('Journey clean-up: restoring the figure.');
		await accepted.getByRole('button', { name: 'Revert' }).click();
		await expect(page.getByRole('status')).toContainText('when another maintainer confirms it');
		await page.goto('/rounds/2023-06-11-exchange');
		await expect(page.getByRole('row').filter({ hasText: 'Russian Ministry of Defence' }).first()).toContainText('95');
		await bob.goto('/review');
		const requested = bob.getByRole('article').filter({ hasText: 'asked to revert this' });
		await expect(requested).toContainText('Journey clean-up: restoring the figure.');
		await requested.getByLabel('Why confirm it?').fill('Agreed.');
		await requested.getByRole('button', { name: 'Confirm the revert' }).click();
		await expect(bob.getByRole('status')).toContainText('reverted');
		await bobsBrowser.close();
		await page.goto('/rounds/2023-06-11-exchange');
		await expect(page.getByRole('row').filter({ hasText: 'Russian Ministry of Defence' }).first()).toContainText('94');
		await page.goto(suggestionUrl);
		await expect(page.getByText('Status: accepted, then reverted')).toBeVisible();
	});
});

test.describe('a suggestion is rejected with a public reason', () => {
	test('the public page shows the decision and the reason', async ({ page }) => {
		await page.goto('/corrections/new?entity=claim&id=c0550');
		await page.getByLabel('Figure', { exact: true }).fill('96');
		await page.getByLabel('Why should this change?').fill('I think one more person came back.');
		await page.getByLabel('Links to evidence').fill('https://example.org/rumour');
		await page.getByRole('button', { name: 'Send the suggestion' }).click();
		await expect(page).toHaveURL(/\/corrections\/\d+\?submitted=1$/);
		const suggestionUrl = new URL(page.url()).pathname;

		await logIn(page, 'bob');
		const item = page.getByRole('article').filter({ has: page.getByRole('link', { name: 'c0550' }) });
		await item.getByLabel('Your reason').fill('The linked page does not give 96; the ministry and Kyiv both say 95.');
		await item.getByRole('button', { name: 'Reject' }).click();
		await expect(page.getByRole('status')).toContainText('rejected');
		await page.getByRole('button', { name: 'Log out' }).click();

		await page.goto(suggestionUrl);
		await expect(page.getByText('Status: rejected')).toBeVisible();
		await expect(page.getByText('The linked page does not give 96; the ministry and Kyiv both say 95.')).toBeVisible();
		await page.goto('/corrections');
		await expect(page.getByRole('table', { name: 'Decided' })).toContainText('rejected');
		await page.goto('/review');
		await expect(page).toHaveURL(/\/login/);
	});
});

// axe runs inside the page, so these scans need JavaScript; the journeys above run without it.
for (const colorScheme of ['light', 'dark'] as const) {
	test(`axe finds no serious or critical violation on the correction pages (${colorScheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		for (const path of [
			'/corrections/new?entity=claim&id=c0549',
			'/corrections/new?entity=claim',
			'/corrections/new?entity=round',
			'/corrections',
			'/corrections/1',
			'/changes',
			'/login'
		]) {
			await page.goto(path);
			await expectNoSeriousViolations(page, path);
		}
		await logIn(page, 'alice');
		await expectNoSeriousViolations(page, '/review');
	});
}

test.describe('forms refuse cross-origin posts on the production build', () => {
	for (const path of ['/corrections/new', '/login', '/review?/approve']) {
		test(`POST ${path} from another origin is refused`, async ({ request }) => {
			const response = await request.post(path, {
				headers: { origin: 'https://attacker.example', 'content-type': 'application/x-www-form-urlencoded' },
				data: 'kind=change&entity=claim&record_id=c0549&field%3Anumber=1&reason=x&evidence=https%3A%2F%2Fa.example'
			});
			expect(response.status()).toBe(403);
		});
	}
});
