// The rows of the downloads, built from the same queries as the pages and shaped by the export schemas.
import { directions, populations, type Direction, type PartyFigure } from '../../../domain/round-figures';
import { combinedFigureText, partyFigureWithNote } from '../../../format/figures';
import type { TrackRow } from '../../../domain/track-record';
import type {
	ClaimantExport,
	ClaimExport,
	RoundExport,
	SourceExport,
	TotalsRowExport,
	TrackRecordExport
} from '../../../schemas/exports';
import type { DateKey, SourceKey } from '../../../schemas/api-paging';
import type { RoundFilters } from '../../../schemas/round-filters';
import type { StatementFilters } from '../../../schemas/statement-filters';
import type { DatasetDatabase } from '../dataset';
import type { ClaimantListItem } from './claimants';
import {
	getSourceWithCount,
	sourceBatches,
	sourceCount,
	sourcesAfter,
	type ClaimView,
	type listSources
} from './claims';
import { countRounds, roundBatches, roundsAfter, selectedTotals, type RoundKey, type RoundListItem } from './rounds';
import {
	countStatements,
	listStatements,
	statementBatches,
	statementsAfter,
	verdictOf,
	type StatementVerdict
} from './statements';

/**
 * The rows of one streamed download: how many there are (the JSON says it before the rows) and the rows in batches,
 * read as the stream is pulled.
 */
export interface ExportBatches<Row> {
	count: number;
	batches: Iterable<Row[]>;
}

/** The totals of every round matching the filters, one row per population and direction. */
export function totalsRows(db: DatasetDatabase, filters: Omit<RoundFilters, 'page' | 'sort'>): TotalsRowExport[] {
	const totals = selectionTotals(db, filters);
	return populations.flatMap((population) =>
		directions.map((direction) => {
			const total = totals[population][direction];
			return {
				population,
				direction,
				kyiv_sum: total.byParty.ukraine.sum,
				kyiv_rounds: total.byParty.ukraine.rounds,
				moscow_sum: total.byParty.russia.sum,
				moscow_rounds: total.byParty.russia.rounds,
				confirmed: total.confirmed,
				confirmed_rounds: total.confirmedRounds,
				partly_confirmed_rounds: total.partlyConfirmedRounds,
				rounds: total.rounds,
				rounds_with_figures: total.roundsWithFigures,
				rounds_without_figure: total.roundsWithoutFigure,
				rounds_combined_only: total.roundsCombinedOnly
			};
		})
	);
}

/** The totals of every round matching the filters, per population and direction. */
export function selectionTotals(db: DatasetDatabase, filters: Omit<RoundFilters, 'page' | 'sort'>) {
	return selectedTotals(db, filters);
}

/** Every round matching the filters (all pages), newest first unless sorted otherwise, in batches of `size`. */
export function roundBatchesOf(
	db: DatasetDatabase,
	filters: Omit<RoundFilters, 'page'>,
	origin: string,
	size: number
): ExportBatches<RoundExport> {
	return {
		count: countRounds(db, filters),
		batches: mapBatches(roundBatches(db, filters, size), (round) => toRoundExport(round, origin))
	};
}

/** `limit` rounds matching the filters after the sort key `after` (from the first when null), each with its key. */
export function roundRowsAfter(
	db: DatasetDatabase,
	filters: Omit<RoundFilters, 'page'>,
	origin: string,
	after: RoundKey | null,
	limit: number
): { row: RoundExport; key: RoundKey }[] {
	return roundsAfter(db, filters, after, limit).map(({ round, key }) => ({ row: toRoundExport(round, origin), key }));
}

