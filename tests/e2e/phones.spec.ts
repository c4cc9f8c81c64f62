// Phones and assistive technology on the production build: no page family scrolls sideways at 320, 375 or 1280 px with
// JavaScript on or off, the list tables become cards with the status first below 600 px, and axe (every rule and
// impact, WCAG 2.2 AA included) finds nothing in light or dark.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** One address per page family. */
const families = [
	'/',
	'/rounds',
	'/rounds/2024-12-30-exchange',
	'/claims',
	'/claims/c0001',
	'/sources',
	'/sources/s0001',
	'/search?q=Medinsky',
	'/download',
	'/years',
	'/methodology',
	'/changes',
	'/corrections/new?entity=round&id=2024-12-30-exchange',
	'/login',
	'/embed/timeline-people',
	'/charts/timeline-people',
	'/no-such-page'
];

/** The pages whose lists are tables on a wide screen and cards on a phone. */
const tablePages = ['/rounds', '/claims', '/sources', '/download'];
/** Those, and the pages with tables of claims (round, source), of totals (overview) and of years. */
const cardPages = [...tablePages, '/rounds/2024-12-30-exchange', '/sources/s0001', '/', '/years'];

/** The page's scrolling width against the viewport's, when the page scrolls sideways; null when it does not. */
async function sidewaysOverflow(page: Page): Promise<string | null> {
	return page.evaluate(() => {
		const root = document.documentElement;
		return root.scrollWidth > root.clientWidth ? `${root.scrollWidth} > ${root.clientWidth}` : null;
	});
}

