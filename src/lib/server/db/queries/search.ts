// Full-text search over the dataset's index: how many rounds, claims and sources match, and one ranked page of each.
import {
	NAME_COLUMNS,
	dateMatches,
	markMatches,
	type SearchMarks,
	type TextSegment
} from '../../../domain/search-text';
import { claimSpeaker, countedDetailOf, mediatorNames, roundSummary } from '../../../format/data-words';
import { getLocale } from '../../../paraglide/runtime.js';
import type { SearchKind, SearchSort } from '../../../schemas/search';
import type { ClaimantSide, Counted, Qualifier, RoundKind, StatementKind } from '../../../schemas/vocabulary';
import type { DatasetDatabase } from '../dataset';
import { preparedFor } from '../prepared';
import { getRound, mediatorWordsOf } from './rounds';
import { verdictOf, type StatementVerdict } from './statements';

/** Results of each kind shown when all kinds are listed together, with a link to the rest. */
export const SEARCH_PREVIEW_SIZE = 5;
/** Results per page when one kind is listed. */
export const SEARCH_PAGE_SIZE = 20;
/** Words of context a claim's snippet shows around its matches. */
const SNIPPET_WORDS = 24;

/** A round found: when, what, and its mediators and summary in the reader's language with the matches marked. */
export interface RoundHit {
	id: string;
	date: string;
	endDate: string | null;
	kind: RoundKind;
	kyivExchangeNumber: number | null;
	/** Whether its date, or its last day, is the day, month or year typed. */
	dateMatched: boolean;
	mediators: TextSegment[];
	summary: TextSegment[];
}

/**
 * A claim found: who said what and when, with the claimant (in the reader's language) and a snippet of what it counts
 * and its note marked, and what the record says about it (its verdict, as on its page). On a Ukrainian or Russian page
 * the snippet is what the figure counts in that language: the index's snippets are cut from the English text.
 */
export interface ClaimHit {
	id: string;
	statedOn: string;
	/** Whether the day it was stated on is in the day, month or year typed. */
	dateMatched: boolean;
	claimant: TextSegment[];
	claimantId: string;
	verdict: Pick<StatementVerdict, 'text' | 'href' | 'tone'>;
	side: ClaimantSide;
	statement: StatementKind;
	counted: Counted;
	number: number | null;
	qualifier: Qualifier | null;
	snippet: TextSegment[];
}

/** A source found: the outlet and its title and web address with the matches marked. */
export interface SourceHit {
	id: string;
	publishedOn: string | null;
	/** Whether it was published on the day, in the month or the year typed. */
	dateMatched: boolean;
	language: string;
	outlet: TextSegment[];
	titleAndHost: TextSegment[];
}

/** One kind's results: how many match in all, and the page shown. */
export interface SearchGroup<T> {
	total: number;
	page: number;
	pageCount: number;
	hits: T[];
}

/** What a search found; a kind that is not shown is null. */
export interface SearchResults {
	counts: Record<SearchKind, number>;
	round: SearchGroup<RoundHit> | null;
	claim: SearchGroup<ClaimHit> | null;
	source: SearchGroup<SourceHit> | null;
}

/**
 * Which kind to list (all when undefined) and which page of it; in which order (`relevance` when undefined); for
 * claims, whether the query names a number (see `searchDataset`) and whose statements only.
 */
export interface SearchOptions {
	kind?: SearchKind;
	page: number;
	sort?: SearchSort;
	namesNumber?: boolean;
	claimant?: string;
	/** What the reader typed (see `searchMarks`), marked wherever the results show it; nothing is marked without it. */
	marks?: SearchMarks;
}

interface PageParameters {
	match: string;
	/** The same expression limited to who it is: who said it, the outlet, the mediators, in any language. */
	nameMatch: string;
	limit: number;
	offset: number;
	sort: SearchSort;
	/** 1 when statements are ranked by kind too (the query names no number). */
	byKind: 0 | 1;
	claimant: string | null;
}

interface RoundRecord {
	id: string;
	date: string;
	end_date: string | null;
	kind: RoundKind;
	kyiv_exchange_number: number | null;
	summary: string;
	summary_uk: string;
	summary_ru: string;
}

interface ClaimRecord {
	id: string;
	stated_on: string;
	claimant_id: string;
	claimant_side: ClaimantSide;
	statement: StatementKind;
	counted: Counted;
	number: number | null;
	qualifier: Qualifier | null;
	counted_detail: string;
	counted_detail_uk: string;
	counted_detail_ru: string;
	claimant: string;
	claimant_name_uk: string;
	claimant_name_ru: string;
	text: string;
}

