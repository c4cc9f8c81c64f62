// Queries over rounds and their claims: the rounds list with derived figures, and the totals per direction.
import type { ClaimantSide, Counted, Qualifier, RoundKind, StatementKind } from '../../../schemas/vocabulary';
import {
	combinedCounted,
	countedFor,
	directions,
	headlinePopulation,
	populations,
	roundFigures,
	totalsByDirection,
	type ClaimFigure,
	type Direction,
	type Population
} from '../../../domain/round-figures';
import { recordSumsUpTo, type RecordSums } from '../../../domain/claim-context';
import { largestGap, ROUNDS_PAGE_SIZE, type RoundQuery } from '../../../domain/round-filters';
import type { YearTotals } from '../../../domain/year-totals';
import type { DateKey, GapKey } from '../../../schemas/api-paging';
import type { Statement } from 'better-sqlite3';
import type { MediatorWords, Speaker } from '../../../format/data-words';
import { baseLocale, getLocale } from '../../../paraglide/runtime.js';
import type { DatasetDatabase } from '../dataset';
import { speakerNameColumns, speakerOf } from './claims';
import { inBatches } from '../batches';
import { keyWithinYear } from '../keyset';
import { memoizedFor, preparedFor } from '../prepared';

/** A round as listed on the overview, with the figures derived from its claims. */
export interface RoundListItem {
	id: string;
	date: string;
	endDate: string | null;
	kind: RoundKind;
	kyivExchangeNumber: number | null;
	parentId: string | null;
	/** The summary in English, Ukrainian and Russian: the pages show the reader's (see format/data-words.ts). */
	summary: string;
	summaryUk: string;
	summaryRu: string;
	/** The mediators as recorded (the data's schema, and the filter's values), and their names in Ukrainian and Russian. */
	mediators: string[];
	mediatorsUk: string[];
	mediatorsRu: string[];
	claimCount: number;
	figures: ReturnType<typeof roundFigures>;
	/** Whether the headline figures are people or bodies. */
	population: Population;
	/** Reported figures of something else than the round's headline population: bodies in an exchange, people held. */
	otherFigures: OtherFigure[];
}

/** A reported figure shown beside the headline figures, never compared with them. */
export interface OtherFigure extends Speaker {
	claimId: string;
	counted: Counted;
	number: number;
	qualifier: Qualifier;
}

/** Whether a counted value gives a figure of the population (one direction, each way, or both together). */
function isHeadline(population: Population, counted: Counted): boolean {
	return (
		combinedCounted[population].includes(counted) ||
		directions.some((direction) => countedFor(population, direction).includes(counted))
	);
}

interface RoundRecord {
	id: string;
	date: string;
	end_date: string | null;
	kind: RoundKind;
	kyiv_exchange_number: number | null;
	parent_id: string | null;
	summary: string;
	summary_uk: string;
	summary_ru: string;
	mediators: string | null;
	mediators_uk: string | null;
	mediators_ru: string | null;
}

interface ClaimRecord {
	id: string;
	round_id: string;
	claimant: string;
	claimant_name_uk: string;
	claimant_name_ru: string;
	claimant_side: ClaimantSide;
	statement: StatementKind;
	counted: Counted;
	number: number | null;
	qualifier: Qualifier | null;
	only_copies: 0 | 1;
	/** JSON object of direction → part (data/decisions/figure-parts.csv); `{}` when the figure is whole both ways. */
	parts: string;
}

/** The rounds and round claims to derive: every one, or those of the rounds listed (a JSON array of ids). */
const ofRounds = (column: string, where: 'WHERE' | 'AND') =>
	`${where} (@ids IS NULL OR ${column} IN (SELECT value FROM json_each(@ids)))`;