/** A round shaped as in the downloads. */
export function toRoundExport(round: RoundListItem, origin: string): RoundExport {
	const figures = round.figures[round.population];
	const exact = (figure: PartyFigure | null) => (figure && figure.qualifier === 'exact' ? figure.number : null);
	const direction = (key: Direction) => {
		const { confirmation, byParty } = figures[key];
		return {
			kyiv: exact(byParty.ukraine),
			kyivFigure: byParty.ukraine ? partyFigureWithNote(byParty.ukraine) : '',
			moscow: exact(byParty.russia),
			moscowFigure: byParty.russia ? partyFigureWithNote(byParty.russia) : '',
			status: confirmation.status,
			confirmed: confirmation.confirmedNumber,
			confirmedScope: confirmation.confirmedScope,
			explanation: confirmation.explanation
		};
	};
	const toUkraine = direction('to_ukraine');
	const toRussia = direction('to_russia');
	return {
		id: round.id,
		date: round.date,
		end_date: round.endDate,
		kind: round.kind,
		kyiv_exchange_number: round.kyivExchangeNumber,
		mediators: round.mediators.join(';'),
		mediators_uk: round.mediatorsUk.join(';'),
		mediators_ru: round.mediatorsRu.join(';'),
		parent_id: round.parentId,
		population: round.population,
		kyiv_to_ukraine: toUkraine.kyiv,
		kyiv_to_ukraine_figure: toUkraine.kyivFigure,
		moscow_to_ukraine: toUkraine.moscow,
		moscow_to_ukraine_figure: toUkraine.moscowFigure,
		status_to_ukraine: toUkraine.status,
		confirmed_to_ukraine: toUkraine.confirmed,
		confirmed_scope_to_ukraine: toUkraine.confirmedScope,
		explanation_to_ukraine: toUkraine.explanation,
		kyiv_to_russia: toRussia.kyiv,
		kyiv_to_russia_figure: toRussia.kyivFigure,
		moscow_to_russia: toRussia.moscow,
		moscow_to_russia_figure: toRussia.moscowFigure,
		status_to_russia: toRussia.status,
		confirmed_to_russia: toRussia.confirmed,
		confirmed_scope_to_russia: toRussia.confirmedScope,
		explanation_to_russia: toRussia.explanation,
		// The same figures stand in both directions' confirmations; one direction's list is all of them.
		combined_both_ways: figures.to_ukraine.confirmation.combined.map((figure) => combinedFigureText(figure)).join('; '),
		summary: round.summary,
		summary_uk: round.summaryUk,
		summary_ru: round.summaryRu,
		url: `${origin}/rounds/${round.id}`
	};
}

/** A claim shaped as in the downloads, with its verdict. */
export function toClaimExport(claim: ClaimView, verdict: StatementVerdict, origin: string): ClaimExport {
	return {
		id: claim.id,
		round_id: claim.roundId,
		stated_on: claim.statedOn,
		claimant: claim.claimant,
		claimant_id: claim.claimantId,
		claimant_name: claim.claimantName,
		claimant_name_uk: claim.claimantNameUk,
		claimant_name_ru: claim.claimantNameRu,
		claimant_side: claim.side,
		statement: claim.statement,
		counted: claim.counted,
		counted_detail: claim.countedDetail,
		counted_detail_uk: claim.countedDetailUk,
		counted_detail_ru: claim.countedDetailRu,
		number: claim.number,
		qualifier: claim.qualifier,
		responds_to: claim.respondsTo,
		source_ids: claim.sources.map((source) => source.id).join(';'),
		source_urls: claim.sources.map((source) => source.url).join(' '),
		only_copies: claim.onlyCopies,
		note: claim.note,
		verdict: verdict.verdict.kind,
		verdict_text: verdict.text,
		url: `${origin}/claims/${claim.id}`
	};
}

/** Claims shaped as in the downloads, each with its verdict. */
export function claimExports(db: DatasetDatabase, claims: readonly ClaimView[], origin: string): ClaimExport[] {
	return claims.map((claim) => toClaimExport(claim, verdictOf(db, claim.id)!, origin));
}

/** Every statement outside rounds matching the filters, newest first unless sorted otherwise. */
export function claimRows(db: DatasetDatabase, filters: StatementFilters, origin: string): ClaimExport[] {
	return listStatements(db, filters).map((claim) => toClaimExport(claim, claim.verdict, origin));
}

