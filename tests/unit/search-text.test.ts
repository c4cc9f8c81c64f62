// Search text: numbers and dates read as readers mean them, and user text that never becomes FTS5 syntax.
import { describe, expect, it } from 'vitest';
import {
	MATCH_CLOSE,
	MATCH_OPEN,
	MAX_SEARCH_PIECES,
	markedSegments,
	normalisedTokens,
	readSearchText,
	toMatchExpression,
	withoutMatchMarks
} from '../../src/lib/domain/search-text';
import { SEARCH_MAX_LENGTH, SearchParams } from '../../src/lib/schemas/search';

describe('reading numbers and dates as typed', () => {
	it.each([
		{ input: '1200', expected: '"1200"' },
		{ input: '1,200', expected: '"1200"' },
		{ input: '1 200', expected: '"1200"' },
		{ input: '1.200', expected: '"1200"' },
		{ input: "1'200", expected: '"1200"' },
		{ input: '1\u00a0200', expected: '"1200"' },
		{ input: '1\u202f200', expected: '"1200"' },
		{ input: '1,234,567', expected: '"1234567"' },
		{ input: '12.5', expected: '"12" AND "5"' },
		{ input: '1,20', expected: '"1" AND "20"' },
		{ input: '2025-05-23', expected: '"20250523"' },
		{ input: '2025-5-3', expected: '"20250503"' },
		{ input: '23 May 2025', expected: '"20250523"' },
		{ input: '23rd May, 2025', expected: '"20250523"' },
		{ input: 'May 23, 2025', expected: '"20250523"' },
		{ input: 'may 23 2025', expected: '"20250523"' },
		{ input: '23.05.2025', expected: '"20250523"' },
		{ input: '23/05/2025', expected: '"20250523"' },
		{ input: 'May 2025', expected: '"202505"' },
		{ input: 'Sept. 2024', expected: '"202409"' },
		{ input: 'December 2022', expected: '"202212"' },
		{ input: '2025-05', expected: '"202505"' },
		{ input: '2025', expected: '"2025"' },
		{ input: '2023-02-30', expected: '"2023" AND "02" AND "30"' },
		{ input: '31 Feb 2025', expected: '"31" AND "Feb" AND "2025"' },
		{
			input: 'exchange of 23 May 2025: 390 people',
			expected: '"exchange" AND "of" AND "20250523" AND "390" AND "people"*'
		}
	])('$input -> $expected', ({ input, expected }) => {
		expect(toMatchExpression(input)).toBe(expected);
	});
});

