// Queries over claims and their sources: a round's claims, one claim with its answers, statements outside rounds, a source's claims.
import type {
	ClaimantSide,
	Counted,
	Qualifier,
	SourceKind,
	SourceReliability,
	StatementKind
} from '../../../schemas/vocabulary';
import type { Speaker } from '../../../format/data-words';
import type { SourceKey } from '../../../schemas/api-paging';
import type { DatasetDatabase } from '../dataset';
import { inBatches } from '../batches';
import { memoizedFor, preparedFor } from '../prepared';

/** A source as cited next to a figure. */
export interface SourceRef {
	id: string;
	url: string;
	outlet: string;
	title: string | null;
	publishedOn: string | null;
	accessedOn: string | null;
	kind: SourceKind;
	language: string;
	archiveUrl: string | null;
	reliability: SourceReliability;
	/** What a reader should know about the page itself, e.g. that it is a copy whose original was not found. */
	note: string | null;
}

/** A claim with everything a reader needs to check it: who, when, what, how many, and where it was published. */
export interface ClaimView {
	id: string;
	roundId: string | null;
	statedOn: string;
	/** The speaker's name as the record gives it (with a relay or a joint speaker when there is one). */
	claimant: string;
	/** The claimant of data/claimants.csv, and their name in English, Ukrainian and Russian. */
	claimantId: string;
	claimantName: string;
	claimantNameUk: string;
	claimantNameRu: string;
	side: ClaimantSide;
	statement: StatementKind;
	counted: Counted;
	/** What the figure counts, in English, Ukrainian and Russian. */
	countedDetail: string;
	countedDetailUk: string;
	countedDetailRu: string;
	number: number | null;
	qualifier: Qualifier | null;
	respondsTo: string | null;
	note: string;
	sources: SourceRef[];
	/** True when every source of the claim is a copy (mirror, aggregator, re-post): such a figure never confirms another. */
	onlyCopies: boolean;
}

/** A claims row as {@link claimColumns} selects it. */
export interface ClaimRecord {
	id: string;
	round_id: string | null;
	stated_on: string;
	claimant: string;
	claimant_id: string;
	claimant_name: string;
	claimant_name_uk: string;
	claimant_name_ru: string;
	claimant_side: ClaimantSide;
	statement: StatementKind;
	counted: Counted;
	counted_detail: string;
	counted_detail_uk: string;
	counted_detail_ru: string;
	number: number | null;
	qualifier: Qualifier | null;
	responds_to: string | null;
	note: string;
}

interface SourceRecord {
	id: string;
	url: string;
	outlet: string;
	title: string | null;
	published_on: string | null;
	accessed_on: string | null;
	kind: SourceKind;
	language: string;
	archive_url: string | null;
	reliability: SourceReliability;
	note: string | null;
}

/** The claimant's name in Ukrainian and Russian beside a claims row `c`: sentences name the speaker in the reader's language. */
export const speakerNameColumns = `(SELECT k.name_uk FROM claimants k WHERE k.id = c.claimant_id) AS claimant_name_uk,
	(SELECT k.name_ru FROM claimants k WHERE k.id = c.claimant_id) AS claimant_name_ru`;

/** A claims row's speaker in the three languages (see {@link speakerNameColumns}). */
export function speakerOf(row: { claimant: string; claimant_name_uk: string; claimant_name_ru: string }): Speaker {
	return { claimant: row.claimant, claimantNameUk: row.claimant_name_uk, claimantNameRu: row.claimant_name_ru };
}

/** The columns of a claims row `c` that a {@link ClaimView} is made of. */
export const claimColumns = `c.id, c.round_id, c.stated_on, c.claimant, c.claimant_id,
	(SELECT k.name_en FROM claimants k WHERE k.id = c.claimant_id) AS claimant_name, ${speakerNameColumns}, c.claimant_side, c.statement,
	c.counted, c.counted_detail, c.counted_detail_uk, c.counted_detail_ru, c.number, c.qualifier, c.responds_to, c.note`;

