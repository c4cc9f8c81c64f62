// Statements with what the record says next to them: verdicts, threads, sums of rounds, support, and what followed an offer.
import {
	ClaimIndex,
	deriveVerdict,
	offerDelivery,
	otherSidesTotals,
	sameSubject,
	SUPPORT_WINDOW_DAYS,
	supportingIn,
	THREAD_DEPTH,
	threadOf,
	type ClaimRef,
	type ComparableClaim,
	type LinkedRound,
	type OfferDelivery,
	type RecordSums,
	type RoundRef,
	type ThreadAnswer,
	type ThreadClaim,
	type Verdict
} from '../../../domain/claim-context';
import { verdictHref, verdictText, verdictTone, type OfferedFigure, type VerdictTone } from '../../../format/verdict';
import type { DateKey } from '../../../schemas/api-paging';
import type { StatementFilters } from '../../../schemas/statement-filters';
import type { ClaimantSide, Counted, Qualifier, StatementKind } from '../../../schemas/vocabulary';
import type { Statement } from 'better-sqlite3';
import type { DatasetDatabase } from '../dataset';
import { inBatches } from '../batches';
import { keyWithinYear } from '../keyset';
import { memoizedFor, preparedFor } from '../prepared';
import {
	claimColumns,
	getClaim,
	offerRoundLinks,
	speakerNameColumns,
	speakerOf,
	withSources,
	type ClaimRecord,
	type ClaimView
} from './claims';
import type { MediatorWords } from '../../../format/data-words';
import { getRound, mediatorWordsOf, recordSumsOf, roundDates, stagesNewestFirst, type RoundListItem } from './rounds';

/** A verdict with its sentence, the record it points to and how it is styled: the same everywhere it is shown. */
export interface StatementVerdict {
	verdict: Verdict;
	text: string;
	href: string | null;
	tone: VerdictTone;
}

/** A statement in the list, with its verdict and how many support and answer it. */
export interface StatementListItem extends ClaimView {
	supportCount: number;
	responseCount: number;
	verdict: StatementVerdict;
}

/** A round carried out under an offer, with why it counts as such. */
export interface DeliveryRound {
	round: RoundListItem;
	reason: string | null;
}

/** A statement with everything the record says next to it. */
export interface StatementContext {
	claim: ClaimView;
	verdict: StatementVerdict;
	/** For a running total: the sums of rounds up to its date. */
	sums: RecordSums | null;
	/** The mediator whose rounds `sums` adds up, with its names in each language (none when it sums every round). */
	sumsMediator: MediatorWords | null;
	/** Statements by another side that agree with it. */
	supporting: ClaimView[];
	/** What it answers, nearest first, and every answer below it (see `threadOf`). */
	thread: { answers: ClaimView[]; responses: ThreadAnswer<ClaimView>[] };
	/** Other statements of the same kind by the same claimant within the window (see `sameSubject`). */
	sameSubject: ClaimView[];
	/** For an offer: the rounds carried out under it and what they delivered. */
	delivery: (OfferDelivery & { linked: DeliveryRound[] }) | null;
	/** The round it is attached to, if any. */
	round: RoundListItem | null;
}

/**
 * A claim as much as its verdict needs: who, when, what it counts and what it answers. The build judges every claim at
 * once with these (no sources, notes or details), so that the graph it holds meanwhile stays small.
 */
interface JudgedClaim extends ThreadClaim, ComparableClaim {
	roundId: string | null;
}

interface JudgedRecord {
	id: string;
	round_id: string | null;
	stated_on: string;
	claimant: string;
	claimant_name_uk: string;
	claimant_name_ru: string;
	claimant_side: ClaimantSide;
	statement: StatementKind;
	counted: Counted;
	number: number | null;
	qualifier: Qualifier | null;
	responds_to: string | null;
}

/** A stored judgement: the verdict's structure (its sentence is written per language when shown) and who supports it. */
interface JudgementRow {
	verdict: string;
	supporting: string;
	response_count: number;
}

/** The columns of {@link JudgedRecord}, from a claims row `c`. */
const judgedColumns = `c.id, c.round_id, c.stated_on, c.claimant, ${speakerNameColumns}, c.claimant_side, c.statement,
	c.counted, c.number, c.qualifier, c.responds_to`;

/** Whether a claims row `c` is a statement of its own (listed on /claims): anything but a report of a round's outcome. */
const IS_STATEMENT_SQL = "(c.round_id IS NULL OR c.statement <> 'report')";

