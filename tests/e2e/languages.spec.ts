// The site in Ukrainian and Russian, JavaScript off: each page family at its address, `lang` right, the switcher
// keeping the record and the query, links and forms staying in the language, no sideways scroll, axe clean.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';

type Locale = 'uk' | 'ru';
/** The messages the journeys look for, read from each catalog (a missing one fails here, not as a vague timeout). */
const KEYS = [
	'language_label',
	'nav_label',
	'nav_methodology',
	'nav_search_label',
	'nav_search_button',
	'overview_title',
	'rounds_filter_year',
	'rounds_filter_apply',
	'field_claim_number',
	'correction_form_reason',
	'correction_form_evidence',
	'correction_form_submit',
	'correction_form_errors_heading'
] as const;
function catalog(locale: string): Record<(typeof KEYS)[number], string> {
	const messages = JSON.parse(readFileSync(`src/lib/i18n/messages/${locale}.json`, 'utf8')) as Record<string, unknown>;
	return Object.fromEntries(
		KEYS.map((key) => {
			const text = messages[key];
			if (typeof text !== 'string') throw new Error(`${locale}.json has no text for ${key}`);
			return [key, text];
		})
	) as Record<(typeof KEYS)[number], string>;
}
const CATALOGS = { en: catalog('en'), uk: catalog('uk'), ru: catalog('ru') };
const NAMES = { en: 'English', uk: 'Українська', ru: 'Русский' } as const;

/** The pages of the journey: the address without its prefix. */
const PAGES = [
	'/',
	'/rounds/2024-12-30-exchange',
	'/claims/c0549',
	'/rounds?year=2025',
	'/search?q=exchange',
	'/methodology',
	'/corrections/new?entity=claim&id=c0549',
	'/embed/cumulative'
];
const inLocale = (locale: Locale | 'en', path: string) =>
	locale === 'en' ? path : path === '/' ? `/${locale}` : `/${locale}${path}`;

/**
 * Axe's serious and critical findings on `path` (after `act`, if given). Axe runs as a script, so it looks at the page
 * in a browser with JavaScript on; the pages ship no client application, so they are the same pages.
 */
async function seriousViolations(
	browser: Browser,
	baseURL: string | undefined,
	path: string,
	act?: (page: Page) => Promise<void>
): Promise<string[]> {
	const context = await browser.newContext({ baseURL, javaScriptEnabled: true });
	try {
		const page = await context.newPage();
		await page.goto(path);
		await act?.(page);
		const results = await new AxeBuilder({ page }).analyze();
		return results.violations
			.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''))
			.map((violation) => `${violation.id}: ${violation.nodes.length} nodes`);
	} finally {
		await context.close();
	}
}

test.use({ javaScriptEnabled: false });
// Axe takes several seconds on the longer pages, more on a machine shared with other work.
test.setTimeout(90_000);