const statements = preparedFor((db) => ({
	rounds: db.prepare<[{ ids: string | null }], RoundRecord>(
		`SELECT r.id, r.date, r.end_date, r.kind, r.kyiv_exchange_number, r.parent_id, r.summary, r.summary_uk, r.summary_ru,
		        (SELECT group_concat(mediator, ';') FROM (SELECT mediator FROM round_mediators m WHERE m.round_id = r.id ORDER BY position)) AS mediators,
		        (SELECT group_concat(name_uk, ';') FROM (SELECT n.name_uk FROM round_mediators m JOIN mediators n ON n.name = m.mediator
		                                                  WHERE m.round_id = r.id ORDER BY m.position)) AS mediators_uk,
		        (SELECT group_concat(name_ru, ';') FROM (SELECT n.name_ru FROM round_mediators m JOIN mediators n ON n.name = m.mediator
		                                                  WHERE m.round_id = r.id ORDER BY m.position)) AS mediators_ru
		   FROM rounds r ${ofRounds('r.id', 'WHERE')}
		  ORDER BY r.date DESC, r.id DESC`
	),
	roundClaims: db.prepare<[{ ids: string | null }], ClaimRecord>(
		`SELECT c.id, c.round_id, c.claimant, ${speakerNameColumns}, c.claimant_side, c.statement, c.counted, c.number, c.qualifier,
		        NOT EXISTS (SELECT 1 FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
		                     WHERE cs.claim_id = c.id AND s.reliability <> 'copy') AS only_copies,
		        (SELECT json_group_object(p.direction, p.part) FROM figure_parts p WHERE p.claim_id = c.id) AS parts
		   FROM claims c WHERE c.round_id IS NOT NULL ${ofRounds('c.round_id', 'AND')} ORDER BY c.round_id, c.id`
	),
	item: db.prepare<[string], { item: string }>('SELECT item FROM round_items WHERE round_id = ?'),
	items: db.prepare<[], { item: string }>('SELECT item FROM round_items ORDER BY date DESC, round_id DESC'),
	dates: db.prepare<[], { id: string; date: string; kind: RoundKind }>(
		'SELECT round_id AS id, date, kind FROM round_items ORDER BY date DESC, round_id DESC'
	),
	stages: db.prepare<[string], { item: string }>(
		`SELECT i.item FROM rounds r JOIN round_items i ON i.round_id = r.id WHERE r.parent_id = ?
		  ORDER BY i.date DESC, i.round_id DESC`
	),
	agreements: db.prepare<[], { item: string }>(
		"SELECT item FROM round_items WHERE kind = 'agreement' ORDER BY date DESC, round_id DESC"
	),
	previous: db.prepare<[{ date: string; id: string }], { item: string }>(
		`SELECT item FROM round_items WHERE kind <> 'agreement' AND (date, round_id) < (@date, @id)
		  ORDER BY date DESC, round_id DESC LIMIT 1`
	),
	next: db.prepare<[{ date: string; id: string }], { item: string }>(
		`SELECT item FROM round_items WHERE kind <> 'agreement' AND (date, round_id) > (@date, @id)
		  ORDER BY date, round_id LIMIT 1`
	),
	years: db.prepare<[], { year: string }>(
		"SELECT DISTINCT substr(date, 1, 4) AS year FROM round_items WHERE kind <> 'agreement' ORDER BY year DESC"
	),
	eventMediators: db.prepare<[], { mediator: string }>(
		`SELECT n.name AS mediator FROM mediators n
		  WHERE EXISTS (SELECT 1 FROM round_mediators m JOIN round_items i ON i.round_id = m.round_id
		                 WHERE m.mediator = n.name AND i.kind <> 'agreement')
		  ORDER BY n.name`
	),
	yearTotals: db.prepare<[], TotalsRow & { year: string }>(
		`SELECT substr(i.date, 1, 4) AS year, t.population, t.direction, ${TOTAL_SUMS}
		   FROM round_items i JOIN round_totals t ON t.round_id = i.round_id
		  WHERE i.kind <> 'agreement' GROUP BY year, t.population, t.direction ORDER BY year DESC`
	),
	// The mediators rounds credit, newest round first, and the events up to a day (of one mediator, or of any) with
	// their totals: a running total's page sets these beside it (see `recordSumsOf`).
	creditedMediators: db.prepare<[], { mediator: string }>(
		`SELECT m.mediator FROM round_items i JOIN round_mediators m ON m.round_id = i.round_id
		  ORDER BY i.date DESC, i.round_id DESC, m.position`
	),
	eventsUpTo: db.prepare<[{ upTo: string; mediator: string | null }], { count: number }>(
		`SELECT count(*) AS count FROM round_items i WHERE ${EVENTS_UP_TO}`
	),
	totalsUpTo: db.prepare<[{ upTo: string; mediator: string | null }], TotalsRow>(
		`SELECT t.population, t.direction, ${TOTAL_SUMS} FROM round_items i JOIN round_totals t ON t.round_id = i.round_id
		  WHERE ${EVENTS_UP_TO} GROUP BY t.population, t.direction`
	),
	/** The pages and counts of /rounds, one statement per combination of filters (see `roundQuery`). */
	filtered: new Map<string, Statement<unknown[], unknown>>(),
	meta: db.prepare<[], { key: string; value: string }>('SELECT key, value FROM meta'),
	mediators: db.prepare<[], { name: string; name_uk: string; name_ru: string }>(
		'SELECT name, name_uk, name_ru FROM mediators'
	)
}));

