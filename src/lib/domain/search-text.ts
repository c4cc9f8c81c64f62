// Search text as readers type it in English, Ukrainian or Russian: numbers and dates read as one token, words matched as typed or by their search form, and a MATCH expression that is never FTS5 syntax.
import { foldWord, hasFormInText, searchForm, searchWordPattern } from './search-folding';

/** A piece of search text: a word, a number (and whether it was written in digit groups, "1,200"), a day or a month. */
export type SearchPiece =
	| { kind: 'word'; text: string }
	| { kind: 'number'; digits: string; grouped: boolean }
	| { kind: 'day'; token: string }
	| { kind: 'month'; token: string };

/** Most pieces a query is read into; the rest is ignored, which keeps every MATCH expression small. */
export const MAX_SEARCH_PIECES = 24;

/**
 * The index columns that hold search forms (see `searchForm`): of who it is (a claimant's names in every language, the
 * outlet, the mediators) and of what it says. A MATCH expression names them; `{name name_forms}` is who it is.
 */
export const FORM_COLUMNS = '{name_forms text_forms}';
export const NAME_COLUMNS = '{name name_forms}';

/** A word gets prefix matching when it is the last one and at least this long ("Medin" finds "Medinsky"). */
const PREFIX_MIN_LENGTH = 3;

/**
 * Month names as readers write them, with the month each names: English (full and abbreviated), Ukrainian and
 * Russian (the nominative, "травень", "май"; the genitive of a date, "23 травня", "23 мая"; the locative, "у травні",
 * "в мае"; abbreviations only with their dot, "трав.", "сент.", since some are words too: "лист" is a letter).
 */
const monthForms: readonly (readonly string[])[] = [
	['january', 'jan', 'січень', 'січня', 'січні', 'січ.', 'январь', 'января', 'январе', 'янв.'],
	['february', 'feb', 'лютий', 'лютого', 'лютому', 'лют.', 'февраль', 'февраля', 'феврале', 'февр.', 'фев.'],
	['march', 'mar', 'березень', 'березня', 'березні', 'бер.', 'март', 'марта', 'марте', 'мар.'],
	['april', 'apr', 'квітень', 'квітня', 'квітні', 'квіт.', 'апрель', 'апреля', 'апреле', 'апр.'],
	['may', 'травень', 'травня', 'травні', 'трав.', 'май', 'мая', 'мае'],
	['june', 'jun', 'червень', 'червня', 'червні', 'черв.', 'июнь', 'июня', 'июне', 'июн.'],
	['july', 'jul', 'липень', 'липня', 'липні', 'лип.', 'июль', 'июля', 'июле', 'июл.'],
	['august', 'aug', 'серпень', 'серпня', 'серпні', 'серп.', 'август', 'августа', 'августе', 'авг.'],
	[
		'september',
		'sept',
		'sep',
		'вересень',
		'вересня',
		'вересні',
		'вер.',
		'сентябрь',
		'сентября',
		'сентябре',
		'сент.',
		'сен.'
	],
	['october', 'oct', 'жовтень', 'жовтня', 'жовтні', 'жовт.', 'октябрь', 'октября', 'октябре', 'окт.'],
	['november', 'nov', 'листопад', 'листопада', 'листопаді', 'лист.', 'ноябрь', 'ноября', 'ноябре', 'нояб.', 'ноя.'],
	['december', 'dec', 'грудень', 'грудня', 'грудні', 'груд.', 'декабрь', 'декабря', 'декабре', 'дек.']
];
/** A month name (lower case, without a final dot) -> its number. */
const monthNumbers = new Map(
	monthForms.flatMap((forms, index) => forms.map((form) => [form.replace(/\.$/, ''), index + 1] as const))
);

const start = '(?<![\\p{L}\\p{N}])';
const end = '(?![\\p{L}\\p{N}])';
/** Every month form, longest first so that "травня" is not read as "трав"; an English one may end with a dot. */
const monthAlternatives = monthForms
	.flat()
	.sort((a, b) => b.length - a.length)
	.map((form) => (form.endsWith('.') ? form.replace('.', '\\.') : /^[a-z]/.test(form) ? `${form}\\.?` : form))
	.join('|');