interface SourceRecord {
	id: string;
	published_on: string | null;
	language: string;
	name: string;
	text: string;
}

/**
 * The order of a page: by date when asked; otherwise by relevance: a match on the `name` column (who said it, the
 * outlet, the mediators) before a match elsewhere, then for claims by kind when the query names no number
 * (allegations, offers, running totals and rebuttals before routine reports of a round), then by bm25 with the column
 * weights the build configured (`rank`), then newest first.
 */
const byName = (kind: SearchKind) =>
	`CASE WHEN @sort = 'relevance' THEN search_index.record_id IN
	   (SELECT record_id FROM search_index WHERE search_index MATCH @nameMatch AND kind = '${kind}') END DESC`;
const orderBy = (kind: SearchKind, date: string, id: string, extra = '') =>
	`ORDER BY ${byName(kind)},${extra}
	          CASE WHEN @sort = 'relevance' THEN search_index.rank END,
	          CASE WHEN @sort = 'date_asc' THEN ${date} END, ${date} DESC, ${id}`;
/** Statement kinds in the order a search without a number lists them. */
const kindTier = `CASE WHEN @sort = 'relevance' AND @byKind = 1 THEN
	CASE c.statement WHEN 'allegation' THEN 0 WHEN 'offer' THEN 1 WHEN 'running_total' THEN 2 WHEN 'rebuttal' THEN 3 ELSE 4 END
	END,`;

const statements = preparedFor((db) => ({
	counts: db.prepare<[string], { kind: SearchKind; total: number }>(
		'SELECT kind, count(*) AS total FROM search_index WHERE search_index MATCH ? GROUP BY kind'
	),
	claimantCount: db.prepare<[string, string], { total: number }>(
		`SELECT count(*) AS total FROM search_index JOIN claims c ON c.id = search_index.record_id
		  WHERE search_index MATCH ? AND search_index.kind = 'claim' AND c.claimant_id = ?`
	),
	rounds: db.prepare<PageParameters, RoundRecord>(
		`SELECT r.id, r.date, r.end_date, r.kind, r.kyiv_exchange_number, r.summary, r.summary_uk, r.summary_ru
		   FROM search_index JOIN rounds r ON r.id = search_index.record_id
		  WHERE search_index MATCH @match AND search_index.kind = 'round'
		  ${orderBy('round', 'r.date', 'r.id')}
		  LIMIT @limit OFFSET @offset`
	),
	claims: db.prepare<PageParameters, ClaimRecord>(
		`SELECT c.id, c.stated_on, c.claimant_id, c.claimant_side, c.statement, c.counted, c.number, c.qualifier,
		        c.counted_detail, c.counted_detail_uk, c.counted_detail_ru,
		        c.claimant, k.name_uk AS claimant_name_uk, k.name_ru AS claimant_name_ru,
		        snippet(search_index, 3, '', '', '…', ${SNIPPET_WORDS}) AS text
		   FROM search_index JOIN claims c ON c.id = search_index.record_id
		   JOIN claimants k ON k.id = c.claimant_id
		  WHERE search_index MATCH @match AND search_index.kind = 'claim'
		    AND (@claimant IS NULL OR c.claimant_id = @claimant)
		  ${orderBy('claim', 'c.stated_on', 'c.id', kindTier)}
		  LIMIT @limit OFFSET @offset`
	),
	sources: db.prepare<PageParameters, SourceRecord>(
		`SELECT s.id, s.published_on, s.language, search_index.name AS name, search_index.text AS text
		   FROM search_index JOIN sources s ON s.id = search_index.record_id
		  WHERE search_index MATCH @match AND search_index.kind = 'source'
		  ${orderBy('source', 's.published_on', 's.id')}
		  LIMIT @limit OFFSET @offset`
	)
}));

/** A claim's snippet: the index's in English; what its figure counts in the reader's language otherwise. */
function claimSnippet(record: ClaimRecord): string {
	if (getLocale() === 'en') return record.text;
	return countedDetailOf({
		countedDetail: record.counted_detail,
		countedDetailUk: record.counted_detail_uk,
		countedDetailRu: record.counted_detail_ru
	});
}

/** Marks nothing: a search made without what was typed. */
const NO_MARKS: SearchMarks = { words: [], numbers: new Set(), days: new Set(), months: new Set() };