/** Each mediator's names in Ukrainian and Russian, by the name rounds.csv records (read once per dataset). */
const mediatorTranslations = memoizedFor(
	(db: DatasetDatabase) =>
		new Map(
			statements(db)
				.mediators.all()
				.map((row) => [row.name, { uk: row.name_uk, ru: row.name_ru }])
		)
);

/**
 * The recorded name of a mediator typed by any of its names, in any case ("оае", "Туреччина", "uae"); a name the
 * dataset has no row for is given back as typed.
 */
export function recordedMediatorName(db: DatasetDatabase, typed: string): string {
	const wanted = typed.trim().toLocaleLowerCase();
	for (const [name, { uk, ru }] of mediatorTranslations(db)) {
		if ([name, uk, ru].some((spelling) => spelling.toLocaleLowerCase() === wanted)) return name;
	}
	return typed.trim();
}

/** The mediators on record (data/mediators.csv), by the names rounds.csv records. */
export function recordedMediators(db: DatasetDatabase): string[] {
	return [...mediatorTranslations(db).keys()];
}

/**
 * Mediators named as recorded, with their names in Ukrainian and Russian for the pages (see format/data-words.ts). A
 * name the dataset has no row for (a suggested exchange's new mediator, before review) stands in every language.
 */
export function mediatorWordsOf(db: DatasetDatabase, names: readonly string[]): MediatorWords {
	const translations = mediatorTranslations(db);
	return {
		mediators: names,
		mediatorsUk: names.map((name) => translations.get(name)?.uk ?? name),
		mediatorsRu: names.map((name) => translations.get(name)?.ru ?? name)
	};
}

/**
 * Rounds with each direction's figures and derived status, newest first: every round, or those whose ids are given. The
 * build runs this and stores each round (table round_items); the pages read what it stored.
 */
export function deriveRounds(db: DatasetDatabase, ids: readonly string[] | null = null): RoundListItem[] {
	const { rounds, roundClaims } = statements(db);
	const only = { ids: ids && JSON.stringify(ids) };
	const claimsByRound = new Map<string, ClaimFigure[]>();
	for (const claim of roundClaims.all(only)) {
		const list = claimsByRound.get(claim.round_id) ?? [];
		list.push({
			id: claim.id,
			...speakerOf(claim),
			claimantSide: claim.claimant_side,
			statement: claim.statement,
			counted: claim.counted,
			number: claim.number,
			qualifier: claim.qualifier,
			onlyCopies: claim.only_copies === 1,
			parts: JSON.parse(claim.parts) as ClaimFigure['parts']
		});
		claimsByRound.set(claim.round_id, list);
	}
	return rounds.all(only).map((round) => {
		const claims = claimsByRound.get(round.id) ?? [];
		const population = headlinePopulation(round.kind);
		return {
			id: round.id,
			date: round.date,
			endDate: round.end_date,
			kind: round.kind,
			kyivExchangeNumber: round.kyiv_exchange_number,
			parentId: round.parent_id,
			summary: round.summary,
			summaryUk: round.summary_uk,
			summaryRu: round.summary_ru,
			mediators: round.mediators ? round.mediators.split(';') : [],
			mediatorsUk: round.mediators_uk ? round.mediators_uk.split(';') : [],
			mediatorsRu: round.mediators_ru ? round.mediators_ru.split(';') : [],
			claimCount: claims.length,
			figures: roundFigures(claims),
			population,
			otherFigures: claims.flatMap((claim) =>
				claim.statement === 'report' &&
				!isHeadline(population, claim.counted) &&
				claim.number !== null &&
				claim.qualifier !== null
					? [
							{
								claimId: claim.id,
								claimant: claim.claimant,
								claimantNameUk: claim.claimantNameUk,
								claimantNameRu: claim.claimantNameRu,
								counted: claim.counted,
								number: claim.number,
								qualifier: claim.qualifier
							}
						]
					: []
			)
		};
	});
}

