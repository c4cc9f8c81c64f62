// The site's addresses in each language: English at the root, every other language under its prefix (`/uk/…`, `/ru/…`).
import { baseLocale, getLocale, locales, type Locale } from '../paraglide/runtime.js';

/** The languages that have a prefix: every locale but the base one. */
const PREFIXED: readonly Locale[] = locales.filter((locale) => locale !== baseLocale);

/**
 * Addresses whose answer is the same in every language, so they have one address only: the JSON API, the downloads
 * (CSV, JSON, SQLite: their columns are the data's schema) and the records' JSON, and the health check. Under a
 * language prefix they are not found. The API's documentation page (`/api/v1`) and its OpenAPI document are text, so
 * they have one address per language (the document's paths, names and values stay the same: only its descriptions
 * are translated).
 */
const LANGUAGE_NEUTRAL = /^\/(?:api\/v1\/.+|healthz|download\/dataset\.sqlite|[^?#]*\.(?:csv|json))$/;
const OPENAPI_DOCUMENT = '/api/v1/openapi.json';

export function isLanguageNeutral(path: string): boolean {
	return path !== OPENAPI_DOCUMENT && LANGUAGE_NEUTRAL.test(path);
}

/** The language prefix a path starts with (`/uk`, `/uk/…`), or null for the base language's addresses. */
function prefixOf(pathname: string): Locale | null {
	return PREFIXED.find((locale) => pathname === `/${locale}` || pathname.startsWith(`/${locale}/`)) ?? null;
}

/** The language of an address. */
export function localeOfPath(pathname: string): Locale {
	return prefixOf(pathname) ?? baseLocale;
}

/** The address without its language prefix: the path the routes are written for (`/uk/rounds` → `/rounds`, `/uk` → `/`). */
export function withoutLocale(pathname: string): string {
	const locale = prefixOf(pathname);
	return locale ? pathname.slice(locale.length + 1) || '/' : pathname;
}

/**
 * An internal href (`/rounds?year=2025#x`) in `locale` (the current request's by default). Hrefs that are not a
 * path on this site (`#x`, `?page=2`, `https://…`, `mailto:`) and the language-neutral addresses are returned as they
 * are. The home page of a prefixed language is `/uk`, never `/uk/` (pages have no trailing slash).
 */
export function localHref(href: string, locale: Locale = getLocale()): string {
	if (!href.startsWith('/') || href.startsWith('//')) return href;
	const end = href.search(/[?#]/);
	const path = end === -1 ? href : href.slice(0, end);
	const rest = end === -1 ? '' : href.slice(end);
	const base = withoutLocale(path);
	if (locale === baseLocale || isLanguageNeutral(base)) return base + rest;
	return (base === '/' ? `/${locale}` : `/${locale}${base}`) + rest;
}

export interface PageAddress {
	locale: Locale;
	/** The path and query, without the origin. */
	href: string;
}

/** A page's address in every language, for the language switcher and the `hreflang` alternates. */
export function addressesOf(pathname: string, search: string): PageAddress[] {
	return locales.map((locale) => ({ locale, href: localHref(withoutLocale(pathname) + search, locale) }));
}

/** Each language named in itself, as a reader looks for it in the switcher: the same words on every page. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', uk: 'Українська', ru: 'Русский' };