for (const javaScriptEnabled of [false, true]) {
	for (const width of [320, 375, 1280]) {
		test.describe(`at ${width} px, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
			test.use({ javaScriptEnabled, viewport: { width, height: 800 } });

			test('no page family scrolls sideways', async ({ page }) => {
				test.setTimeout(120_000);
				const failures: string[] = [];
				for (const path of families) {
					await page.goto(path);
					const overflow = await sidewaysOverflow(page);
					if (overflow) failures.push(`${path}: ${overflow}`);
				}
				expect(failures).toEqual([]);
			});
		});
	}
}

// Ukrainian and Russian words are longer (a heading of one long word, a filter's longest option, a status name):
// the narrowest screen, in both languages.
test.describe('at 320 px in Ukrainian and Russian, JavaScript off', () => {
	test.use({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });

	for (const language of ['uk', 'ru']) {
		test(`no page family scrolls sideways in /${language}`, async ({ page }) => {
			test.setTimeout(120_000);
			const failures: string[] = [];
			for (const path of [...families, '/claimants/k-medinsky', '/api/v1', '/corrections/new-exchange']) {
				const address = path === '/' ? `/${language}` : `/${language}${path}`;
				await page.goto(address);
				const overflow = await sidewaysOverflow(page);
				if (overflow) failures.push(`${address}: ${overflow}`);
			}
			expect(failures).toEqual([]);
		});
	}
});

test.describe('below 600 px the list tables are cards', () => {
	test.use({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });

	test('every card fits the screen, without a scrolling region', async ({ page }) => {
		const failures: string[] = [];
		for (const path of cardPages) {
			await page.goto(path);
			const regions = await page.locator('table.stack').evaluateAll((tables) =>
				tables.map((table) => {
					const region = table.closest('[role="region"]') ?? table;
					return { scroll: region.scrollWidth, client: region.clientWidth };
				})
			);
			expect(regions.length, path).toBeGreaterThan(0);
			for (const { scroll, client } of regions) if (scroll > client) failures.push(`${path}: ${scroll} > ${client}`);
		}
		expect(failures).toEqual([]);
	});

	test("a round's card shows each direction's status first, labelled, with both parties' figures", async ({ page }) => {
		await page.goto('/rounds?year=2024');
		const card = page.locator('#round-2024-12-30-exchange');
		const cells = card.locator('td');
		// Markup order: date, event, then per direction Kyiv, Moscow, status.
		const [toUkraineStatus, toRussiaStatus] = [cells.nth(4), cells.nth(7)];
		for (const status of [toUkraineStatus, toRussiaStatus]) {
			const box = await status.boundingBox();
			expect(box && box.x >= 0 && box.x + box.width <= 320).toBe(true);
		}
		const top = async (index: number) => (await cells.nth(index).boundingBox())?.y ?? Number.NaN;
		expect(await top(4)).toBeLessThan(await top(2));
		expect(await top(2)).toBeLessThan(await top(7));
		expect(await top(7)).toBeLessThan(await top(5));
		expect(await top(5)).toBeLessThan(await top(1));
		const label = (index: number) =>
			cells.nth(index).evaluate((cell) => getComputedStyle(cell, '::before').content.split(' / ')[0]);
		expect(await label(4)).toBe('"To Ukraine"');
		expect(await label(7)).toBe('"To Russia"');
		expect(await label(2)).toBe('"Kyiv"');
		expect(await label(6)).toBe('"Moscow"');
	});

	test('statements lead with the record, sources with their reliability', async ({ page }) => {
		await page.goto('/claims');
		const claim = page.locator('table.stack tbody tr').first();
		const claimTop = async (selector: string) => (await claim.locator(selector).boundingBox())?.y ?? Number.NaN;
		expect(await claimTop('td.record')).toBeLessThan(await claimTop('td.date'));
		await page.goto('/sources');
		const source = page.locator('table.stack tbody tr').first();
		const sourceTop = async (selector: string) => (await source.locator(selector).boundingBox())?.y ?? Number.NaN;
		expect(await sourceTop('td:nth-child(5)')).toBeLessThan(await sourceTop('th'));
	});

	test("a card is still a table to a screen reader: Chromium's accessibility tree is the wide screen's", async ({
		page
	}) => {
		/** Table roles in Chromium's own accessibility tree, and the accessible name of the round's first status cell. */
		const tree = async () => {
			await page.goto('/rounds?year=2024');
			const session = await page.context().newCDPSession(page);
			const { nodes } = (await session.send('Accessibility.getFullAXTree')) as {
				nodes: { role?: { value: string }; name?: { value: string } }[];
			};
			const roles: Record<string, number> = {};
			for (const node of nodes) {
				const role = node.role?.value ?? '';
				if (/^(table|row|cell|columnheader|rowheader)$/.test(role)) roles[role] = (roles[role] ?? 0) + 1;
			}
			const status = nodes.find(
				(node) => node.role?.value === 'cell' && node.name?.value.includes('Kyiv reported 189')
			);
			return { roles, status: status?.name?.value };
		};
		const narrow = await tree();
		await page.setViewportSize({ width: 1280, height: 800 });
		const wide = await tree();
		expect(narrow.roles.columnheader).toBeGreaterThan(0);
		expect(narrow.roles).toEqual(wide.roles);
		// The visible label ("To Ukraine") has empty alternative text: the cell reads as its value, under its header.
		expect(narrow.status).toMatch(/^Figures conflict Kyiv reported 189/);
		expect(narrow.status).toBe(wide.status);
	});
});

test.describe('on a wide screen the list tables stay tables', () => {
	test.use({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });

	test('headers show and no label is drawn in the cells', async ({ page }) => {
		for (const path of tablePages) {
			await page.goto(path);
			await expect(page.locator('table.stack thead').first(), path).toBeVisible();
			const display = await page
				.locator('table.stack tbody tr')
				.first()
				.evaluate((row) => getComputedStyle(row).display);
			expect(display, path).toBe('table-row');
			const label = await page
				.locator('table.stack tbody td')
				.first()
				.evaluate((cell) => getComputedStyle(cell, '::before').content);
			expect(label, path).toBe('none');
		}
	});
});

test.describe('copy buttons', () => {
	test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

	test("each copy button's name says what it copies", async ({ page }) => {
		await page.goto('/rounds/2024-12-30-exchange');
		await expect(page.getByRole('button', { name: 'Copy the fact box' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Copy the citation' })).toBeVisible();
		await page.getByText('BibTeX', { exact: true }).click();
		await expect(page.getByRole('button', { name: 'Copy the BibTeX entry' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Copy', exact: true })).toHaveCount(0);
	});
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`axe finds no violation of any impact on any page family (${colorScheme})`, async ({ page }) => {
		// Seventeen full scans and four more at phone width: far more than the default 30 s on a busy two-core machine.
		test.setTimeout(300_000);
		await page.emulateMedia({ colorScheme });
		const found: string[] = [];
		const scan = async (path: string) => {
			await page.goto(path);
			const results = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
				.analyze();
			for (const violation of results.violations) found.push(`${path} ${violation.id}`);
		};
		await page.setViewportSize({ width: 1280, height: 800 });
		for (const path of families) await scan(path);
		await page.setViewportSize({ width: 375, height: 800 });
		for (const path of tablePages) await scan(path);
		expect(found).toEqual([]);
	});
}