describe('user text is never FTS5 syntax', () => {
	it.each([
		{ input: 'Medinsky', expected: '"Medinsky"*' },
		{ input: 'Vladimir Medinsky', expected: '"Vladimir" AND "Medinsky"*' },
		{ input: 'UAE', expected: '"UAE"*' },
		{ input: 'US', expected: '"US"' },
		{ input: 'Ukrainska Pravda 1,000', expected: '"Ukrainska" AND "Pravda" AND "1000"' },
		{ input: '"Medinsky', expected: '"Medinsky"*' },
		{ input: 'Medin*', expected: '"Medin"*' },
		{ input: '-Medinsky', expected: '"Medinsky"*' },
		{ input: 'claimant:Medinsky', expected: '"claimant" AND "Medinsky"*' },
		{ input: '^Medinsky', expected: '"Medinsky"*' },
		{ input: '(Kyiv OR Moscow)', expected: '"Kyiv" AND "OR" AND "Moscow"*' },
		{ input: 'Kyiv AND NOT Moscow', expected: '"Kyiv" AND "AND" AND "NOT" AND "Moscow"*' },
		{ input: 'NEAR(Kyiv Moscow, 2)', expected: '"NEAR" AND "Kyiv" AND "Moscow" AND "2"' },
		{ input: '{name text}: x', expected: '"name" AND "text" AND "x"' },
		{ input: "'; DROP TABLE claims; --", expected: '"DROP" AND "TABLE" AND "claims"*' },
		{ input: 'Українська правда', expected: '"Українська" AND "правда"*' },
		{ input: 'Erdoğan', expected: '"Erdoğan"*' },
		{ input: '', expected: null },
		{ input: '   ', expected: null },
		{ input: '"*-:^()+', expected: null }
	])('$input -> $expected', ({ input, expected }) => {
		expect(toMatchExpression(input)).toBe(expected);
	});

	it('keeps only quoted strings joined by AND, whatever the input', () => {
		const hostile = ['"a" OR "b"', 'a"b', '""""x', 'x" OR 1=1 --', 'NEAR/3', 'a*b*c', 'col : "x"'];
		for (const input of hostile) {
			const expression = toMatchExpression(input) ?? '';
			expect(expression).toMatch(/^"[\p{L}\p{N}\p{M}]+"(?: AND "[\p{L}\p{N}\p{M}]+")*\*?$/u);
		}
	});

	it(`uses at most ${MAX_SEARCH_PIECES} pieces of a very long input`, () => {
		const expression = toMatchExpression('word '.repeat(500)) ?? '';
		expect(expression.split(' AND ')).toHaveLength(MAX_SEARCH_PIECES);
	});

	it(`refuses text longer than ${SEARCH_MAX_LENGTH} characters at the boundary`, () => {
		expect(SearchParams.safeParse({ q: 'x'.repeat(SEARCH_MAX_LENGTH) }).success).toBe(true);
		expect(SearchParams.safeParse({ q: 'x'.repeat(SEARCH_MAX_LENGTH + 1) }).success).toBe(false);
		expect(SearchParams.safeParse({ q: 'x', kind: 'person' }).success).toBe(false);
		expect(SearchParams.parse({ q: '', kind: '' })).toEqual({ q: undefined, kind: undefined, page: 1 });
	});
});

describe('the tokens indexed beside a text', () => {
	it.each([
		{ text: 'more than 1,200 bodies', expected: ['1200'] },
		{ text: 'returned 1200 bodies', expected: [] },
		{ text: 'carried out on 23–25 May 2025', expected: ['20250525', '202505'] },
		{ text: 'stated on 23 May 2025 and in June 2024', expected: ['20250523', '202505', '202406'] },
		{ text: 'no numbers here', expected: [] }
	])('$text -> $expected', ({ text, expected }) => {
		expect(normalisedTokens(text)).toEqual(expected);
	});

	it('reads a text into its pieces', () => {
		expect(readSearchText('Kyiv: 1 000 on 2025-05-23')).toEqual([
			{ kind: 'word', text: 'Kyiv' },
			{ kind: 'number', digits: '1000', grouped: true },
			{ kind: 'word', text: 'on' },
			{ kind: 'day', token: '20250523' }
		]);
	});
});

describe('highlighted text', () => {
	it.each([
		{ marked: 'plain', expected: [{ text: 'plain', match: false }] },
		{
			marked: `Vladimir ${MATCH_OPEN}Medinsky${MATCH_CLOSE}`,
			expected: [
				{ text: 'Vladimir ', match: false },
				{ text: 'Medinsky', match: true }
			]
		},
		{
			marked: `${MATCH_OPEN}<b>${MATCH_CLOSE} & ${MATCH_OPEN}</script>${MATCH_CLOSE}`,
			expected: [
				{ text: '<b>', match: true },
				{ text: ' & ', match: false },
				{ text: '</script>', match: true }
			]
		},
		{ marked: '', expected: [] }
	])('$marked', ({ marked, expected }) => {
		expect(markedSegments(marked)).toEqual(expected);
	});

	it('strips the marks from data before it is indexed', () => {
		expect(withoutMatchMarks(`a${MATCH_OPEN}b${MATCH_CLOSE}c`)).toBe('abc');
	});
});
