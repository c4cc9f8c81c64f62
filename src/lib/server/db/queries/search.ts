// Full-text search over the dataset's index: how many rounds, claims and sources match, and one ranked page of each.
import { MATCH_CLOSE, MATCH_OPEN, markedSegments, type TextSegment } from '../../../domain/search-text';
import type { SearchKind } from '../../../schemas/search';
import type { ClaimantSide, Counted, Qualifier, RoundKind, StatementKind } from '../../../schemas/vocabulary';
import type { DatasetDatabase } from '../dataset';
import { preparedFor } from '../prepared';

/** Results of each kind shown when all kinds are listed together, with a link to the rest. */
export const SEARCH_PREVIEW_SIZE = 5;
/** Results per page when one kind is listed. */
export const SEARCH_PAGE_SIZE = 20;
/** Words of context a claim's snippet shows around its matches. */
const SNIPPET_WORDS = 24;

/** A round found: when, what, and its mediators and summary with the matches marked. */
export interface RoundHit {
	id: string;
	date: string;
	endDate: string | null;
	kind: RoundKind;
	kyivExchangeNumber: number | null;
	mediators: TextSegment[];
	summary: TextSegment[];
}

/** A claim found: who said what and when, with the claimant and a snippet of what it counts and its note marked. */
export interface ClaimHit {
	id: string;
	statedOn: string;
	claimant: TextSegment[];
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

/** Which kind to list (all when undefined) and which page of it. */
export interface SearchOptions {
	kind?: SearchKind;
	page: number;
}

interface PageParameters {
	match: string;
	open: string;
	close: string;
	limit: number;
	offset: number;
}

interface RoundRecord {
	id: string;
	date: string;
	end_date: string | null;
	kind: RoundKind;
	kyiv_exchange_number: number | null;
	name: string;
	text: string;
}

interface ClaimRecord {
	id: string;
	stated_on: string;
	claimant_side: ClaimantSide;
	statement: StatementKind;
	counted: Counted;
	number: number | null;
	qualifier: Qualifier | null;
	name: string;
	text: string;
}

interface SourceRecord {
	id: string;
	published_on: string | null;
	language: string;
	name: string;
	text: string;
}

// Ranked by bm25 with the column weights the build configured (`rank`), then newest first for equal ranks.
const statements = preparedFor((db) => ({
	counts: db.prepare<[string], { kind: SearchKind; total: number }>(
		'SELECT kind, count(*) AS total FROM search_index WHERE search_index MATCH ? GROUP BY kind'
	),
	rounds: db.prepare<PageParameters, RoundRecord>(
		`SELECT r.id, r.date, r.end_date, r.kind, r.kyiv_exchange_number,
		        highlight(search_index, 2, @open, @close) AS name, highlight(search_index, 3, @open, @close) AS text
		   FROM search_index JOIN rounds r ON r.id = search_index.record_id
		  WHERE search_index MATCH @match AND search_index.kind = 'round'
		  ORDER BY search_index.rank, r.date DESC, r.id
		  LIMIT @limit OFFSET @offset`
	),
	claims: db.prepare<PageParameters, ClaimRecord>(
		`SELECT c.id, c.stated_on, c.claimant_side, c.statement, c.counted, c.number, c.qualifier,
		        highlight(search_index, 2, @open, @close) AS name,
		        snippet(search_index, 3, @open, @close, '…', ${SNIPPET_WORDS}) AS text
		   FROM search_index JOIN claims c ON c.id = search_index.record_id
		  WHERE search_index MATCH @match AND search_index.kind = 'claim'
		  ORDER BY search_index.rank, c.stated_on DESC, c.id
		  LIMIT @limit OFFSET @offset`
	),
	sources: db.prepare<PageParameters, SourceRecord>(
		`SELECT s.id, s.published_on, s.language,
		        highlight(search_index, 2, @open, @close) AS name, highlight(search_index, 3, @open, @close) AS text
		   FROM search_index JOIN sources s ON s.id = search_index.record_id
		  WHERE search_index MATCH @match AND search_index.kind = 'source'
		  ORDER BY search_index.rank, s.published_on DESC, s.id
		  LIMIT @limit OFFSET @offset`
	)
}));

/** One page of one kind: a page past the end shows the last. */
function groupOf<R, T>(
	total: number,
	requestedPage: number,
	pageSize: number,
	match: string,
	fetch: (parameters: PageParameters) => R[],
	toHit: (record: R) => T
): SearchGroup<T> {
	const pageCount = Math.max(1, Math.ceil(total / pageSize));
	const page = Math.min(requestedPage, pageCount);
	const hits =
		total === 0
			? []
			: fetch({ match, open: MATCH_OPEN, close: MATCH_CLOSE, limit: pageSize, offset: (page - 1) * pageSize }).map(
					toHit
				);
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
	for (const row of prepared.counts.all(match)) counts[row.kind] = row.total;
	const shown = (kind: SearchKind) => options.kind === undefined || options.kind === kind;
	const pageSize = options.kind === undefined ? SEARCH_PREVIEW_SIZE : SEARCH_PAGE_SIZE;
	const page = options.kind === undefined ? 1 : options.page;
	return {
		counts,
		round: shown('round')
			? groupOf(
					counts.round,
					page,
					pageSize,
					match,
					(parameters) => prepared.rounds.all(parameters),
					(record): RoundHit => ({
						id: record.id,
						date: record.date,
						endDate: record.end_date,
						kind: record.kind,
						kyivExchangeNumber: record.kyiv_exchange_number,
						mediators: markedSegments(record.name),
						summary: markedSegments(record.text)
					})
				)
			: null,
		claim: shown('claim')
			? groupOf(
					counts.claim,
					page,
					pageSize,
					match,
					(parameters) => prepared.claims.all(parameters),
					(record): ClaimHit => ({
						id: record.id,
						statedOn: record.stated_on,
						claimant: markedSegments(record.name),
						side: record.claimant_side,
						statement: record.statement,
						counted: record.counted,
						number: record.number,
						qualifier: record.qualifier,
						snippet: markedSegments(record.text)
					})
				)
			: null,
		source: shown('source')
			? groupOf(
					counts.source,
					page,
					pageSize,
					match,
					(parameters) => prepared.sources.all(parameters),
					(record): SourceHit => ({
						id: record.id,
						publishedOn: record.published_on,
						language: record.language,
						outlet: markedSegments(record.name),
						titleAndHost: markedSegments(record.text)
					})
				)
			: null
	};
}