const statements = preparedFor((db) => ({
	judged: db.prepare<[], JudgedRecord>(`SELECT ${judgedColumns} FROM claims c ORDER BY c.stated_on, c.id`),
	judgedByIds: db.prepare<[string], JudgedRecord>(
		`SELECT ${judgedColumns} FROM claims c WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.stated_on, c.id`
	),
	/** What one claim's verdict can read of others: its key's window, what it answers, its answers (see claimsToJudge). */
	comparedWith: db.prepare<[string, string, string, string], { id: string }>(
		'SELECT c.id FROM claims c WHERE c.counted = ? AND c.statement = ? AND c.stated_on BETWEEN ? AND ?'
	),
	answersTo: db.prepare<[string], { id: string }>('SELECT id FROM claims WHERE responds_to = ?'),
	/** The claims whose verdict reads a round: attached to it or to its agreement, or an offer linked to it. */
	readingRound: db.prepare<[{ round: string }], { id: string }>(
		`SELECT c.id FROM claims c WHERE c.round_id = @round
		 UNION SELECT c.id FROM rounds r JOIN claims c ON c.round_id = r.parent_id WHERE r.id = @round
		 UNION SELECT offer_id FROM offer_rounds WHERE round_id = @round`
	),
	judgement: db.prepare<[string], JudgementRow>(
		'SELECT verdict, supporting, response_count FROM claim_verdicts WHERE claim_id = ?'
	),
	near: db.prepare<[string, string], ClaimRecord>(
		`SELECT ${claimColumns} FROM claims c
		  WHERE ${IS_STATEMENT_SQL} AND c.stated_on BETWEEN ? AND ? ORDER BY c.stated_on, c.id`
	),
	byIds: db.prepare<[string], ClaimRecord>(
		`SELECT ${claimColumns} FROM claims c WHERE c.id IN (SELECT value FROM json_each(?))`
	),
	threadUp: db.prepare<[string, number], ClaimRecord>(
		`WITH RECURSIVE up (id, depth) AS (
		   SELECT responds_to, 1 FROM claims WHERE id = ? AND responds_to IS NOT NULL
		   UNION
		   SELECT c.responds_to, up.depth + 1 FROM up CROSS JOIN claims c ON c.id = up.id
		    WHERE c.responds_to IS NOT NULL AND up.depth < ?)
		 SELECT DISTINCT ${claimColumns} FROM up CROSS JOIN claims c ON c.id = up.id`
	),
	threadDown: db.prepare<[string, number], ClaimRecord>(
		`WITH RECURSIVE down (id, depth) AS (
		   SELECT id, 1 FROM claims WHERE responds_to = ?
		   UNION
		   SELECT c.id, down.depth + 1 FROM down CROSS JOIN claims c ON c.responds_to = down.id WHERE down.depth < ?)
		 SELECT DISTINCT ${claimColumns} FROM down CROSS JOIN claims c ON c.id = down.id`
	),
	sameKindBy: db.prepare<[string, string, string, string], ClaimRecord>(
		`SELECT ${claimColumns} FROM claims c
		  WHERE c.statement = ? AND c.stated_on BETWEEN ? AND ? AND c.claimant = ? ORDER BY c.stated_on, c.id`
	),
	years: db.prepare<[], { year: string }>('SELECT DISTINCT year FROM statement_counts ORDER BY year DESC'),
	offerLinks: db.prepare<[string], { round_id: string; reason: string }>(
		'SELECT round_id, reason FROM offer_rounds WHERE offer_id = ? ORDER BY position'
	),
	/** The pages and counts of /claims, one statement per combination of filters (see `statementQuery`). */
	filtered: new Map<string, Statement<unknown[], ClaimRecord & JudgementRow & { count: number }>>()
}));

/** Where an offer's rounds are found: the pages read them from the dataset, the build from the rounds it derived. */
interface RoundLookup {
	round(id: string): RoundListItem | null;
	/** An agreement's stages, newest first. */
	stages(agreementId: string): RoundListItem[];
	/** The rounds data/decisions/offer-rounds.csv links to an offer, in file order, with the reason. */
	links(offerId: string): { roundId: string; reason: string }[];
}

/** Rounds as the pages read them: one at a time from round_items. */
const datasetRounds = (db: DatasetDatabase): RoundLookup => ({
	round: (id) => getRound(db, id),
	stages: (agreementId) => stagesNewestFirst(db, agreementId),
	links: (offerId) =>
		statements(db)
			.offerLinks.all(offerId)
			.map((row) => ({ roundId: row.round_id, reason: row.reason }))
});