/** One page of one kind: a page past the end shows the last. */
function groupOf<R, T>(
	total: number,
	requestedPage: number,
	pageSize: number,
	query: Omit<PageParameters, 'limit' | 'offset'>,
	fetch: (parameters: PageParameters) => R[],
	toHit: (record: R) => T
): SearchGroup<T> {
	const pageCount = Math.max(1, Math.ceil(total / pageSize));
	const page = Math.min(requestedPage, pageCount);
	const hits =
		total === 0
			? []
			: fetch({
					...query,
					limit: pageSize,
					offset: (page - 1) * pageSize
				}).map(toHit);
	return { total, page, pageCount, hits };
}

/**
 * Searches rounds, claims and sources for a MATCH expression made by `toMatchExpression` (never raw user text):
 * the number of matches of each kind, then the first {@link SEARCH_PREVIEW_SIZE} of every kind, or, when a kind is
 * given, one page of {@link SEARCH_PAGE_SIZE} of that kind.
 */
export function searchDataset(db: DatasetDatabase, match: string, options: SearchOptions): SearchResults {
	const prepared = statements(db);
	const counts: Record<SearchKind, number> = { round: 0, claim: 0, source: 0 };
	const claimant = options.claimant ?? null;
	// Rounds and sources are said by nobody: a search of one claimant's statements finds claims only.
	if (claimant === null) for (const row of prepared.counts.all(match)) counts[row.kind] = row.total;
	else counts.claim = prepared.claimantCount.get(match, claimant)?.total ?? 0;
	const query = {
		match,
		nameMatch: `${NAME_COLUMNS} : (${match})`,
		sort: options.sort ?? 'relevance',
		byKind: options.namesNumber ? 0 : 1,
		claimant
	} as const;
	const shown = (kind: SearchKind) =>
		(options.kind === undefined || options.kind === kind) && (claimant === null || kind === 'claim');
	const pageSize = options.kind === undefined ? SEARCH_PREVIEW_SIZE : SEARCH_PAGE_SIZE;
	const marks = options.marks ?? NO_MARKS;
	const verdictFor = (id: string) => {
		const { text, href, tone } = verdictOf(db, id)!;
		return { text, href, tone };
	};
	const page = options.kind === undefined ? 1 : options.page;
	return {
		counts,
		round: shown('round')
			? groupOf(
					counts.round,
					page,
					pageSize,
					query,
					(parameters) => prepared.rounds.all(parameters),
					(record): RoundHit => ({
						id: record.id,
						date: record.date,
						endDate: record.end_date,
						kind: record.kind,
						kyivExchangeNumber: record.kyiv_exchange_number,
						dateMatched: dateMatches(record.date, marks) || dateMatches(record.end_date, marks),
						mediators: markMatches(
							mediatorNames(mediatorWordsOf(db, getRound(db, record.id)?.mediators ?? [])).join(', '),
							marks,
							true
						),
						summary: markMatches(
							roundSummary({
								summary: record.summary,
								summaryUk: record.summary_uk,
								summaryRu: record.summary_ru
							}),
							marks,
							false
						)
					})
				)
			: null,
		claim: shown('claim')
			? groupOf(
					counts.claim,
					page,
					pageSize,
					query,
					(parameters) => prepared.claims.all(parameters),
					(record): ClaimHit => ({
						id: record.id,
						statedOn: record.stated_on,
						dateMatched: dateMatches(record.stated_on, marks),
						claimant: markMatches(
							claimSpeaker({
								claimant: record.claimant,
								claimantNameUk: record.claimant_name_uk,
								claimantNameRu: record.claimant_name_ru
							}),
							marks,
							true
						),
						claimantId: record.claimant_id,
						verdict: verdictFor(record.id),
						side: record.claimant_side,
						statement: record.statement,
						counted: record.counted,
						number: record.number,
						qualifier: record.qualifier,
						snippet: markMatches(claimSnippet(record), marks, false)
					})
				)
			: null,
		source: shown('source')
			? groupOf(
					counts.source,
					page,
					pageSize,
					query,
					(parameters) => prepared.sources.all(parameters),
					(record): SourceHit => ({
						id: record.id,
						publishedOn: record.published_on,
						dateMatched: dateMatches(record.published_on, marks),
						language: record.language,
						outlet: markMatches(record.name, marks, true),
						titleAndHost: markMatches(record.text, marks, false)
					})
				)
			: null
	};
}
