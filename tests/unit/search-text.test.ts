// Search text: numbers and dates read as readers mean them, and user text that never becomes FTS5 syntax.
import { describe, expect, it } from 'vitest';
import {
	MAX_SEARCH_PIECES,
	dateMatches,
	markedPart,
	markMatches,
	normalisedTokens,
	readSearchText,
	searchMarks,
	toMatchExpression
} from '../../src/lib/domain/search-text';
import { SEARCH_MAX_LENGTH, SearchParams } from '../../src/lib/schemas/search';

/** The term of one typed word: as typed, or by its search form in the columns of forms. */
const word = (typed: string, form: string) => `("${typed}" OR {name_forms text_forms} : "${form}")`;
/**
 * The term of the last word, matched as a prefix: as typed, or in the columns of forms by its folded spelling as a
 * prefix or by its search form (one prefix when the two are the same).
 */
const last = (typed: string, folded: string, form = folded) =>
	`("${typed}"* OR {name_forms text_forms} : ${folded === form ? `"${form}"*` : `("${folded}"* OR "${form}")`})`;

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
		{ input: '31 Feb 2025', expected: `"31" AND ${word('Feb', 'fob')} AND "2025"` },
		{
			input: 'exchange of 23 May 2025: 390 people',
			expected: `${word('exchange', 'ekschang')} AND "20250523" AND "390" AND ${last('people', 'people', 'peopl')}`
		},
		{ input: '23 мая 2025', expected: '"20250523"' },
		{ input: '23 травня 2025', expected: '"20250523"' },
		{ input: '23 травня 2025 р.', expected: '"20250523"' },
		{ input: '23-го мая 2025 года', expected: '"20250523"' },
		{ input: '23 МАЯ 2025 г.', expected: '"20250523"' },
		{ input: 'мая 23, 2025', expected: '"20250523"' },
		{ input: '23.05.2025 р.', expected: '"20250523"' },
		{ input: 'травень 2025', expected: '"202505"' },
		{ input: 'травня 2025', expected: '"202505"' },
		{ input: 'у травні 2025 року', expected: '"202505"' },
		{ input: 'май 2025', expected: '"202505"' },
		{ input: 'в мае 2025 г.', expected: '"202505"' },
		{ input: 'in May 2025', expected: '"202505"' },
		{ input: 'on 23 May 2025', expected: '"20250523"' },
		{ input: 'лютий 2024', expected: '"202402"' },
		{ input: '6 серпня 2025', expected: '"20250806"' },
		{ input: '6 августа 2025', expected: '"20250806"' },
		{ input: 'листопад 2024', expected: '"202411"' },
		{ input: 'лист. 2024', expected: '"202411"' },
		{ input: 'сент. 2024', expected: '"202409"' },
		{ input: 'груд. 2022', expected: '"202212"' },
		{ input: '31 лютого 2025', expected: `"31" AND ${word('лютого', 'liut')} AND "2025"` },
		{ input: 'лист 2024', expected: `${word('лист', 'list')} AND "2024"` },
		{ input: 'травень', expected: last('травень', 'traven', 'travn') },
		{ input: 'в 2025', expected: `${word('в', 'v')} AND "2025"` }
	])('$input -> $expected', ({ input, expected }) => {
		expect(toMatchExpression(input)).toBe(expected);
	});
});