const statements = preparedFor((db) => ({
	byRound: db.prepare<[string], ClaimRecord>(
		`SELECT ${claimColumns} FROM claims c WHERE c.round_id = ? ORDER BY c.counted, c.stated_on, c.id`
	),
	byId: db.prepare<[string], ClaimRecord>(`SELECT ${claimColumns} FROM claims c WHERE c.id = ?`),
	responses: db.prepare<[string], ClaimRecord>(
		`SELECT ${claimColumns} FROM claims c WHERE c.responds_to = ? ORDER BY c.stated_on, c.id`
	),
	bySource: db.prepare<[string], ClaimRecord>(
		`SELECT ${claimColumns} FROM claims c JOIN claim_sources cs ON cs.claim_id = c.id
		  WHERE cs.source_id = ? ORDER BY c.stated_on, c.id`
	),
	all: db.prepare<[], ClaimRecord>(`SELECT ${claimColumns} FROM claims c ORDER BY c.stated_on, c.id`),
	byClaimant: db.prepare<[string, number, number], ClaimRecord>(
		`SELECT ${claimColumns} FROM claims c WHERE c.claimant_id = ? ORDER BY c.stated_on DESC, c.id DESC LIMIT ? OFFSET ?`
	),
	claimantRoundClaims: db.prepare<[string], ClaimRecord>(
		`SELECT ${claimColumns} FROM claims c
		  WHERE c.round_id IN (SELECT round_id FROM claims WHERE claimant_id = ? AND round_id IS NOT NULL)
		  ORDER BY c.stated_on, c.id`
	),
	offerRounds: db.prepare<[], { offer_id: string; round_id: string; reason: string }>(
		'SELECT offer_id, round_id, reason FROM offer_rounds ORDER BY position'
	),
	sourcesOfClaims: db.prepare<[string], SourceRecord & { claim_id: string }>(
		`SELECT cs.claim_id, s.id, s.url, s.outlet, s.title, s.published_on, s.accessed_on, s.kind, s.language, s.archive_url, s.reliability, s.note
		   FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
		  WHERE cs.claim_id IN (SELECT value FROM json_each(?))
		  ORDER BY cs.claim_id, cs.position`
	),
	sourceById: db.prepare<[string], SourceRecord>(
		`SELECT id, url, outlet, title, published_on, accessed_on, kind, language, archive_url, reliability, note
		   FROM sources WHERE id = ?`
	),
	sourcesWithCounts: db.prepare<[], SourceRecord & { claim_count: number }>(
		`SELECT s.id, s.url, s.outlet, s.title, s.published_on, s.accessed_on, s.kind, s.language, s.archive_url, s.reliability, s.note,
		        (SELECT count(*) FROM claim_sources cs WHERE cs.source_id = s.id) AS claim_count
		   FROM sources s ORDER BY s.outlet COLLATE NOCASE, s.published_on, s.id`
	),
	sourceWithCount: db.prepare<[string], SourceRecord & { claim_count: number }>(
		`SELECT s.id, s.url, s.outlet, s.title, s.published_on, s.accessed_on, s.kind, s.language, s.archive_url, s.reliability, s.note,
		        (SELECT count(*) FROM claim_sources cs WHERE cs.source_id = s.id) AS claim_count
		   FROM sources s WHERE s.id = ?`
	),
	sourcesPage: db.prepare<[number, number], SourceRecord & { claim_count: number }>(
		`SELECT s.id, s.url, s.outlet, s.title, s.published_on, s.accessed_on, s.kind, s.language, s.archive_url, s.reliability, s.note,
		        (SELECT count(*) FROM claim_sources cs WHERE cs.source_id = s.id) AS claim_count
		   FROM sources s ORDER BY s.outlet COLLATE NOCASE, s.published_on, s.id LIMIT ? OFFSET ?`
	),
	// The keyset of the sources by outlet: the rows after a source's (outlet, date, id), as a range of sources_by_outlet
	// (the collation is written on the value, not the column, for SQLite to see the index's range). A row value compared
	// with a null date is unknown, so a key without a date has its own statement: the rest of the
	// outlet's undated sources by id, then its dated ones (nulls sort first), then the next outlets.
	sourcesAfterDated: db.prepare<[string, string, string, number], SourceRecord & { claim_count: number }>(
		`SELECT s.id, s.url, s.outlet, s.title, s.published_on, s.accessed_on, s.kind, s.language, s.archive_url, s.reliability, s.note,
		        (SELECT count(*) FROM claim_sources cs WHERE cs.source_id = s.id) AS claim_count
		   FROM sources s WHERE (s.outlet, s.published_on, s.id) > (? COLLATE NOCASE, ?, ?)
		  ORDER BY s.outlet COLLATE NOCASE, s.published_on, s.id LIMIT ?`
	),
	sourcesAfterUndated: db.prepare<
		[{ outlet: string; id: string; limit: number }],
		SourceRecord & { claim_count: number }
	>(
		`SELECT s.id, s.url, s.outlet, s.title, s.published_on, s.accessed_on, s.kind, s.language, s.archive_url, s.reliability, s.note,
		        (SELECT count(*) FROM claim_sources cs WHERE cs.source_id = s.id) AS claim_count
		   FROM sources s WHERE s.outlet COLLATE NOCASE >= @outlet
		    AND (s.outlet COLLATE NOCASE > @outlet OR s.published_on IS NOT NULL OR s.id > @id)
		  ORDER BY s.outlet COLLATE NOCASE, s.published_on, s.id LIMIT @limit`
	),
	sourceCount: db.prepare<[], { count: number }>('SELECT count(*) AS count FROM sources')
}));