/** A month name in any of the three languages, captured as `name`. */
const monthNamePattern = (name: string) => `(?<${name}>${monthAlternatives})`;
/** "23rd", and the Ukrainian and Russian "23-го". */
const ordinal = '(?:st|nd|rd|th|-?го)?';
/** What may follow a year in Ukrainian or Russian: "2025 р.", "2025 року", "2025 г.", "2025 года". */
const yearSuffix = '(?:\\s*(?:року|рік|года|году|год|р|г)\\.?)?';
/** A preposition before a date, read as part of it: "on 23 May 2025", "в мае 2025", "у травні 2025". */
const preposition = '(?:(?:on|in|of|на|у|в|во)\\s+)?';

/** The dates recognised, tried in this order at each position. */
const datePatterns = [
	'(?<isoYear>\\d{4})-(?<isoMonth>\\d{1,2})-(?<isoDay>\\d{1,2})',
	`(?<dotDay>\\d{1,2})[./](?<dotMonth>\\d{1,2})[./](?<dotYear>\\d{4})${yearSuffix}`,
	`(?<dmyDay>\\d{1,2})${ordinal}\\s+${monthNamePattern('dmyMonth')},?\\s+(?<dmyYear>\\d{4})${yearSuffix}`,
	// "May 23, 2025" and "May 2025" in one, so that a word is compared with the month names once.
	`${monthNamePattern('mdyMonth')}(?:\\s+(?<mdyDay>\\d{1,2})${ordinal})?,?\\s+(?<mdyYear>\\d{4})${yearSuffix}`,
	'(?<ymYear>\\d{4})-(?<ymMonth>\\d{1,2})'
];
const numberPattern = "(?<groupedNumber>\\d{1,3}(?:[,.'’ \\u00a0\\u202f]\\d{3})+)";
const formPattern = new RegExp(`${start}(?:${preposition}(?:${datePatterns.join('|')})|${numberPattern})${end}`, 'giu');
const digitsOnly = /^\d+$/;
const anyDigit = /\d/;

/** "2025-05-23" (or its parts) -> "20250523": the token a day is indexed and searched under. */
export function dayToken(isoDate: string): string {
	return isoDate.slice(0, 10).replaceAll('-', '');
}

/** "2025-05-23" -> "202505": the token a month is indexed and searched under. */
export function monthToken(isoDate: string): string {
	return isoDate.slice(0, 7).replaceAll('-', '');
}