/** A derived round's share of the totals as round_totals stores it: a row per population and direction. */
export function roundTotalRows(round: RoundListItem) {
	const totals = totalsByDirection([round]);
	return populations.flatMap((population) =>
		directions.map((direction) => {
			const total = totals[population][direction];
			return {
				round_id: round.id,
				population,
				direction,
				confirmed: total.confirmed,
				confirmed_rounds: total.confirmedRounds,
				partly_confirmed_rounds: total.partlyConfirmedRounds,
				ukraine_sum: total.byParty.ukraine.sum,
				ukraine_rounds: total.byParty.ukraine.rounds,
				russia_sum: total.byParty.russia.sum,
				russia_rounds: total.byParty.russia.rounds,
				rounds_with_figures: total.roundsWithFigures,
				rounds: total.rounds,
				rounds_without_figure: total.roundsWithoutFigure,
				rounds_combined_only: total.roundsCombinedOnly
			};
		})
	);
}

/** A derived round as round_items stores it, with the columns /rounds filters and sorts on. */
export function roundItemRow(round: RoundListItem) {
	const figures = round.figures[round.population];
	return {
		round_id: round.id,
		date: round.date,
		kind: round.kind,
		status_to_ukraine: figures.to_ukraine.confirmation.status,
		status_to_russia: figures.to_russia.confirmation.status,
		gap: largestGap(round),
		item: JSON.stringify(round)
	};
}

const parsed = (row: { item: string }) => JSON.parse(row.item) as RoundListItem;

/**
 * Rounds as stored, with the sentences of their figures (each direction's explanation) in the reader's language: the
 * build writes them in the base language, so a page in another language derives again the rounds it shows.
 */
function inReaderLanguage(db: DatasetDatabase, rounds: RoundListItem[]): RoundListItem[] {
	if (getLocale() === baseLocale || rounds.length === 0) return rounds;
	const derived = new Map(
		deriveRounds(
			db,
			rounds.map((round) => round.id)
		).map((round) => [round.id, round])
	);
	return rounds.map((round) => derived.get(round.id) ?? round);
}

/**
 * Every round, newest first, as the build derived it: read whole each time and never kept, for what sums or draws every
 * round (the charts, the years, reports), which keeps only its own result.
 */
export function listRounds(db: DatasetDatabase): RoundListItem[] {
	return inReaderLanguage(db, statements(db).items.all().map(parsed));
}

/** Every round's id, date and kind, newest first (without figures). */
export function roundDates(db: DatasetDatabase): { id: string; date: string; kind: RoundKind }[] {
	return statements(db).dates.all();
}

/** The agreements, newest first. */
export function listAgreements(db: DatasetDatabase): RoundListItem[] {
	return inReaderLanguage(db, statements(db).agreements.all().map(parsed));
}

/** The choices /rounds's filters offer: the years and mediators of events (agreements aside), read once per dataset. */
export const roundChoices = preparedFor((db) => ({
	years: statements(db)
		.years.all()
		.map((row) => Number(row.year)),
	mediators: statements(db)
		.eventMediators.all()
		.map((row) => row.mediator)
}));

/** The totals of every round, per population and direction, added up once per dataset from each round's share. */
export const allRoundTotals = preparedFor((db) => totalsOf(roundQuery(db, {}, 'totals').all({}) as TotalsRow[]));

/**
 * The statement reading one page of the events matching `filters`, or counting them, prepared once per combination of
 * filters, in matchRounds's order (domain/round-filters.ts): a page walks an index of events (events_by_*) in order.
 */
