// The suggestion form's limits: SUGGESTIONS_PER_HOUR (default, accepted values, values that stop the server), and the 429 and 413 in each language.
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/lib/server/auth/rate-limit';
import { MAX_SUGGESTION_BYTES, guardSuggestion, suggestionsPerHour } from '../../src/lib/server/corrections/guard';
import { inLocale } from '../helpers/locale';

describe('suggestionsPerHour', () => {
	it.each([
		[undefined, 10],
		['', 10],
		['1', 1],
		['100', 100],
		['10000', 10000]
	])('reads %j as %d', (value, expected) => {
		expect(suggestionsPerHour(value)).toBe(expected);
	});

	it.each(['0', '-1', '1.5', 'ten', '10001', ' 10'])('refuses %j', (value) => {
		expect(() => suggestionsPerHour(value)).toThrow(/SUGGESTIONS_PER_HOUR/);
	});
});

describe('the refusals, in the reader’s language', () => {
	const post = (body: string) =>
		new Request('http://x/uk/corrections/new', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length) },
			body
		});

	it.each([
		['en', /^Too many suggestions from this address\. Please try again in 60 minutes\.$/],
		['uk', /^Забагато пропозицій з цієї адреси\. Спробуйте ще раз за 60 хвилин\.$/],
		['ru', /^Слишком много предложений с этого адреса\. Попробуйте снова через 60 минут\.$/]
	] as const)('answers 429 with Retry-After (%s)', async (locale, text) => {
		const limiter = new RateLimiter(1, 60 * 60 * 1000);
		expect(await inLocale(locale, () => guardSuggestion(post('a=1'), 'client', 0, limiter))).toBeNull();
		const refused = await inLocale(locale, () => guardSuggestion(post('a=1'), 'client', 0, limiter));
		expect(refused?.status).toBe(429);
		expect(refused?.headers.get('retry-after')).toBe('3600');
		expect(await refused?.text()).toMatch(text);
	});

	it.each([
		['en', 'A suggestion may be at most 32 KiB.'],
		['uk', 'Пропозиція може мати щонайбільше 32 КіБ.'],
		['ru', 'Предложение может занимать не больше 32 КиБ.']
	] as const)('answers 413 to a body over the limit (%s)', async (locale, text) => {
		const refused = await inLocale(locale, () =>
			guardSuggestion(post('a='.padEnd(MAX_SUGGESTION_BYTES + 1, 'x')), 'client', 0)
		);
		expect(refused?.status).toBe(413);
		expect(await refused?.text()).toBe(text);
	});
});