/** Rounds from a list of every round, with the links of every offer read once. */
function lookupIn(db: DatasetDatabase, rounds: readonly RoundListItem[]): RoundLookup {
	const byId = new Map(rounds.map((round) => [round.id, round]));
	const stages = new Map<string, RoundListItem[]>();
	for (const round of rounds)
		if (round.parentId) stages.set(round.parentId, [...(stages.get(round.parentId) ?? []), round]);
	const links = new Map<string, { roundId: string; reason: string }[]>();
	for (const link of offerRoundLinks(db)) links.set(link.offerId, [...(links.get(link.offerId) ?? []), link]);
	return {
		round: (id) => byId.get(id) ?? null,
		stages: (agreementId) => stages.get(agreementId) ?? [],
		links: (offerId) => links.get(offerId) ?? []
	};
}

/** What an offer's delivery is found from: the offer, what it counts and the round it is attached to. */
type OfferClaim = Pick<ClaimView, 'id' | 'statement' | 'counted' | 'roundId'>;

/**
 * The rounds carried out under an offer: for an offer stating an agreement's terms, the agreement's
 * stages (its rounds by `parent_id`); for any offer, the rounds data/decisions/offer-rounds.csv links to it.
 */
function roundsUnderOffer(rounds: RoundLookup, claim: OfferClaim): DeliveryRound[] {
	if (claim.statement !== 'offer') return [];
	const attached = claim.roundId ? rounds.round(claim.roundId) : null;
	const stages =
		attached?.kind === 'agreement' ? rounds.stages(attached.id).map((round) => ({ round, reason: null })) : [];
	const linked = rounds.links(claim.id).flatMap(({ roundId, reason }) => {
		const round = rounds.round(roundId);
		return round ? [{ round, reason }] : [];
	});
	return [...stages, ...linked];
}

function deliveryOf(rounds: RoundLookup, claim: OfferClaim): StatementContext['delivery'] {
	const linked = roundsUnderOffer(rounds, claim);
	const delivery = offerDelivery(
		claim,
		linked.map(({ round, reason }): LinkedRound => ({ ...round, reason }))
	);
	if (!delivery) return null;
	// In the delivery's order (oldest first), without the rounds it leaves out (another population).
	const byId = new Map(linked.map((link) => [link.round.id, link]));
	return { ...delivery, linked: delivery.rounds.map((round) => byId.get(round.id)!) };
}

/** Only what a verdict names of a claim (a stored verdict carries no sources or notes). */
const refOf = (claim: JudgedClaim): ClaimRef => ({
	id: claim.id,
	claimant: claim.claimant,
	claimantNameUk: claim.claimantNameUk,
	claimantNameRu: claim.claimantNameRu,
	side: claim.side,
	statement: claim.statement,
	statedOn: claim.statedOn
});

/** A stored judgement of one claim: its verdict and the claims that support it (their ids, in order). */
export interface StoredJudgement {
	claimId: string;
	verdict: Verdict;
	supporting: string[];
	responseCount: number;
}

const judgedClaim = (row: JudgedRecord): JudgedClaim => ({
	id: row.id,
	roundId: row.round_id,
	statedOn: row.stated_on,
	...speakerOf(row),
	side: row.claimant_side,
	statement: row.statement,
	counted: row.counted,
	number: row.number,
	qualifier: row.qualifier,
	respondsTo: row.responds_to
});

/**
 * Every claim's judgement (verdict, support, number of answers), oldest claim first: the build runs this once per
 * dataset version and stores it (table claim_verdicts), so that no page has to hold every claim to judge one. The rules
 * are those of domain/claim-context.ts, applied to the whole dataset.
 */
export function judgeEveryClaim(db: DatasetDatabase, rounds: readonly RoundListItem[]): Generator<StoredJudgement> {
	const claims = statements(db).judged.all().map(judgedClaim);
	// A verdict names a claim's round by id, date and kind; only an offer's delivery needs rounds' figures.
	return judgeAmong(claims, null, new Map(rounds.map((round) => [round.id, round])), lookupIn(db, rounds));
}

/**
 * The judgements of the claims `ids` (those of them that exist), oldest first, exactly as {@link judgeEveryClaim}
 * gives them, from the rows its rules read for them and no other: the claims of the same kind counting the same thing
 * within {@link SUPPORT_WINDOW_DAYS} days (support, other sides' totals), what each answers and its direct answers,
 * and the rounds from round_items.
 */
