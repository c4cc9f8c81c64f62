// A new exchange suggested as a whole: the visitor's form without and with JavaScript, the maintainer's preview and approval.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { e2eMaintainers } from '../../playwright.config';

async function logIn(page: Page, username: keyof typeof e2eMaintainers) {
	await page.goto('/login?next=/review');
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Password').fill(e2eMaintainers[username]);
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page).toHaveURL('/review');
}

interface Statement {
	claimant: string;
	side: string;
	counted: string;
	detail: string;
	detailUk: string;
	detailRu: string;
	figure: string;
	url: string;
	outlet: string;
	language: string;
	reliability: string;
}

/** Fills one statement's fields, found by the labels a reader sees. */
async function fillStatement(group: Locator, date: string, statement: Statement) {
	await group.getByLabel('Who said it').fill(statement.claimant);
	await group.getByLabel('For which side').selectOption({ label: statement.side });
	await group.getByLabel('When it was said').fill(date);
	await group.getByLabel('What the figure counts').selectOption({ label: statement.counted });
	await group.getByLabel("What it counts, in the claimant's words").fill(statement.detail);
	await group.getByLabel('What it counts, in Ukrainian').fill(statement.detailUk);
	await group.getByLabel('What it counts, in Russian').fill(statement.detailRu);
	await group.getByLabel('Figure', { exact: true }).fill(statement.figure);
	await group.getByLabel('How the figure was qualified').selectOption({ label: 'exactly' });
	await group.getByLabel('Web address of the page').fill(statement.url);
	await group.getByLabel('Outlet').fill(statement.outlet);
	await group.getByLabel('Published on').fill(date);
	await group.getByLabel('Kind of page').selectOption({ label: 'news report' });
	await group.getByLabel('Language').fill(statement.language);
	await group.getByLabel('Reliability').selectOption({ label: statement.reliability });
}