/** Every statement matching the filters, as {@link claimRows}, in batches of `size`. */
export function claimBatchesOf(
	db: DatasetDatabase,
	filters: StatementFilters,
	origin: string,
	size: number
): ExportBatches<ClaimExport> {
	return {
		count: countStatements(db, filters),
		batches: mapBatches(statementBatches(db, filters, size), (claim) => toClaimExport(claim, claim.verdict, origin))
	};
}

/** `limit` statements matching the filters after the sort key `after` (from the first when null), each with its key. */
export function claimRowsAfter(
	db: DatasetDatabase,
	filters: StatementFilters,
	origin: string,
	after: DateKey | null,
	limit: number
): { row: ClaimExport; key: DateKey }[] {
	return statementsAfter(db, filters, after, limit).map((claim) => ({
		row: toClaimExport(claim, claim.verdict, origin),
		key: [claim.statedOn, claim.id]
	}));
}

/** A claimant shaped as in the API. */
export function toClaimantExport(claimant: ClaimantListItem, origin: string): ClaimantExport {
	return {
		id: claimant.id,
		name_en: claimant.nameEn,
		name_uk: claimant.nameUk,
		name_ru: claimant.nameRu,
		role: claimant.role,
		role_uk: claimant.roleUk,
		role_ru: claimant.roleRu,
		organisation: claimant.organisation,
		organisation_uk: claimant.organisationUk,
		organisation_ru: claimant.organisationRu,
		side: claimant.side,
		statement_count: claimant.statementCount,
		first_stated_on: claimant.firstStatedOn,
		last_stated_on: claimant.lastStatedOn,
		url: `${origin}/claimants/${claimant.id}`
	};
}

/** A track record's rows shaped as in the API. */
export function trackRecordExports(rows: readonly TrackRow[]): TrackRecordExport[] {
	return rows.map((row) => ({
		round_id: row.round.id,
		round_date: row.round.date,
		claim_id: row.claimId,
		population: row.population,
		direction: row.direction,
		scope: row.scope,
		number: row.number,
		qualifier: row.qualifier,
		outcome: row.outcome,
		other_figures: [...row.compared, ...row.otherScope].map((other) => ({
			claim_id: other.claimId,
			claimant_id: other.claimantId,
			side: other.side,
			number: other.number,
			qualifier: other.qualifier,
			scope: other.scope,
			direction: other.direction
		}))
	}));
}

/** One source shaped as in the downloads, or null. */
export function sourceRowOf(db: DatasetDatabase, id: string, origin: string): SourceExport | null {
	const source = getSourceWithCount(db, id);
	return source && toSourceExport(source, origin);
}

/** Every source with the number of claims it supports, by outlet, in batches of `size`. */
export function sourceBatchesOf(db: DatasetDatabase, origin: string, size: number): ExportBatches<SourceExport> {
	return {
		count: sourceCount(db),
		batches: mapBatches(sourceBatches(db, size), (source) => toSourceExport(source, origin))
	};
}

/** Each batch of `batches` mapped row by row, lazily; stopping early stops the batches too. */
function* mapBatches<T, U>(
	batches: Generator<T[], void, undefined>,
	map: (row: T) => U
): Generator<U[], void, undefined> {
	for (const batch of batches) yield batch.map(map);
}

/** `limit` sources by outlet after the sort key `after` (from the first when null; -1: all), each with its key. */
export function sourceRowsAfter(
	db: DatasetDatabase,
	origin: string,
	after: SourceKey | null,
	limit: number
): { row: SourceExport; key: SourceKey }[] {
	return sourcesAfter(db, after, limit).map((source) => ({
		row: toSourceExport(source, origin),
		key: [source.outlet, source.publishedOn, source.id]
	}));
}

function toSourceExport(source: ReturnType<typeof listSources>[number], origin: string): SourceExport {
	return {
		id: source.id,
		url: source.url,
		outlet: source.outlet,
		title: source.title,
		published_on: source.publishedOn,
		accessed_on: source.accessedOn,
		kind: source.kind,
		language: source.language,
		archive_url: source.archiveUrl,
		reliability: source.reliability,
		note: source.note,
		claim_count: source.claimCount,
		page: `${origin}/sources/${source.id}`
	};
}