export function judgeClaims(db: DatasetDatabase, ids: readonly string[]): Generator<StoredJudgement> {
	const sql = statements(db);
	const judged = sql.judgedByIds.all(JSON.stringify(ids)).map(judgedClaim);
	const read = new Set(judged.map((claim) => claim.id));
	for (const claim of judged) {
		if (claim.respondsTo !== null) read.add(claim.respondsTo);
		for (const { id } of sql.answersTo.all(claim.id)) read.add(id);
		// A report is never compared with others (see judgeAmong); any other claim only with its own key's window.
		if (claim.statement === 'report') continue;
		const from = shiftDays(claim.statedOn, -SUPPORT_WINDOW_DAYS);
		const to = shiftDays(claim.statedOn, SUPPORT_WINDOW_DAYS);
		for (const { id } of sql.comparedWith.all(claim.counted, claim.statement, from, to)) read.add(id);
	}
	// In the whole judging's order (date, then id), so that lists of support and answers come out in the same order.
	const claims = sql.judgedByIds.all(JSON.stringify([...read])).map(judgedClaim);
	const only = new Set(judged.map((claim) => claim.id));
	return judgeAmong(claims, only, new Map(roundDates(db).map((round) => [round.id, round])), datasetRounds(db));
}

/**
 * The claims whose verdicts can read the claims `claimIds` or the rounds `roundIds` as the dataset holds them now: the
 * claims themselves; the claims of the same kind counting the same thing within {@link SUPPORT_WINDOW_DAYS} days of
 * each (whose support or other sides' totals it may be); what each answers (its answers) and its direct answers (what
 * they answer); and for each round, its claims, the claims of its agreement (an offer's delivery is the agreement's
 * stages) and the offers data/decisions/offer-rounds.csv links to it. An approval asks before and after writing its
 * changes and judges again the union (see build.ts), so that a claim that moved away is followed as well.
 */
export function claimsToJudge(
	db: DatasetDatabase,
	claimIds: readonly string[],
	roundIds: readonly string[]
): Set<string> {
	const sql = statements(db);
	const ids = new Set<string>();
	for (const claim of sql.judgedByIds.all(JSON.stringify(claimIds))) {
		ids.add(claim.id);
		if (claim.responds_to !== null) ids.add(claim.responds_to);
		for (const { id } of sql.answersTo.all(claim.id)) ids.add(id);
		// Only a claim of the same kind reads it: a report reads no other report (judgeAmong compares no report).
		if (claim.statement === 'report') continue;
		const from = shiftDays(claim.stated_on, -SUPPORT_WINDOW_DAYS);
		const to = shiftDays(claim.stated_on, SUPPORT_WINDOW_DAYS);
		for (const { id } of sql.comparedWith.all(claim.counted, claim.statement, from, to)) ids.add(id);
	}
	for (const round of roundIds) for (const { id } of sql.readingRound.all({ round })) ids.add(id);
	return ids;
}

/** Judges the claims of `claims` (oldest first) that are in `only` (null: all), reading the others as their context. */
function* judgeAmong(
	claims: readonly JudgedClaim[],
	only: ReadonlySet<string> | null,
	refs: ReadonlyMap<string, RoundRef>,
	lookup: RoundLookup
): Generator<StoredJudgement> {
	const byId = new Map(claims.map((claim) => [claim.id, claim]));
	const responses = new Map<string, JudgedClaim[]>();
	for (const claim of claims) {
		if (claim.respondsTo === null) continue;
		const list = responses.get(claim.respondsTo) ?? [];
		list.push(claim);
		responses.set(claim.respondsTo, list);
	}
	const index = new ClaimIndex(claims);
	for (const claim of claims) {
		if (only && !only.has(claim.id)) continue;
		const supporting = claim.statement === 'report' ? [] : supportingIn(claim, index);
		const answers = claim.respondsTo ? byId.get(claim.respondsTo) : undefined;
		const attached = claim.roundId ? refs.get(claim.roundId) : undefined;
		const verdict = deriveVerdict({
			claim,
			answers: answers ? refOf(answers) : null,
			responses: (responses.get(claim.id) ?? []).map(refOf),
			supporting: supporting.map(refOf),
			otherTotals: claim.statement === 'running_total' ? otherSidesTotals(claim, index).map(refOf) : [],
			round: attached ? { id: attached.id, date: attached.date, kind: attached.kind } : null,
			delivery: claim.statement === 'offer' ? storedDelivery(deliveryOf(lookup, claim)) : null
		});
		yield {
			claimId: claim.id,
			verdict,
			supporting: supporting.map((other) => other.id),
			responseCount: responses.get(claim.id)?.length ?? 0
		};
	}
}