/** Maps a sources row (snake_case) to the type the pages use. */
export function toSourceRef(record: SourceRecord): SourceRef {
	return {
		id: record.id,
		url: record.url,
		outlet: record.outlet,
		title: record.title,
		publishedOn: record.published_on,
		accessedOn: record.accessed_on,
		kind: record.kind,
		language: record.language,
		archiveUrl: record.archive_url,
		reliability: record.reliability,
		note: record.note
	};
}

/** Attaches their sources, in the order the data lists them, to claim rows. */
export function withSources(db: DatasetDatabase, records: ClaimRecord[]): ClaimView[] {
	const sourcesByClaim = new Map<string, SourceRef[]>();
	if (records.length > 0) {
		const rows = statements(db).sourcesOfClaims.all(JSON.stringify(records.map((record) => record.id)));
		// A source cited by several claims is one object: every claim of the dataset is kept per version.
		const refs = new Map<string, SourceRef>();
		for (const row of rows) {
			const list = sourcesByClaim.get(row.claim_id) ?? [];
			let ref = refs.get(row.id);
			if (!ref) refs.set(row.id, (ref = toSourceRef(row)));
			list.push(ref);
			sourcesByClaim.set(row.claim_id, list);
		}
	}
	return records.map((record) => {
		const sources = sourcesByClaim.get(record.id) ?? [];
		return {
			id: record.id,
			roundId: record.round_id,
			statedOn: record.stated_on,
			claimant: record.claimant,
			claimantId: record.claimant_id,
			claimantName: record.claimant_name,
			claimantNameUk: record.claimant_name_uk,
			claimantNameRu: record.claimant_name_ru,
			side: record.claimant_side,
			statement: record.statement,
			counted: record.counted,
			countedDetail: record.counted_detail,
			countedDetailUk: record.counted_detail_uk,
			countedDetailRu: record.counted_detail_ru,
			number: record.number,
			qualifier: record.qualifier,
			respondsTo: record.responds_to,
			note: record.note,
			sources,
			onlyCopies: sources.length > 0 && sources.every((source) => source.reliability === 'copy')
		};
	});
}

/** Every claim about one round, with sources. */
export function claimsOfRound(db: DatasetDatabase, roundId: string): ClaimView[] {
	return withSources(db, statements(db).byRound.all(roundId));
}

/** One claim with sources, or null. */
export function getClaim(db: DatasetDatabase, id: string): ClaimView | null {
	const record = statements(db).byId.get(id);
	return record ? (withSources(db, [record])[0] ?? null) : null;
}