describe('user text is never FTS5 syntax', () => {
	it.each([
		{ input: 'Medinsky', expected: last('Medinsky', 'medinski', 'medinsk') },
		{
			input: 'Vladimir Medinsky',
			expected: `${word('Vladimir', 'vladimor')} AND ${last('Medinsky', 'medinski', 'medinsk')}`
		},
		{ input: 'UAE', expected: last('UAE', 'uae') },
		{ input: 'US', expected: word('US', 'us') },
		{
			input: 'Ukrainska Pravda 1,000',
			expected: `${word('Ukrainska', 'ukrainsk')} AND ${word('Pravda', 'pravd')} AND "1000"`
		},
		{ input: '"Medinsky', expected: last('Medinsky', 'medinski', 'medinsk') },
		{ input: 'Medin*', expected: last('Medin', 'medin', 'medn') },
		{ input: '-Medinsky', expected: last('Medinsky', 'medinski', 'medinsk') },
		{
			input: 'claimant:Medinsky',
			expected: `${word('claimant', 'claimant')} AND ${last('Medinsky', 'medinski', 'medinsk')}`
		},
		{ input: '^Medinsky', expected: last('Medinsky', 'medinski', 'medinsk') },
		{
			input: '(Kyiv OR Moscow)',
			expected: `${word('Kyiv', 'kov')} AND ${word('OR', 'or')} AND ${last('Moscow', 'moscow')}`
		},
		{
			input: 'Kyiv AND NOT Moscow',
			expected: `${word('Kyiv', 'kov')} AND ${word('AND', 'and')} AND ${word('NOT', 'not')} AND ${last('Moscow', 'moscow')}`
		},
		{
			input: 'NEAR(Kyiv Moscow, 2)',
			expected: `${word('NEAR', 'near')} AND ${word('Kyiv', 'kov')} AND ${word('Moscow', 'moscow')} AND "2"`
		},
		{ input: '{name text}: x', expected: `${word('name', 'nam')} AND ${word('text', 'tekst')} AND ${word('x', 'ks')}` },
		{
			input: "'; DROP TABLE claims; --",
			expected: `${word('DROP', 'drop')} AND ${word('TABLE', 'tabl')} AND ${last('claims', 'claims')}`
		},
		{
			input: 'Українська правда',
			expected: `${word('Українська', 'ukrainsk')} AND ${last('правда', 'pravda', 'pravd')}`
		},
		{ input: "Мар'яна", expected: last("Мар'яна", 'mariana', 'marian') },
		{ input: 'Erdoğan', expected: last('Erdoğan', 'erdogan') },
		{
			input: 'Medinsky Мединский',
			expected: `${word('Medinsky', 'medinsk')} AND ${last('Мединский', 'medinski', 'medinsk')}`
		},
		{ input: 'ΑΘΗΝΑ', expected: last('ΑΘΗΝΑ', 'αθηνα') },
		{ input: 'r22-123', expected: '"r22" AND "123"' },
		{ input: 'ъь', expected: '"ъь"' },
		{ input: 'zzzqqqxxx', expected: last('zzzqqqxxx', 'zqksksks') },
		{ input: '!!!Зеленский???', expected: last('Зеленский', 'zelenski', 'zelensk') },
		{ input: '😀 Мединский', expected: last('Мединский', 'medinski', 'medinsk') },
		{
			input: 'Зеленский—Мединский',
			expected: `${word('Зеленский', 'zelensk')} AND ${last('Мединский', 'medinski', 'medinsk')}`
		},
		{ input: 'Мединский2025', expected: '"Мединский2025"*' },
		{ input: '23 травня', expected: `"23" AND ${last('травня', 'travnia', 'travn')}` },
		{ input: '', expected: null },
		{ input: '   ', expected: null },
		{ input: '"*-:^()+', expected: null }
	])('$input -> $expected', ({ input, expected }) => {
		expect(toMatchExpression(input)).toBe(expected);
	});

	it('keeps only quoted strings, each alone or with its search form, joined by AND, whatever the input', () => {
		const quotedString = `"[\\p{L}\\p{N}\\p{M}'’]+"\\*?`;
		const forms = `(?:${quotedString}|\\(${quotedString} OR ${quotedString}\\))`;
		const term = `(?:${quotedString}|\\(${quotedString} OR \\{name_forms text_forms\\} : ${forms}\\))`;
		const grammar = new RegExp(`^${term}(?: AND ${term})*$`, 'u');
		const hostile = ['"a" OR "b"', 'a"b', '""""x', 'x" OR 1=1 --', 'NEAR/3', 'a*b*c', 'col : "x"', `Мар'"яна`, '({x}'];
		for (const input of hostile) expect(toMatchExpression(input) ?? '').toMatch(grammar);
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
		{ text: 'no numbers here', expected: [] },
		{ text: 'обмін 23 травня 2025 р.', expected: ['20250523', '202505'] },
		{ text: 'обмен в мае 2025 года', expected: ['202505'] }
	])('$text -> $expected', ({ text, expected }) => {
		expect(normalisedTokens(text)).toEqual(expected);
	});

	it('reads a text into its pieces', () => {
		expect(readSearchText('Kyiv: 1 000 on 2025-05-23')).toEqual([
			{ kind: 'word', text: 'Kyiv' },
			{ kind: 'number', digits: '1000', grouped: true },
			{ kind: 'day', token: '20250523' }
		]);
		expect(readSearchText("Мар'яна, по 23 травня 2025")).toEqual([
			{ kind: 'word', text: "Мар'яна" },
			{ kind: 'word', text: 'по' },
			{ kind: 'day', token: '20250523' }
		]);
	});
});

