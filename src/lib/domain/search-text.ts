// Search text as readers type it: numbers and dates normalised to one token, and a MATCH expression that is never FTS5 syntax.

/** A piece of search text: a word, a number (and whether it was written in digit groups, "1,200"), a day or a month. */
export type SearchPiece =
	| { kind: 'word'; text: string }
	| { kind: 'number'; digits: string; grouped: boolean }
	| { kind: 'day'; token: string }
	| { kind: 'month'; token: string };

/** Most pieces a query is read into; the rest is ignored, which keeps every MATCH expression small. */
export const MAX_SEARCH_PIECES = 24;

/** A word gets prefix matching when it is the last one and at least this long ("Medin" finds "Medinsky"). */
const PREFIX_MIN_LENGTH = 3;

const monthNumbers: Record<string, number> = {
	jan: 1,
	feb: 2,
	mar: 3,
	apr: 4,
	may: 5,
	jun: 6,
	jul: 7,
	aug: 8,
	sep: 9,
	oct: 10,
	nov: 11,
	dec: 12
};

const start = '(?<![\\p{L}\\p{N}])';
const end = '(?![\\p{L}\\p{N}])';
/** An English month name, full or abbreviated, captured as `name`. */
const monthNamePattern = (name: string) =>
	`(?<${name}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?`;
const ordinal = '(?:st|nd|rd|th)?';

/** The forms recognised, tried in this order at each position. */
const patterns = [
	'(?<isoYear>\\d{4})-(?<isoMonth>\\d{1,2})-(?<isoDay>\\d{1,2})',
	'(?<dotDay>\\d{1,2})[./](?<dotMonth>\\d{1,2})[./](?<dotYear>\\d{4})',
	`(?<dmyDay>\\d{1,2})${ordinal}\\s+${monthNamePattern('dmyMonth')},?\\s+(?<dmyYear>\\d{4})`,
	`${monthNamePattern('mdyMonth')}\\s+(?<mdyDay>\\d{1,2})${ordinal},?\\s+(?<mdyYear>\\d{4})`,
	`${monthNamePattern('myMonth')},?\\s+(?<myYear>\\d{4})`,
	'(?<ymYear>\\d{4})-(?<ymMonth>\\d{1,2})',
	"(?<groupedNumber>\\d{1,3}(?:[,.'’ \\u00a0\\u202f]\\d{3})+)"
];
const formPattern = new RegExp(`${start}(?:${patterns.join('|')})${end}`, 'giu');
const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const digitsOnly = /^\d+$/;

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
	return monthNumbers[name.slice(0, 3).toLowerCase()] ?? 0;
}

function wordsOf(text: string): SearchPiece[] {
	return [...text.matchAll(wordPattern)].map(([word]) =>
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
	if (groups.mdyYear) return day(groups.mdyYear, monthOf(groups.mdyMonth), Number(groups.mdyDay));
	if (groups.myYear) return month(groups.myYear, monthOf(groups.myMonth));
	if (groups.ymYear) return month(groups.ymYear, Number(groups.ymMonth));
	if (groups.groupedNumber) return { kind: 'number', digits: groups.groupedNumber.replace(/\D/g, ''), grouped: true };
	return null;
}

/**
 * Reads text into words, numbers, days and months, the way a reader means them:
 *
 * - a day written `2025-05-23`, `23.05.2025` or `23/05/2025` (day first), `23 May 2025` or `May 23, 2025` is one
 *   day; `May 2025` or `2025-05` is one month (English month names, full or abbreviated);
 * - digit groups separated by a comma, a dot, an apostrophe or a (non-breaking or thin) space are one number when every
 *   group after the first has three digits: `1,200`, `1.200`, `1 200` all read 1200 (so two figures typed with only a
 *   space between, `390 307`, read as one number too);
 * - everything else is split into words of letters and digits; punctuation and symbols are dropped.
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
	// Only the recognised forms add tokens: the words between them are not read (a tenth of a dataset build's time).
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

function termOf(piece: SearchPiece, isLast: boolean): string {
	switch (piece.kind) {
		case 'word':
			return isLast && piece.text.length >= PREFIX_MIN_LENGTH ? `${quoted(piece.text)}*` : quoted(piece.text);
		case 'number':
			return quoted(piece.digits);
		case 'day':
		case 'month':
			return quoted(piece.token);
	}
}

/**
 * The FTS5 MATCH expression for what a reader typed, or null when nothing searchable is left. Every word, number and
 * date becomes a quoted string, and all must match; FTS5's own syntax (quotes, `*`, `-`, `:`, `^`, parentheses, NEAR,
 * AND, OR, NOT) is never passed through: operators are read as words and symbols are dropped. The last word matches
 * as a prefix. At most {@link MAX_SEARCH_PIECES} pieces are used.
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

/** Marks FTS5's highlight() and snippet() put around a match: control characters that never occur in the data. */
export const MATCH_OPEN = '\u0002';
export const MATCH_CLOSE = '\u0003';

/** Removes the match marks from text before it is indexed, so that data can never fake a highlight. */
export function withoutMatchMarks(text: string): string {
	return text.replaceAll(MATCH_OPEN, '').replaceAll(MATCH_CLOSE, '');
}

/** Splits text marked by FTS5 into plain and matched runs, for rendering as markup rather than HTML. */
export function markedSegments(marked: string): TextSegment[] {
	const segments: TextSegment[] = [];
	let match = false;
	for (const part of marked.split(new RegExp(`([${MATCH_OPEN}${MATCH_CLOSE}])`))) {
		if (part === MATCH_OPEN) match = true;
		else if (part === MATCH_CLOSE) match = false;
		else if (part !== '') segments.push({ text: part, match });
	}
	return segments;
}