/** What a verdict keeps of an offer's delivery: the figures and the rounds' ids, dates and reasons (not each round whole). */
function storedDelivery(delivery: StatementContext['delivery']): OfferDelivery | null {
	if (!delivery) return null;
	const { linked: _linked, ...kept } = delivery;
	return kept;
}

/** A stored verdict with its sentence in the reader's language, its link and tone. */
function statementVerdict(stored: string, claim: OfferedFigure): StatementVerdict {
	const verdict = JSON.parse(stored) as Verdict;
	return { verdict, text: verdictText(verdict, claim), href: verdictHref(verdict), tone: verdictTone(verdict) };
}

/** The verdict of one claim (every claim has one), or null for an unknown id. */
export function verdictOf(db: DatasetDatabase, id: string): StatementVerdict | null {
	const claim = getClaim(db, id);
	const stored = statements(db).judgement.get(id);
	return claim && stored ? statementVerdict(stored.verdict, claim) : null;
}

/** Claims rows read with their stored judgement, as listed. */
function toListItems(db: DatasetDatabase, records: (ClaimRecord & JudgementRow)[]): StatementListItem[] {
	return withSources(db, records).map((claim, index) => {
		const stored = records[index]!;
		return {
			...claim,
			supportCount: (JSON.parse(stored.supporting) as string[]).length,
			responseCount: stored.response_count,
			verdict: statementVerdict(stored.verdict, claim)
		};
	});
}

/**
 * The statement reading one page of the statements matching `filters`, or counting them, prepared once per combination
 * of filters: a page walks a partial index (statements_by_*) in the list's order; a count adds up statement_counts.
 */
function statementQuery(db: DatasetDatabase, filters: StatementFilters, read: 'page' | 'after' | 'count') {
	const where = [IS_STATEMENT_SQL];
	const counted = ['1'];
	if (filters.statement !== undefined) {
		where.push('c.statement = @statement');
		counted.push('statement = @statement');
	}
	if (filters.year !== undefined) {
		// A next page's key takes the place of the year's bound on its side (see keyWithinYear).
		where.push(
			read !== 'after'
				? 'c.stated_on >= @from AND c.stated_on < @to'
				: filters.sort === 'date_asc'
					? 'c.stated_on < @to'
					: 'c.stated_on >= @from'
		);
		counted.push('year = @from');
	}
	if (filters.claimant !== undefined) {
		where.push('c.claimant_id = @claimant');
		counted.push('claimant_id = @claimant');
	}
	const order = filters.sort === 'date_asc' ? 'c.stated_on, c.id' : 'c.stated_on DESC, c.id DESC';
	// A keyset: the statements after a sort key, as a range of the same index.
	if (read === 'after')
		where.push(`(c.stated_on, c.id) ${filters.sort === 'date_asc' ? '>' : '<'} (@after_date, @after_id)`);
	const sql =
		read === 'count'
			? `SELECT coalesce(sum(count), 0) AS count FROM statement_counts WHERE ${counted.join(' AND ')}`
			: `SELECT ${claimColumns}, v.verdict, v.supporting, v.response_count
		     FROM claims c JOIN claim_verdicts v ON v.claim_id = c.id
		    WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit${read === 'page' ? ' OFFSET @offset' : ''}`;
	const kept = statements(db).filtered;
	let statement = kept.get(sql);
	if (!statement) kept.set(sql, (statement = db.prepare(sql)));
	return statement;
}

/** The named parameters of {@link statementQuery}'s statements. */
function statementParameters(filters: StatementFilters) {
	return {
		...(filters.statement !== undefined && { statement: filters.statement }),
		...(filters.year !== undefined && { from: String(filters.year), to: String(filters.year + 1) }),
		...(filters.claimant !== undefined && { claimant: filters.claimant })
	};
}

/** How many running totals, offers, allegations and rebuttals match the filters, from the counts the build stored. */
export function countStatements(db: DatasetDatabase, filters: StatementFilters): number {
	return (statementQuery(db, filters, 'count').get(statementParameters(filters)) as { count: number }).count;
}

/**
 * `limit` running totals, offers, allegations and rebuttals from `offset` among those matching the filters (newest
 * first unless sorted otherwise), with their verdicts: only the page is read.
 */