for (const locale of ['uk', 'ru'] as const) {
	const t = CATALOGS[locale];

	test.describe(`in ${NAMES[locale]}`, () => {
		for (const path of PAGES) {
			test(`${inLocale(locale, path)}: lang, the switcher keeps the record, axe finds nothing serious`, async ({
				page,
				browser,
				baseURL
			}) => {
				const response = await page.goto(inLocale(locale, path));
				expect(response?.status()).toBe(200);
				await expect(page.locator('html')).toHaveAttribute('lang', locale);
				expect(await seriousViolations(browser, baseURL, inLocale(locale, path))).toEqual([]);
				// Embeds have no header: the chart alone, framed by another page.
				if (path.startsWith('/embed/')) return;

				const switcher = page.getByRole('navigation', { name: t.language_label });
				// The page's own language is named, marked current, and not a link.
				await expect(switcher.getByText(NAMES[locale], { exact: true })).toHaveAttribute('aria-current', 'true');
				await expect(switcher.getByRole('link', { name: NAMES[locale] })).toHaveCount(0);
				for (const other of (['en', 'uk', 'ru'] as const).filter((language) => language !== locale)) {
					await expect(switcher.getByRole('link', { name: NAMES[other] })).toHaveAttribute(
						'href',
						inLocale(other, path)
					);
				}
				const main = page.getByRole('navigation', { name: t.nav_label });
				await expect(main.getByRole('link', { name: t.nav_methodology })).toHaveAttribute(
					'href',
					inLocale(locale, '/methodology')
				);
			});
		}

		test('following the switcher lands on the same record in the other language', async ({ page }) => {
			const other = locale === 'uk' ? 'ru' : 'uk';
			await page.goto(inLocale(locale, '/rounds/2024-12-30-exchange'));
			await page.getByRole('navigation', { name: t.language_label }).getByRole('link', { name: NAMES[other] }).click();
			await expect(page).toHaveURL(inLocale(other, '/rounds/2024-12-30-exchange'));
			await expect(page.locator('html')).toHaveAttribute('lang', other);
			await page
				.getByRole('navigation', { name: CATALOGS[other].language_label })
				.getByRole('link', { name: NAMES.en })
				.click();
			await expect(page).toHaveURL('/rounds/2024-12-30-exchange');
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		});

		test('the overview, the filters and the search stay in the language', async ({ page }) => {
			await page.goto(inLocale(locale, '/'));
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.overview_title);
			await page.goto(inLocale(locale, '/rounds'));
			await page.getByLabel(t.rounds_filter_year).selectOption('2025');
			await page.getByRole('button', { name: t.rounds_filter_apply }).click();
			await expect(page).toHaveURL(new RegExp(`^[^?]*/${locale}/rounds\\?.*year=2025`));
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await page.getByLabel(t.nav_search_label).fill('Zelensky');
			await page.getByRole('button', { name: t.nav_search_button }).click();
			await expect(page).toHaveURL(inLocale(locale, '/search?q=Zelensky'));
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
		});

		/** Sends the suggestion form with evidence that is not a web address. */
		async function sendWithFieldError(page: Page) {
			await page.getByLabel(t.field_claim_number, { exact: true }).fill('95');
			await page.getByLabel(t.correction_form_reason).fill('The ministry page itself says 95, not 94.');
			await page.getByLabel(t.correction_form_evidence).fill('ftp://example.org/ministry-statement');
			await page.getByRole('button', { name: t.correction_form_submit }).click();
		}

		test('the suggestion form answers a field error in the language, keeping the values', async ({
			page,
			browser,
			baseURL
		}) => {
			const form = inLocale(locale, '/corrections/new?entity=claim&id=c0549');
			await page.goto(form);
			await sendWithFieldError(page);
			await expect(page).toHaveURL(inLocale(locale, '/corrections/new?entity=claim&id=c0549'));
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expect(page.getByRole('alert')).toContainText(t.correction_form_errors_heading);
			await expect(page.getByLabel(t.field_claim_number, { exact: true })).toHaveValue('95');
			expect(await seriousViolations(browser, baseURL, form, sendWithFieldError)).toEqual([]);
		});

		test('at 320 px the header with the languages does not scroll sideways, and each language is a 24 px target', async ({
			page
		}) => {
			await page.setViewportSize({ width: 320, height: 800 });
			await page.goto(inLocale(locale, '/rounds/2024-12-30-exchange'));
			const overflow = await page.evaluate(() => {
				const root = document.documentElement;
				return root.scrollWidth > root.clientWidth ? `${root.scrollWidth} > ${root.clientWidth}` : null;
			});
			expect(overflow).toBeNull();
			const links = page.getByRole('navigation', { name: t.language_label }).getByRole('link');
			for (const link of await links.all()) {
				const box = await link.boundingBox();
				expect(box?.height).toBeGreaterThanOrEqual(24);
				expect(box?.width).toBeGreaterThanOrEqual(24);
			}
		});
	});
}

test('English pages keep their addresses and offer the two other languages', async ({ page }) => {
	await page.goto('/claims/c0549');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	const switcher = page.getByRole('navigation', { name: CATALOGS.en.language_label });
	await expect(switcher.getByText(NAMES.en, { exact: true })).toHaveAttribute('aria-current', 'true');
	await expect(switcher.getByRole('link', { name: NAMES.uk })).toHaveAttribute('href', '/uk/claims/c0549');
	await expect(switcher.getByRole('link', { name: NAMES.ru })).toHaveAttribute('lang', 'ru');
});

test.describe('a browser that prefers Ukrainian or Russian', () => {
	test.use({ javaScriptEnabled: true });

	for (const [browserLocale, locale] of [
		['uk-UA', 'uk'],
		['ru', 'ru']
	] as const) {
		test(`is offered the same page in ${NAMES[locale]} on an English page, and may hide it (${browserLocale})`, async ({
			browser,
			baseURL
		}) => {
			const context = await browser.newContext({ baseURL, locale: browserLocale });
			try {
				const page = await context.newPage();
				await page.goto('/rounds/2024-12-30-exchange');
				await expect(page.locator('html')).toHaveAttribute('lang', 'en');
				const suggestion = page.locator(`#language-suggestion p[lang="${locale}"]`);
				await expect(suggestion).toBeVisible();
				await expect(suggestion.getByRole('link')).toHaveAttribute(
					'href',
					inLocale(locale, '/rounds/2024-12-30-exchange')
				);
				await suggestion.getByRole('button').click();
				await expect(page.locator('#language-suggestion')).toBeHidden();
				await page.goto('/claims/c0549');
				await expect(page.locator('#language-suggestion')).toBeHidden();
			} finally {
				await context.close();
			}
		});
	}

	test('an English reader is offered nothing, and nothing shows without JavaScript', async ({ browser, baseURL }) => {
		for (const options of [{ locale: 'en-GB' }, { locale: 'uk-UA', javaScriptEnabled: false }]) {
			const context = await browser.newContext({ baseURL, ...options });
			try {
				const page = await context.newPage();
				await page.goto('/rounds/2024-12-30-exchange');
				await expect(page.locator('#language-suggestion')).toBeHidden();
			} finally {
				await context.close();
			}
		}
	});
});