function roundQuery(db: DatasetDatabase, filters: RoundSelection, read: 'page' | 'after' | 'count' | 'totals') {
	const where = ["i.kind <> 'agreement'"];
	// By date, a next page's key takes the place of the year's bound on its side (see keyWithinYear).
	const byDateAfter = read === 'after' && filters.sort !== 'gap_desc';
	if (filters.year !== undefined)
		where.push(
			byDateAfter
				? filters.sort === 'date_asc'
					? 'i.date < @to'
					: 'i.date >= @from'
				: 'i.date >= @from AND i.date < @to'
		);
	if (filters.kind !== undefined) where.push('i.kind = @kind');
	if (filters.status !== undefined) where.push('(i.status_to_ukraine = @status OR i.status_to_russia = @status)');
	if (filters.mediator !== undefined)
		// Checked round by round along the index in the page's order (a mediator may have most of the rounds).
		where.push('EXISTS (SELECT 1 FROM round_mediators m WHERE m.round_id = i.round_id AND m.mediator = @mediator)');
	const order =
		filters.sort === 'date_asc'
			? 'i.date, i.round_id'
			: filters.sort === 'gap_desc'
				? 'i.gap DESC, i.date DESC, i.round_id DESC'
				: 'i.date DESC, i.round_id DESC';
	// A keyset: the rows after a sort key, as a range of the same index (the key's columns in the index's order).
	if (read === 'after')
		where.push(
			filters.sort === 'date_asc'
				? '(i.date, i.round_id) > (@after_date, @after_id)'
				: filters.sort === 'gap_desc'
					? '(i.gap, i.date, i.round_id) < (@after_gap, @after_date, @after_id)'
					: '(i.date, i.round_id) < (@after_date, @after_id)'
		);
	const sql =
		read === 'count'
			? `SELECT count(*) AS count FROM round_items i WHERE ${where.join(' AND ')}`
			: read === 'totals'
				? `SELECT t.population, t.direction, ${TOTAL_SUMS} FROM round_items i JOIN round_totals t ON t.round_id = i.round_id
				    WHERE ${where.join(' AND ')} GROUP BY t.population, t.direction`
				: read === 'after'
					? `SELECT i.item, i.gap FROM round_items i WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit`
					: `SELECT i.item, i.gap FROM round_items i WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit OFFSET @offset`;
	const kept = statements(db).filtered;
	let statement = kept.get(sql);
	if (!statement) kept.set(sql, (statement = db.prepare(sql)));
	return statement;
}

/** The filters and order of a selection of rounds (/rounds, its downloads and the API). */
export type RoundSelection = Omit<RoundQuery, 'page' | 'sort'> & { sort?: RoundQuery['sort'] };

function roundParameters(filters: RoundSelection) {
	return {
		...(filters.year !== undefined && { from: String(filters.year), to: String(filters.year + 1) }),
		...(filters.kind !== undefined && { kind: filters.kind }),
		...(filters.status !== undefined && { status: filters.status }),
		...(filters.mediator !== undefined && { mediator: filters.mediator })
	};
}

/** How many events match the filters. */
export function countRounds(db: DatasetDatabase, filters: RoundSelection): number {
	return (roundQuery(db, filters, 'count').get(roundParameters(filters)) as { count: number }).count;
}

/** `limit` events matching the filters from `offset`, in the order asked for (`limit` -1: all of them). */
export function roundsFrom(
	db: DatasetDatabase,
	filters: RoundSelection,
	offset: number,
	limit: number
): RoundListItem[] {
	const rows = roundQuery(db, filters, 'page').all({ ...roundParameters(filters), limit, offset }) as {
		item: string;
	}[];
	return inReaderLanguage(db, rows.map(parsed));
}

/** The sort key of an event in a list's order: the columns of the index the list walks (date, or gap, date and id). */
export type RoundKey = DateKey | GapKey;

/**
 * `limit` events matching the filters after the one whose sort key is `after` (from the first when null), in the
 * order asked for, each with its own key: the page is a range of the list's index, however deep it is.
 */