/** The claims that answer the given claim (rebuttals, counter-statements). */
export function responsesTo(db: DatasetDatabase, id: string): ClaimView[] {
	return withSources(db, statements(db).responses.all(id));
}

/** Every claim, oldest first (then by id): for checks over the whole dataset, never for a page. */
export function allClaims(db: DatasetDatabase): ClaimView[] {
	return withSources(db, statements(db).all.all());
}

/** `limit` of a claimant's claims from `offset`, newest first, read from the index. */
export function claimsOfClaimant(db: DatasetDatabase, claimantId: string, offset: number, limit: number): ClaimView[] {
	return withSources(db, statements(db).byClaimant.all(claimantId, limit, offset));
}

/** Every claim about a round the claimant made a claim about: what their track record is computed from. */
export function claimsOfClaimantRounds(db: DatasetDatabase, claimantId: string): ClaimView[] {
	return withSources(db, statements(db).claimantRoundClaims.all(claimantId));
}

/** The rounds linked to offers by data/decisions/offer-rounds.csv, in file order, with the reason. */
export function offerRoundLinks(db: DatasetDatabase): { offerId: string; roundId: string; reason: string }[] {
	return statements(db)
		.offerRounds.all()
		.map((row) => ({ offerId: row.offer_id, roundId: row.round_id, reason: row.reason }));
}

/** Every claim a source supports. */
export function claimsOfSource(db: DatasetDatabase, sourceId: string): ClaimView[] {
	return withSources(db, statements(db).bySource.all(sourceId));
}

/** One source, or null. */
export function getSource(db: DatasetDatabase, id: string): SourceRef | null {
	const record = statements(db).sourceById.get(id);
	return record ? toSourceRef(record) : null;
}

/** One source with the number of claims it supports, or null. */
export function getSourceWithCount(db: DatasetDatabase, id: string): (SourceRef & { claimCount: number }) | null {
	const record = statements(db).sourceWithCount.get(id);
	return record ? { ...toSourceRef(record), claimCount: record.claim_count } : null;
}

/** The number of sources, counted once per dataset version. */
export const sourceCount = memoizedFor((db: DatasetDatabase) => statements(db).sourceCount.get()?.count ?? 0);

/** One page of {@link listSources}: `limit` sources from `offset`, read from the index in the list's order. */
export function pageOfSources(
	db: DatasetDatabase,
	offset: number,
	limit: number
): { total: number; sources: (SourceRef & { claimCount: number })[] } {
	return {
		total: sourceCount(db),
		sources: statements(db)
			.sourcesPage.all(limit, offset)
			.map((record) => ({ ...toSourceRef(record), claimCount: record.claim_count }))
	};
}

/**
 * `limit` sources by outlet after the one whose sort key (outlet, publication date, id) is `after`, from the first
 * when null, read as a range of the index however deep the page is.
 */
export function sourcesAfter(
	db: DatasetDatabase,
	after: SourceKey | null,
	limit: number
): (SourceRef & { claimCount: number })[] {
	if (!after) return pageOfSources(db, 0, limit).sources;
	const [outlet, publishedOn, id] = after;
	const sql = statements(db);
	const records =
		publishedOn === null
			? sql.sourcesAfterUndated.all({ outlet, id, limit })
			: sql.sourcesAfterDated.all(outlet, publishedOn, id, limit);
	return records.map((record) => ({ ...toSourceRef(record), claimCount: record.claim_count }));
}

/** Every source with the number of claims it supports, by outlet, in batches of `size` (for the streamed download). */
export function* sourceBatches(
	db: DatasetDatabase,
	size: number
): Generator<(SourceRef & { claimCount: number })[], void, undefined> {
	for (const batch of inBatches(statements(db).sourcesWithCounts.iterate(), size)) {
		yield batch.map((record) => ({ ...toSourceRef(record), claimCount: record.claim_count }));
	}
}

/** Every source with the number of claims it supports, by outlet. */
export function listSources(db: DatasetDatabase): (SourceRef & { claimCount: number })[] {
	return statements(db)
		.sourcesWithCounts.all()
		.map((record) => ({ ...toSourceRef(record), claimCount: record.claim_count }));
}