function isoOf(year: string, month: number, day: number): string | null {
	const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	const date = new Date(`${iso}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

function monthOf(name = ''): number {
	return monthNumbers.get(name.toLowerCase().replace(/\.$/, '')) ?? 0;
}

function wordsOf(text: string): SearchPiece[] {
	return [...text.matchAll(searchWordPattern)].map(([word]) =>
		digitsOnly.test(word) ? { kind: 'number', digits: word, grouped: false } : { kind: 'word', text: word }
	);
}

/** The piece a recognised form stands for, or null when it is not a real date. */
function formPiece(groups: Record<string, string | undefined>): SearchPiece | null {
	const day = (year = '', month: number, dayOfMonth: number): SearchPiece | null => {
		const iso = isoOf(year, month, dayOfMonth);
		return iso ? { kind: 'day', token: dayToken(iso) } : null;
	};
	const month = (year = '', number: number): SearchPiece | null => {
		const iso = isoOf(year, number, 1);
		return iso ? { kind: 'month', token: monthToken(iso) } : null;
	};
	if (groups.isoYear) return day(groups.isoYear, Number(groups.isoMonth), Number(groups.isoDay));
	if (groups.dotYear) return day(groups.dotYear, Number(groups.dotMonth), Number(groups.dotDay));
	if (groups.dmyYear) return day(groups.dmyYear, monthOf(groups.dmyMonth), Number(groups.dmyDay));
	if (groups.mdyDay) return day(groups.mdyYear, monthOf(groups.mdyMonth), Number(groups.mdyDay));
	if (groups.mdyYear) return month(groups.mdyYear, monthOf(groups.mdyMonth));
	if (groups.ymYear) return month(groups.ymYear, Number(groups.ymMonth));
	if (groups.groupedNumber) return { kind: 'number', digits: groups.groupedNumber.replace(/\D/g, ''), grouped: true };
	return null;
}

/**
 * Reads text into words, numbers, days and months, the way a reader means them:
 *
 * - a day written `2025-05-23`, `23.05.2025` or `23/05/2025` (day first), `23 May 2025` or `May 23, 2025` is one
 *   day; `May 2025` or `2025-05` is one month; month names in English (full or abbreviated), Ukrainian or Russian
 *   (`23 травня 2025`, `травень 2025`, `23 мая 2025 г.`, see `monthForms`), and a preposition just before a date
 *   (`on`, `in`, `of`, `у`, `в`, `на`) is part of it;
 * - digit groups separated by a comma, a dot, an apostrophe or a (non-breaking or thin) space are one number when every
 *   group after the first has three digits: `1,200`, `1.200`, `1 200` all read 1200 (so two figures typed with only a
 *   space between, `390 307`, read as one number too);
 * - everything else is split into words of letters and digits (an apostrophe inside a Cyrillic word is kept);
 *   punctuation and symbols are dropped.
 */
export function readSearchText(text: string): SearchPiece[] {
	const pieces: SearchPiece[] = [];
	let position = 0;
	for (const match of text.matchAll(formPattern)) {
		pieces.push(...wordsOf(text.slice(position, match.index)));
		const piece = formPiece(match.groups ?? {});
		pieces.push(...(piece ? [piece] : wordsOf(match[0])));
		position = match.index + match[0].length;
	}
	pieces.push(...wordsOf(text.slice(position)));
	return pieces;
}

/**
 * The extra tokens the index stores beside a text, so that the numbers and dates in it are found however a reader
 * types them: "1,200" adds 1200, "23 May 2025" adds the day and its month.
 */
export function normalisedTokens(text: string): string[] {
	// Only the recognised forms add tokens: the words between them are not read (a tenth of a dataset build's time),
	// and a text without a digit has none.
	if (!anyDigit.test(text)) return [];
	return [...text.matchAll(formPattern)].flatMap((match) => {
		const piece = formPiece(match.groups ?? {});
		if (piece?.kind === 'day') return [piece.token, piece.token.slice(0, 6)];
		if (piece?.kind === 'month') return [piece.token];
		if (piece?.kind === 'number' && piece.grouped) return [piece.digits];
		return [];
	});
}

/** Whether what a reader typed names a figure (a number, not a date): then search ranks statements by match alone. */
export function namesNumber(input: string): boolean {
	return readSearchText(input).some((piece) => piece.kind === 'number');
}

/** One FTS5 string: in double quotes, a quote inside doubled, so that its content is only ever text to tokenise. */
function quoted(text: string): string {
	return `"${text.replaceAll('"', '""')}"`;
}

/** A quoted string, matched as a prefix when it is the last word and long enough. */
function wordTerm(text: string, isLast: boolean): string {
	return isLast && text.length >= PREFIX_MIN_LENGTH ? `${quoted(text)}*` : quoted(text);
}

/**
 * A word's match in the columns of forms: its search form, and, when it is the last word and long enough, its folded
 * spelling as a prefix too, since a word still being typed has no ending to remove ("Medin" is "medin", not "medon").
 */
function formTerm(text: string, form: string, isLast: boolean): string {
	const folded = foldWord(text);
	if (!isLast || folded.length < PREFIX_MIN_LENGTH) return quoted(form);
	return folded === form ? `${quoted(form)}*` : `(${quoted(folded)}* OR ${quoted(form)})`;
}

function termOf(piece: SearchPiece, isLast: boolean): string {
	switch (piece.kind) {
		case 'word': {
			// As typed (so that FTS5 can find the words as written), or by its search form in the columns of forms.
			const form = searchForm(piece.text);
			const typed = wordTerm(piece.text, isLast);
			return form === '' ? typed : `(${typed} OR ${FORM_COLUMNS} : ${formTerm(piece.text, form, isLast)})`;
		}
		case 'number':
			return quoted(piece.digits);
		case 'day':
		case 'month':
			return quoted(piece.token);
	}
}

/**
 * The FTS5 MATCH expression for what a reader typed, or null when nothing searchable is left. Every word, number and
 * date becomes a quoted string, and all must match; a word matches as typed or by its search form (see
 * `searchForm`: "Мединского" finds what the index holds as "Medinsky"). FTS5's own syntax (quotes, `*`, `-`, `:`,
 * `^`, parentheses, NEAR, AND, OR, NOT) is never passed through: operators are read as words and symbols are dropped.
 * The last word matches as a prefix. At most {@link MAX_SEARCH_PIECES} pieces are used.
 */
export function toMatchExpression(input: string): string | null {
	const pieces = readSearchText(input).slice(0, MAX_SEARCH_PIECES);
	if (pieces.length === 0) return null;
	return pieces.map((piece, index) => termOf(piece, index === pieces.length - 1)).join(' AND ');
}

/** A run of text in a search result, marked when it matched the query. */
export interface TextSegment {
	text: string;
	match: boolean;
}

/** A word as FTS5's unicode61 tokenizer compares it: lower case, without diacritics. */
function plain(word: string): string {
	return word.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
}

/** One typed word as shown words are compared with it: as typed, folded, and by its search form. */
interface TypedWord {
	plain: string;
	folded: string;
	form: string;
	/** Whether it is matched as a prefix (the last word, long enough; see `toMatchExpression`). */
	prefix: boolean;
}

/** What a reader typed, as {@link markMatches} compares the words of a shown text with it, and {@link dateMatches} a date. */
export interface SearchMarks {
	words: readonly TypedWord[];
	numbers: ReadonlySet<string>;
	/** The days and months typed, as tokens (see `dayToken`, `monthToken`). */
	days: ReadonlySet<string>;
	months: ReadonlySet<string>;
}

/** The words and numbers of what a reader typed, read as `toMatchExpression` reads them, to mark them where shown. */
export function searchMarks(input: string): SearchMarks {
	const pieces = readSearchText(input).slice(0, MAX_SEARCH_PIECES);
	const words: TypedWord[] = [];
	const numbers = new Set<string>();
	const days = new Set<string>();
	const months = new Set<string>();
	pieces.forEach((piece, index) => {
		if (piece.kind === 'number') numbers.add(piece.digits);
		if (piece.kind === 'day') days.add(piece.token);
		if (piece.kind === 'month') months.add(piece.token);
		if (piece.kind !== 'word') return;
		const isLast = index === pieces.length - 1;
		const folded = foldWord(piece.text);
		words.push({
			plain: plain(piece.text),
			folded: isLast && folded.length >= PREFIX_MIN_LENGTH ? folded : '',
			form: searchForm(piece.text),
			prefix: isLast && piece.text.length >= PREFIX_MIN_LENGTH
		});
	});
	return { words, numbers, days, months };
}

/**
 * Whether a record's date (a round's, a statement's, a source's) is what was typed: its day, its month, or its year
 * (a number of four digits), the tokens the index holds for it.
 */
export function dateMatches(isoDate: string | null, marks: SearchMarks): boolean {
	if (isoDate === null) return false;
	return (
		marks.days.has(dayToken(isoDate)) || marks.months.has(monthToken(isoDate)) || marks.numbers.has(isoDate.slice(0, 4))
	);
}

/** A text with one part of it (its first occurrence) marked when `match`: a date in a result's heading or details. */
export function markedPart(text: string, part: string, match: boolean): TextSegment[] {
	const at = part === '' ? -1 : text.indexOf(part);
	if (!match || at === -1) return text === '' ? [] : [{ text, match: false }];
	return [
		{ text: text.slice(0, at), match: false },
		{ text: part, match: true },
		{ text: text.slice(at + part.length), match: false }
	].filter((segment) => segment.text !== '');
}

/**
 * Whether a shown word matches what was typed, as the index matched it: as typed (a prefix for the last word), or,
 * when the word has a search form there (every word of a name, `hasFormInText` of a text), by its search form, or
 * for the last word typed by the start of its search form (or of a name's folded spelling, which the index holds too).
 */
function matches(word: string, marks: SearchMarks, isName: boolean): boolean {
	if (marks.numbers.has(word)) return true;
	const shown = plain(word);
	const formed = isName || hasFormInText(word);
	const form = formed ? searchForm(word) : '';
	return marks.words.some(
		(typed) =>
			shown === typed.plain ||
			(typed.prefix && shown.startsWith(typed.plain)) ||
			(form !== '' && form === typed.form) ||
			(form !== '' &&
				typed.folded !== '' &&
				(form.startsWith(typed.folded) || (isName && foldWord(word).startsWith(typed.folded))))
	);
}

/**
 * A shown text split into plain and matched runs, for rendering as markup (never HTML): every word that matches what
 * was typed, whatever script, case form or transliteration it was typed in ("Мединского" marks "Medinsky" and
 * "Мединський"). `isName` when the text is a name (a claimant, an outlet, mediators), every word of which the
 * index holds by its search form.
 */
export function markMatches(text: string, marks: SearchMarks, isName: boolean): TextSegment[] {
	const segments: TextSegment[] = [];
	const push = (part: string, match: boolean) => {
		if (part === '') return;
		const previous = segments.at(-1);
		if (previous && previous.match === match && !match) previous.text += part;
		else segments.push({ text: part, match });
	};
	let position = 0;
	for (const found of text.matchAll(searchWordPattern)) {
		push(text.slice(position, found.index), false);
		push(found[0], matches(found[0], marks, isName));
		position = found.index + found[0].length;
	}
	push(text.slice(position), false);
	return segments;
}