describe('marking what matched in a shown text', () => {
	/** The words marked in a text, in order, for what was typed. */
	const marked = (typed: string, text: string, isName: boolean) =>
		markMatches(text, searchMarks(typed), isName)
			.filter((segment) => segment.match)
			.map((segment) => segment.text);

	it.each([
		{ typed: 'Medinsky', text: 'Vladimir Medinsky', isName: true, expected: ['Medinsky'] },
		{ typed: 'Мединского', text: 'Vladimir Medinsky', isName: true, expected: ['Medinsky'] },
		{ typed: 'Medinskiy', text: 'Володимир Мединський', isName: true, expected: ['Мединський'] },
		{ typed: 'Мединский', text: 'Владимир Мединский', isName: true, expected: ['Мединский'] },
		{ typed: 'Медин', text: 'Vladimir Medinsky', isName: true, expected: ['Medinsky'] },
		{ typed: 'Vladimir Medin', text: 'Владимир Мединский', isName: true, expected: ['Владимир', 'Мединский'] },
		{ typed: 'Єрмакові', text: 'Andriy Yermak', isName: true, expected: ['Yermak'] },
		{ typed: 'Єрмакові', text: 'Андрій Єрмак і Міністерство оборони Росії', isName: true, expected: ['Єрмак'] },
		{ typed: 'Лубінцю', text: 'Дмитрий Лубинец', isName: true, expected: ['Лубинец'] },
		{ typed: 'Буданові', text: 'Kyrylo Budanov', isName: true, expected: ['Budanov'] },
		{ typed: 'Будано', text: 'Kyrylo Budanov', isName: true, expected: ['Budanov'] },
		{ typed: 'Москальковой', text: 'Тетяна Москалькова', isName: true, expected: ['Москалькова'] },
		{ typed: 'ОАЭ', text: 'Туреччина, ОАЕ', isName: true, expected: ['ОАЕ'] },
		{
			typed: 'обмін полонених',
			text: 'Обмен пленными: 84 военнопленных, обмін полоненими',
			isName: false,
			expected: ['Обмен', 'обмін', 'полоненими']
		},
		{
			typed: 'Zelensky',
			text: 'Зеленський заявив, що Україна повернула 390 людей',
			isName: false,
			expected: ['Зеленський']
		},
		{ typed: 'Стамбулі', text: 'talks in Istanbul; переговори у Стамбулі', isName: false, expected: ['Стамбулі'] },
		{ typed: '390 people', text: 'Kyiv said 390 people came home', isName: false, expected: ['390', 'people'] },
		{ typed: 'data', text: 'the date and the data', isName: false, expected: ['data'] },
		{ typed: 'Медведев', text: 'Vladimir Medinsky', isName: true, expected: [] },
		{ typed: '', text: 'Vladimir Medinsky', isName: true, expected: [] }
	])('$typed marks $expected in "$text"', ({ typed, text, isName, expected }) => {
		expect(marked(typed, text, isName)).toEqual(expected);
	});

	it('keeps every character of the text, in order, with markup as text', () => {
		const text = '<b>Мединский</b> & «Зеленский» — 1,200';
		const segments = markMatches(text, searchMarks('Зеленского <b>'), false);
		expect(segments.map((segment) => segment.text).join('')).toBe(text);
		expect(segments).toEqual([
			{ text: '<', match: false },
			{ text: 'b', match: true },
			{ text: '>Мединский</', match: false },
			{ text: 'b', match: true },
			{ text: '> & «', match: false },
			{ text: 'Зеленский', match: true },
			{ text: '» — 1,200', match: false }
		]);
	});

	it('marks nothing in an empty text', () => {
		expect(markMatches('', searchMarks('Medinsky'), true)).toEqual([]);
	});
});

describe('marking a record’s date when it is what was typed', () => {
	it.each([
		{ typed: '23 травня 2025', date: '2025-05-23', expected: true },
		{ typed: '23 мая 2025', date: '2025-05-23', expected: true },
		{ typed: '2025-05-23', date: '2025-05-24', expected: false },
		{ typed: 'травень 2025', date: '2025-05-24', expected: true },
		{ typed: 'May 2025', date: '2024-05-24', expected: false },
		{ typed: 'Medinsky 2025', date: '2025-08-06', expected: true },
		{ typed: 'Medinsky 1000', date: '2025-08-06', expected: false },
		{ typed: 'Medinsky', date: '2025-08-06', expected: false },
		{ typed: '23 травня 2025', date: null, expected: false }
	])('$typed, dated $date: $expected', ({ typed, date, expected }) => {
		expect(dateMatches(date, searchMarks(typed))).toBe(expected);
	});

	it.each([
		{
			text: '(Україна), Повідомлення, 23 травня 2025 р.',
			part: '23 травня 2025 р.',
			match: true,
			expected: [
				{ text: '(Україна), Повідомлення, ', match: false },
				{ text: '23 травня 2025 р.', match: true }
			]
		},
		{
			text: 'Prisoner exchange, 23 May 2025',
			part: '23 May 2025',
			match: false,
			expected: [{ text: 'Prisoner exchange, 23 May 2025', match: false }]
		},
		{
			text: 'undated, language: en',
			part: '',
			match: true,
			expected: [{ text: 'undated, language: en', match: false }]
		},
		{
			text: '23 May 2025, language: en',
			part: '23 May 2025',
			match: true,
			expected: [
				{ text: '23 May 2025', match: true },
				{ text: ', language: en', match: false }
			]
		},
		{ text: '', part: 'x', match: true, expected: [] }
	])('marks "$part" in "$text" when $match', ({ text, part, match, expected }) => {
		expect(markedPart(text, part, match)).toEqual(expected);
	});
});
