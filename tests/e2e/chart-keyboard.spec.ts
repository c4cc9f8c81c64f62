// The overview's charts by keyboard and by touch: one tab stop per chart with the arrow keys between its marks, a
// keyboard walk that reaches the footer in at most 40 tab stops with JavaScript on and off, a tap that shows a mark's
// figures with a link, the first phone screen with the headline and a chart, and axe clean in light and dark.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Tabs from the top of the page until focus is in the footer; the number of tab stops on the way. */
async function tabsToFooter(page: Page): Promise<number> {
	for (let stops = 1; stops <= 100; stops += 1) {
		await page.keyboard.press('Tab');
		if (await page.evaluate(() => Boolean(document.activeElement?.closest('footer')))) return stops;
	}
	return Infinity;
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('the keyboard walk of the overview reaches the footer in at most 40 tab stops', async ({ page }) => {
			await page.goto('/');
			expect(await tabsToFooter(page)).toBeLessThanOrEqual(40);
		});

		test('each chart is one tab stop, and its marks stay links', async ({ page }) => {
			await page.goto('/');
			for (const id of ['timeline-people', 'timeline-bodies', 'cumulative', 'discrepancies']) {
				const marks = page.locator(`#${id} svg a[href]`);
				expect(await marks.count()).toBeGreaterThan(1);
				await expect(page.locator(`#${id} svg a[tabindex="0"]`)).toHaveCount(1);
			}
		});
	});
}

test('the arrow keys move between a chart’s marks, and the chart stays one tab stop', async ({ page }) => {
	await page.goto('/');
	const marks = page.locator('#timeline-people svg a[href]');
	await marks.first().focus();
	await page.keyboard.press('ArrowRight');
	await expect(marks.nth(1)).toBeFocused();
	await expect(page.locator('.chart-tooltip')).toBeVisible();
	await expect(page.locator('#timeline-people svg a[tabindex="0"]')).toHaveCount(1);
	await page.keyboard.press('End');
	await expect(marks.last()).toBeFocused();
	await page.keyboard.press('Home');
	await expect(marks.first()).toBeFocused();
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

	test('the first screen shows the headline and a chart', async ({ page }) => {
		await page.goto('/');
		for (const selector of ['h1', '.headline .figure', '.headline-bars']) {
			const box = await page.locator(selector).first().boundingBox();
			expect(box && box.y + Math.min(box.height, 40) <= 812, selector).toBe(true);
		}
	});

	test('a tap on a mark shows its figures and a link to its rows; a second tap follows it', async ({ page }) => {
		await page.goto('/');
		const mark = page.locator('#timeline-people svg a[href]').nth(2);
		await mark.scrollIntoViewIfNeeded();
		await mark.tap();
		const tooltip = page.locator('.chart-tooltip');
		await expect(tooltip).toBeVisible();
		const href = await mark.getAttribute('href');
		await expect(tooltip.locator('a')).toHaveAttribute('href', href ?? '');
		expect(page.url()).toMatch(/\/$/);
		await mark.tap();
		await expect(page).toHaveURL(/\/charts\/timeline-people\?page=\d+#timeline-people-/);
	});

	test('chart marks are touch targets of at least 24 pixels', async ({ page }) => {
		await page.goto('/');
		for (const id of ['timeline-people', 'timeline-bodies']) {
			for (const box of await page
				.locator(`#${id} svg a .hit`)
				.evaluateAll((hits) => hits.map((hit) => hit.getBoundingClientRect().width))) {
				expect(box).toBeGreaterThanOrEqual(24);
			}
		}
	});
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`the overview and a round page are axe clean in ${colorScheme}`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		for (const path of ['/', '/rounds/2025-10-02-exchange']) {
			await page.goto(path);
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((violation) => `${path}: ${violation.id}`)).toEqual([]);
		}
	});
}