const kyiv: Statement = {
	claimant: 'Coordination Headquarters for the Treatment of Prisoners of War',
	side: 'Ukraine',
	counted: 'people returned to Ukraine',
	detail: 'defenders returned home (journey test)',
	detailUk: 'захисники, що повернулися додому (тестовий сценарій)',
	detailRu: 'защитники, вернувшиеся домой (тестовый сценарий)',
	figure: '121',
	url: 'https://example.org/e2e/kyiv-121',
	outlet: 'Example Kyiv Daily',
	language: 'uk',
	reliability: 'major outlet or wire agency'
};
const moscow: Statement = {
	...kyiv,
	claimant: 'Russian Ministry of Defence',
	side: 'Russia',
	counted: 'people each way',
	detail: 'servicemen handed over by each side (journey test)',
	detailUk: 'військовослужбовці, передані кожною стороною (тестовий сценарій)',
	detailRu: 'военнослужащие, переданные каждой стороной (тестовый сценарий)',
	url: 'https://example.org/e2e/moscow-121',
	outlet: 'Example Moscow Wire',
	language: 'ru'
};

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a visitor records a new exchange in one suggestion; a maintainer previews and approves it', async ({
		page,
		browser,
		baseURL
	}) => {
		await page.goto('/corrections/new?entity=round');
		await page.getByRole('link', { name: /Suggest a new exchange as a whole/ }).click();
		await expect(page).toHaveURL('/corrections/new-exchange');

		const round = page.getByRole('group', { name: 'The round' });
		await round.getByLabel('Date (the first day)').fill('2026-10-15');
		await round.getByLabel('Kind of round').selectOption({ label: 'Prisoner exchange' });
		await round.getByLabel('Mediators').fill('UAE');
		await round.getByLabel('Summary in one sentence').fill('Prisoner exchange of 121 for 121 (journey test).');
		await round.getByLabel('The summary in Ukrainian').fill('Обмін полоненими 121 на 121 (тестовий сценарій).');
		await round.getByLabel('The summary in Russian').fill('Обмен пленными 121 на 121 (тестовый сценарий).');
		await expect(round.getByText('(stored as kyiv_exchange_number)')).toBeVisible();
		await fillStatement(page.getByRole('group', { name: 'Statement 1', exact: true }), '2026-10-15', kyiv);

		// "Add another statement" posts the form: it comes back with everything kept and a blank second statement.
		await page.getByRole('button', { name: 'Add another statement' }).click();
		await expect(page.getByRole('group', { name: 'Statement 2', exact: true })).toBeVisible();
		await expect(page.getByRole('group', { name: 'Statement 1', exact: true }).getByLabel('Who said it')).toHaveValue(
			kyiv.claimant
		);
		await expect(round.getByLabel('Summary in one sentence')).toHaveValue(
			'Prisoner exchange of 121 for 121 (journey test).'
		);
		// The second statement's speaker is not on record: the form says so until the statement says they are new.
		const spokesperson = { ...moscow, claimant: 'Example Moscow Spokesperson (journey test)' };
		await fillStatement(page.getByRole('group', { name: 'Statement 2', exact: true }), '2026-10-15', spokesperson);
		await page.getByLabel('Why should this change?').fill('Both sides announced the exchange on the same day.');
		await page.getByLabel('Links to evidence').fill(`${kyiv.url}\n${moscow.url}`);
		await page.getByRole('button', { name: 'Send the suggestion' }).click();
		await expect(page.getByRole('alert')).toContainText(`Not a claimant on record: ${spokesperson.claimant}.`);
		const second = page.getByRole('group', { name: 'Statement 2', exact: true });
		await second.getByLabel('This claimant is not on record yet: add them').check();
		await second.getByLabel('Their name in Ukrainian').fill('Речник Москви (тестовий сценарій)');
		await second.getByLabel('Their name in Russian').fill('Представитель Москвы (тестовый сценарий)');
		await second.getByLabel('Their role, if the page gives it').fill('Spokesperson (journey test)');
		await second.getByLabel('Their role in Ukrainian').fill('Речник (тестовий сценарій)');
		await second.getByLabel('Their role in Russian').fill('Представитель (тестовый сценарий)');
		await page.getByRole('button', { name: 'Send the suggestion' }).click();
		await expect(page).toHaveURL(/\/corrections\/\d+\?submitted=1$/);
		await expect(page.getByText('Status: pending review')).toBeVisible();
		const suggestionUrl = new URL(page.url()).pathname;

		// Bob, in his own browser, sees the round as it will be published, with the statuses derived, and approves it.
		const bobsBrowser = await browser.newContext({ baseURL, javaScriptEnabled: false });
		const bob = await bobsBrowser.newPage();
		await logIn(bob, 'bob');
		const item = bob.getByRole('article').filter({ hasText: 'Prisoner exchange of 121 for 121 (journey test).' });
		const preview = item.getByRole('region', { name: 'A new exchange: the round as it will be published' });
		await expect(preview).toContainText('Prisoner exchange, 15 Oct 2026');
		await expect(preview.getByRole('definition').first()).toContainText('Both sides agree');
		await expect(preview.getByRole('row').filter({ hasText: spokesperson.claimant })).toContainText('121');
		await item.getByLabel('Your reason').fill('Checked both pages.');
		await item.getByRole('button', { name: 'Approve and publish' }).click();
		await expect(bob.getByRole('status')).toContainText('approved and is now published');

		await page.goto('/rounds/2026-10-15-exchange');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prisoner exchange, 15 Oct 2026');
		await expect(page.getByRole('row').filter({ hasText: kyiv.claimant })).toContainText('121');
		await expect(page.getByRole('row').filter({ hasText: spokesperson.claimant })).toContainText('121');
		await expect(page.getByRole('definition').first()).toContainText('Both sides agree');
		const claimantPath = '/claimants/k-example-moscow-spokesperson-journey-test';
		await page.goto(claimantPath);
		await expect(page.getByRole('heading', { level: 1 })).toContainText(spokesperson.claimant);

		await page.goto('/changes');
		const groups = page.locator('ol.revisions > li').filter({ hasText: 'Checked both pages.' });
		await expect(groups).toHaveCount(1);
		await expect(groups).toContainText('6 records, one decision');
		await expect(groups.getByRole('link', { name: '2026-10-15-exchange' })).toBeVisible();
		const feed = await (await page.request.get('/changes.atom')).text();
		expect(feed.match(/round 2026-10-15-exchange, claim c\d+, claim c\d+/g)).toHaveLength(1);

		// Clean-up for the other journeys: Bob reverts his own approval, which takes every part away at once.
		await bob.goto('/review');
		const accepted = bob.getByRole('article').filter({ hasText: '2026-10-15-exchange' }).last();
		await accepted.getByLabel('Why revert it?').fill('Journey clean-up.');
		await accepted.getByRole('button', { name: 'Revert' }).click();
		await expect(bob.getByRole('status')).toContainText('reverted');
		await bobsBrowser.close();
		expect((await page.request.get('/rounds/2026-10-15-exchange')).status()).toBe(410);
		expect((await page.request.get(claimantPath)).status()).toBe(410);
		await page.goto(suggestionUrl);
		await expect(page.getByText('Status: accepted, then reverted')).toBeVisible();
	});
});