export function statementsFrom(
	db: DatasetDatabase,
	filters: StatementFilters,
	offset: number,
	limit: number
): StatementListItem[] {
	return toListItems(db, statementQuery(db, filters, 'page').all({ ...statementParameters(filters), limit, offset }));
}

/**
 * `limit` statements matching the filters after the one whose sort key (date and id) is `after`, from the first when
 * null, in the order asked for, with their verdicts: the page is a range of the list's index, however deep it is.
 */
export function statementsAfter(
	db: DatasetDatabase,
	filters: StatementFilters,
	after: DateKey | null,
	limit: number
): StatementListItem[] {
	if (!after) return statementsFrom(db, filters, 0, limit);
	const parameters = statementParameters(filters);
	const { date, id } = keyWithinYear(after, filters.year, filters.sort !== 'date_asc');
	const key = { after_date: date, after_id: id };
	return toListItems(db, statementQuery(db, filters, 'after').all({ ...parameters, ...key, limit }));
}

/**
 * Every statement matching the filters in batches of `size` (for the streamed downloads): the rows are read one at a
 * time from the query and only a batch is hydrated (sources, verdicts) at once.
 */
export function* statementBatches(
	db: DatasetDatabase,
	filters: StatementFilters,
	size: number
): Generator<StatementListItem[], void, undefined> {
	const rows = statementQuery(db, filters, 'page').iterate({ ...statementParameters(filters), limit: -1, offset: 0 });
	for (const batch of inBatches(rows as Iterable<ClaimRecord & JudgementRow>, size)) yield toListItems(db, batch);
}

/** Every statement matching the filters (all pages), newest first unless sorted otherwise. */
export function listStatements(db: DatasetDatabase, filters: StatementFilters = {}): StatementListItem[] {
	return statementsFrom(db, filters, 0, -1);
}

/** The years in which statements were made, newest first (for the filter), read once per dataset. */
export const statementYears = preparedFor((db) =>
	statements(db)
		.years.all()
		.map((row) => Number(row.year))
);

/** One claim with what the record says next to it, or null. */
export function statementContext(db: DatasetDatabase, id: string): StatementContext | null {
	const claim = getClaim(db, id);
	const stored = statements(db).judgement.get(id);
	if (!claim || !stored) return null;
	const sql = statements(db);
	// The thread from the claims linked to it within THREAD_DEPTH steps either way: all that `threadOf` follows.
	const linked = withSources(db, [...sql.threadUp.all(id, THREAD_DEPTH), ...sql.threadDown.all(id, THREAD_DEPTH)]);
	const thread = threadOf(id, new Map([claim, ...linked].map((each) => [each.id, each])));
	const inThread = new Set(
		[...thread.answers, ...thread.responses.map(({ claim: answer }) => answer)].map((c) => c.id)
	);
	const supportingIds = JSON.parse(stored.supporting) as string[];
	const supportingById = new Map(withSources(db, sql.byIds.all(JSON.stringify(supportingIds))).map((c) => [c.id, c]));
	const sums = claim.statement === 'running_total' ? recordSumsOf(db, claim) : null;
	return {
		claim,
		verdict: statementVerdict(stored.verdict, claim),
		sums,
		sumsMediator: sums?.mediator ? mediatorWordsOf(db, [sums.mediator]) : null,
		supporting: supportingIds.map((supportingId) => supportingById.get(supportingId)!),
		thread,
		sameSubject:
			claim.statement === 'report'
				? []
				: sameSubject(
						claim,
						withSources(
							db,
							sql.sameKindBy.all(
								claim.statement,
								shiftDays(claim.statedOn, -SUPPORT_WINDOW_DAYS),
								shiftDays(claim.statedOn, SUPPORT_WINDOW_DAYS),
								claim.claimant
							)
						),
						inThread
					),
		delivery: deliveryOf(datasetRounds(db), claim),
		round: claim.roundId ? getRound(db, claim.roundId) : null
	};
}

/** How many days around a round's date a statement counts as made "around" it. */
export const NEARBY_DAYS = 3;

/** The ISO date `days` days after (or, negative, before) `date`. */
function shiftDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Statements outside rounds made within {@link NEARBY_DAYS} days of a date, oldest first. */
export function statementsNear(db: DatasetDatabase, date: string): StatementListItem[] {
	const records = statements(db).near.all(shiftDays(date, -NEARBY_DAYS), shiftDays(date, NEARBY_DAYS));
	const judged = statements(db).judgement;
	return toListItems(
		db,
		records.map((record) => ({ ...record, ...judged.get(record.id)! }))
	);
}