export function roundsAfter(
	db: DatasetDatabase,
	filters: RoundSelection,
	after: RoundKey | null,
	limit: number
): { round: RoundListItem; key: RoundKey }[] {
	const parameters = roundParameters(filters);
	let key: Record<string, string | number> | null = null;
	if (after?.length === 3) key = { after_gap: after[0], after_date: after[1], after_id: after[2] };
	else if (after) {
		const { date, id } = keyWithinYear(after, filters.year, filters.sort !== 'date_asc');
		key = { after_date: date, after_id: id };
	}
	const rows = (
		key
			? roundQuery(db, filters, 'after').all({ ...parameters, ...key, limit })
			: roundQuery(db, filters, 'page').all({ ...parameters, limit, offset: 0 })
	) as { item: string; gap: number }[];
	return inReaderLanguage(db, rows.map(parsed)).map((round, index) => ({
		round,
		key: filters.sort === 'gap_desc' ? [rows[index]!.gap, round.date, round.id] : [round.date, round.id]
	}));
}

/** Every event matching the filters in batches of `size`, in the order asked for (for the streamed downloads). */
export function* roundBatches(
	db: DatasetDatabase,
	filters: RoundSelection,
	size: number
): Generator<RoundListItem[], void, undefined> {
	const rows = roundQuery(db, filters, 'page').iterate({ ...roundParameters(filters), limit: -1, offset: 0 });
	for (const batch of inBatches(rows as Iterable<{ item: string }>, size)) {
		yield inReaderLanguage(db, batch.map(parsed));
	}
}

/** One page of {@link ROUNDS_PAGE_SIZE} events matching the query (a page past the end shows the last), as `queryRounds`. */
export function pageOfRounds(db: DatasetDatabase, query: RoundQuery) {
	const total = countRounds(db, query);
	const pageCount = Math.max(1, Math.ceil(total / ROUNDS_PAGE_SIZE));
	const page = Math.min(query.page, pageCount);
	return { total, page, pageCount, rounds: roundsFrom(db, query, (page - 1) * ROUNDS_PAGE_SIZE, ROUNDS_PAGE_SIZE) };
}

/** The events (agreements aside) up to @upTo, of @mediator when it is not null. */
const EVENTS_UP_TO = `i.kind <> 'agreement' AND i.date <= @upTo AND (@mediator IS NULL OR EXISTS
	(SELECT 1 FROM round_mediators m WHERE m.round_id = i.round_id AND m.mediator = @mediator))`;

/** The names rounds credit as mediators, newest round first, each once: read once per dataset. */
const creditedMediators = preparedFor((db) => [
	...new Set(
		statements(db)
			.creditedMediators.all()
			.map((row) => row.mediator)
	)
]);

/**
 * The record's sums beside a running total (see `recordSumsUpTo`), added up in SQL from each round's stored share of
 * the totals instead of from every round.
 */
export function recordSumsOf(
	db: DatasetDatabase,
	claim: { counted: Counted; statedOn: string; side: ClaimantSide; claimant: string }
): RecordSums | null {
	return recordSumsUpTo(creditedMediators(db), claim, (upTo, mediator) => ({
		rounds: statements(db).eventsUpTo.get({ upTo, mediator })?.count ?? 0,
		totals: totalsOf(statements(db).totalsUpTo.all({ upTo, mediator }))
	}));
}

/** The sums of round_totals's columns, named as a {@link TotalsRow}. */
const TOTAL_SUMS = `sum(t.confirmed) AS confirmed, sum(t.confirmed_rounds) AS confirmed_rounds,
	sum(t.partly_confirmed_rounds) AS partly_confirmed_rounds, sum(t.ukraine_sum) AS ukraine_sum,
	sum(t.ukraine_rounds) AS ukraine_rounds, sum(t.russia_sum) AS russia_sum, sum(t.russia_rounds) AS russia_rounds,
	sum(t.rounds_with_figures) AS rounds_with_figures, sum(t.rounds) AS rounds,
	sum(t.rounds_without_figure) AS rounds_without_figure, sum(t.rounds_combined_only) AS rounds_combined_only`;

type TotalsRow = Omit<ReturnType<typeof roundTotalRows>[number], 'round_id'>;

/**
 * The totals of the events matching the filters, added up in SQL from each round's share (round_totals); without a
 * filter, those of every round, added up once per dataset.
 */
export function selectedTotals(db: DatasetDatabase, filters: RoundSelection) {
	if (!isFiltered(filters)) return allRoundTotals(db);
	return totalsOf(roundQuery(db, filters, 'totals').all(roundParameters(filters)) as TotalsRow[]);
}