test.describe('with JavaScript', () => {
	test('statements are added in place, a known claimant brings their side, and a near round is warned about', async ({
		page,
		browser,
		baseURL
	}) => {
		await page.goto('/corrections/new-exchange');
		const round = page.getByRole('group', { name: 'The round' });
		await round.getByLabel('Date (the first day)').fill('2026-04-25');
		await round.getByLabel('Kind of round').selectOption({ label: 'Prisoner exchange' });
		await round.getByLabel('Summary in one sentence').fill('Prisoner exchange (journey test with JavaScript).');
		await round.getByLabel('The summary in Ukrainian').fill('Обмін полоненими (тестовий сценарій з JavaScript).');
		await round.getByLabel('The summary in Russian').fill('Обмен пленными (тестовый сценарий с JavaScript).');
		const first = page.getByRole('group', { name: 'Statement 1', exact: true });
		await first.getByLabel('Who said it').fill('Office of the President of Ukraine');
		await first.getByLabel('Who said it').blur();
		await expect(first.getByLabel('For which side')).toHaveValue('ukraine');
		await fillStatement(first, '2026-04-25', { ...kyiv, claimant: 'Office of the President of Ukraine' });

		const posts: string[] = [];
		page.on('request', (request) => request.method() === 'POST' && posts.push(request.url()));
		await page.getByRole('button', { name: 'Add another statement' }).click();
		const second = page.getByRole('group', { name: 'Statement 2', exact: true });
		await expect(second).toBeVisible();
		await expect(second.getByLabel('Who said it')).toHaveValue('');
		await expect(second.getByLabel('Who said it')).toBeFocused();
		expect(posts).toEqual([]);
		await fillStatement(second, '2026-04-25', moscow);
		await page.getByLabel('Why should this change?').fill('Journey test with JavaScript.');
		await page.getByLabel('Links to evidence').fill(kyiv.url);
		await page.getByRole('button', { name: 'Send the suggestion' }).click();

		// 24 April 2026 already has a prisoner exchange: the form says so once, keeps everything, and a second send goes.
		await expect(page.getByRole('alert')).toContainText(
			'A round of the same kind is already published within two days'
		);
		await expect(page.getByRole('link', { name: '24 Apr 2026' })).toBeVisible();
		await expect(page.getByRole('group', { name: 'Statement 2', exact: true }).getByLabel('Who said it')).toHaveValue(
			moscow.claimant
		);
		await page.getByRole('button', { name: 'Send the suggestion' }).click();
		await expect(page).toHaveURL(/\/corrections\/\d+\?submitted=1$/);
		const suggestionUrl = new URL(page.url()).pathname;

		const bobsBrowser = await browser.newContext({ baseURL });
		const bob = await bobsBrowser.newPage();
		await logIn(bob, 'bob');
		const item = bob.getByRole('article').filter({ hasText: 'Prisoner exchange (journey test with JavaScript).' });
		await expect(item).toContainText('A round of the same kind is already published within two days');
		await expect(item.getByRole('link', { name: '24 Apr 2026' })).toBeVisible();
		// The preview on the review page passes axe too (JavaScript is on here).
		const results = await new AxeBuilder({ page: bob }).analyze();
		const serious = results.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''));
		expect(serious.map((violation) => `/review ${violation.id}: ${violation.help}`)).toEqual([]);
		await item.getByLabel('Your reason').fill('The same exchange as the one of 24 April.');
		await item.getByRole('button', { name: 'Reject' }).click();
		await expect(bob.getByRole('status')).toContainText('rejected');
		await bobsBrowser.close();
		await page.goto(suggestionUrl);
		await expect(page.getByText('Status: rejected')).toBeVisible();
		await expect(page.getByText('The same exchange as the one of 24 April.')).toBeVisible();
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		test(`axe finds no serious or critical violation on the exchange form (${colorScheme})`, async ({ page }) => {
			await page.emulateMedia({ colorScheme });
			await page.goto('/corrections/new-exchange');
			await page.getByRole('button', { name: 'Send the suggestion' }).click();
			await expect(page.getByRole('alert')).toBeVisible();
			const results = await new AxeBuilder({ page }).analyze();
			const serious = results.violations.filter((violation) =>
				['serious', 'critical'].includes(violation.impact ?? '')
			);
			expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
		});
	}
});
