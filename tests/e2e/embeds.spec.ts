// Embeds, chart images and social cards on the production build: an embed without JavaScript, inside another page's iframe, the embed code on the overview, and axe.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const CUMULATIVE_TITLE = 'People returned to Ukraine, added up round by round';

test.describe('an embedded chart without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('/embed/cumulative shows the chart alone, with its title, source line and table', async ({ page }) => {
		const response = await page.goto('/embed/cumulative');
		expect(response?.headers()['content-security-policy']).toMatch(/frame-ancestors \*/);
		expect(response?.headers()['x-frame-options']).toBeUndefined();
		await expect(page.getByRole('heading', { name: CUMULATIVE_TITLE })).toBeVisible();
		await expect(page.locator('figure.chart-frame svg[role="group"][viewBox]:visible')).toHaveCount(1);
		await expect(
			page.getByText(/Prisoner Exchange Monitor, dataset version [0-9a-f]{12}, data as of \d+ \w+ \d{4}\./)
		).toBeVisible();
		await expect(page.getByRole('link', { name: 'See the chart on the site' })).toHaveAttribute(
			'href',
			/^http:\/\/[^/]+\/#cumulative$/
		);
		await expect(page.getByRole('navigation')).toHaveCount(0);
		await expect(page.locator('footer')).toHaveCount(0);
		const details = page.locator('figure.chart-frame details').first();
		await details.locator('summary').click();
		await expect(details.locator('table').first()).toBeVisible();
	});

	test('another site can frame it, at a phone’s width', async ({ page, baseURL }) => {
		// Another origin on this machine: a page on its own port whose only content is the iframe code.
		const article = `<!doctype html><title>An article</title><iframe src="${baseURL}/embed/cumulative" title="chart" width="100%" height="760"></iframe>`;
		const host = createServer((_request, response) =>
			response.writeHead(200, { 'content-type': 'text/html' }).end(article)
		);
		await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
		try {
			await page.setViewportSize({ width: 360, height: 800 });
			await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/`);
			const frame = page.frameLocator('iframe');
			await expect(frame.getByRole('heading', { name: CUMULATIVE_TITLE })).toBeVisible();
			// One drawing, scaled to the phone's column.
			await expect(frame.locator('.plot svg')).toHaveCount(1);
			await expect(frame.locator('.plot svg')).toBeVisible();
		} finally {
			host.close();
		}
	});

	test('an unknown chart is not found', async ({ request }) => {
		expect((await request.get('/embed/nope')).status()).toBe(404);
		expect((await request.get('/charts/nope.png')).status()).toBe(404);
	});

	test('the overview shows each chart’s embed code and image links', async ({ page, baseURL }) => {
		await page.goto('/');
		const chart = page.locator('figure#cumulative');
		await chart.getByText('Embed this chart').click();
		const code = chart.getByRole('textbox', { name: /Paste this code into your page/ });
		await expect(code).toHaveValue(
			`<iframe src="${baseURL}/embed/cumulative" title="${CUMULATIVE_TITLE}" width="100%" height="910" style="border: 0" loading="lazy"></iframe>`
		);
		await expect(code).toHaveAttribute('readonly', '');
		for (const format of ['svg', 'png']) {
			const link = chart.getByRole('link', { name: format.toUpperCase(), exact: true });
			await expect(link).toHaveAttribute('href', `/charts/cumulative.${format}`);
			const image = await page.request.get(`/charts/cumulative.${format}`);
			expect(image.status()).toBe(200);
			expect(image.headers()['content-type']).toMatch(format === 'svg' ? /^image\/svg\+xml/ : /^image\/png$/);
			expect(image.headers().etag).toBeTruthy();
		}
	});

	test('a round page names its card for social networks', async ({ page, baseURL }) => {
		await page.goto('/rounds/2024-12-30-exchange');
		const cardUrl = `${baseURL}/rounds/2024-12-30-exchange/card.png`;
		await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', cardUrl);
		await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1200');
		await expect(page.locator('meta[property="og:image:height"]')).toHaveAttribute('content', '630');
		await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
		const card = await page.request.get(cardUrl);
		expect(card.status()).toBe(200);
		expect(card.headers()['content-type']).toBe('image/png');
	});
});

test.describe('accessibility', () => {
	for (const colorScheme of ['light', 'dark'] as const) {
		test(`an embed has no serious or critical axe violation (${colorScheme})`, async ({ page }) => {
			await page.emulateMedia({ colorScheme });
			await page.goto('/embed/cumulative');
			await page.locator('summary', { hasText: 'Embed this chart' }).click();
			const results = await new AxeBuilder({ page }).analyze();
			const serious = results.violations.filter((violation) =>
				['serious', 'critical'].includes(violation.impact ?? '')
			);
			expect(serious.map((violation) => `${violation.id}: ${violation.nodes.length} nodes`)).toEqual([]);
		});
	}
});