/** Totals per population and direction from summed rows of round_totals (a selection of no round: every count zero). */
function totalsOf(rows: readonly TotalsRow[]) {
	const totals = totalsByDirection([]);
	for (const row of rows) {
		totals[row.population as Population][row.direction as Direction] = {
			confirmed: row.confirmed,
			confirmedRounds: row.confirmed_rounds,
			partlyConfirmedRounds: row.partly_confirmed_rounds,
			byParty: {
				ukraine: { sum: row.ukraine_sum, rounds: row.ukraine_rounds },
				russia: { sum: row.russia_sum, rounds: row.russia_rounds }
			},
			roundsWithFigures: row.rounds_with_figures,
			rounds: row.rounds,
			roundsWithoutFigure: row.rounds_without_figure,
			roundsCombinedOnly: row.rounds_combined_only
		};
	}
	return totals;
}

/**
 * Whether a selection of rounds leaves any out. Without a filter, the totals of the selection are those of every round
 * (agreements count in no total), kept per dataset by `allRoundTotals`.
 */
export function isFiltered(filters: { year?: number; kind?: string; status?: string; mediator?: string }): boolean {
	return [filters.year, filters.kind, filters.status, filters.mediator].some((value) => value !== undefined);
}

/**
 * The totals of each year that has an event per direction (/years), newest first, added up once per dataset from each
 * round's share, as `totalsByYear` (domain/year-totals.ts) adds up the rounds of each year.
 */
export const yearTotals = preparedFor((db): YearTotals[] => {
	const byYear = new Map<string, TotalsRow[]>();
	for (const row of statements(db).yearTotals.all()) byYear.set(row.year, [...(byYear.get(row.year) ?? []), row]);
	return [...byYear].map(([year, rows]) => ({ year: Number(year), totals: totalsOf(rows) }));
});

/** What identifies the published dataset. */
export interface DatasetInfo {
	version: string;
	contentHash: string;
	/** The day the dataset was built (YYYY-MM-DD). */
	builtOn: string;
	/** The earliest and latest dates any round or claim refers to: the time the dataset covers. */
	earliestDate: string;
	latestDate: string;
	/** The latest correction revision applied (0: data/ as committed); it goes up with every approval and revert. */
	revision: number;
}

/** The dataset's version, when it was built, and the dates it covers. */
export const datasetInfo = memoizedFor((db: DatasetDatabase): DatasetInfo => {
	const meta = Object.fromEntries(
		statements(db)
			.meta.all()
			.map((row) => [row.key, row.value])
	);
	return {
		version: meta.dataset_version ?? '',
		contentHash: meta.content_hash ?? '',
		builtOn: meta.built_on ?? '',
		earliestDate: meta.earliest_date ?? '',
		latestDate: meta.latest_date ?? '',
		revision: Number(meta.revision ?? 0)
	};
});

/** One round by id, with its derived figures, or null. */
export function getRound(db: DatasetDatabase, id: string): RoundListItem | null {
	const row = statements(db).item.get(id);
	return row ? inReaderLanguage(db, [parsed(row)])[0]! : null;
}

/** The stages of an agreement, newest first. */
export function stagesNewestFirst(db: DatasetDatabase, agreementId: string): RoundListItem[] {
	return inReaderLanguage(db, statements(db).stages.all(agreementId).map(parsed));
}

/** The stages of an agreement, oldest first. */
export function stagesOf(db: DatasetDatabase, agreementId: string): RoundListItem[] {
	return stagesNewestFirst(db, agreementId).reverse();
}

/** The events just before and after a round in time (agreements are not events of their own). */
export function neighboursOf(
	db: DatasetDatabase,
	id: string
): { previous: RoundListItem | null; next: RoundListItem | null } {
	const round = getRound(db, id);
	if (!round || round.kind === 'agreement') return { previous: null, next: null };
	const at = { date: round.date, id: round.id };
	const previous = statements(db).previous.get(at);
	const next = statements(db).next.get(at);
	const around = (row: { item: string } | undefined) => (row ? inReaderLanguage(db, [parsed(row)])[0]! : null);
	return { previous: around(previous), next: around(next) };
}
