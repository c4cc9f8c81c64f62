// The rows of the downloads, built from the same queries as the pages and shaped by the export schemas.
import { matchRounds } from '../../../domain/round-filters';
import type { ClaimExport, RoundExport, SourceExport } from '../../../schemas/exports';
import type { RoundFilters } from '../../../schemas/round-filters';
import { filterStatements, type StatementFilters } from '../../../schemas/statement-filters';
import type { DatasetDatabase } from '../dataset';
import { listSources, pageOfSources, type ClaimView } from './claims';
import { listRounds, type RoundListItem } from './rounds';
import { listStatements } from './statements';

/** Every round matching the filters (all pages), newest first unless sorted otherwise. */
export function roundRows(db: DatasetDatabase, filters: Omit<RoundFilters, 'page'>, origin: string): RoundExport[] {
	return matchRounds(listRounds(db), filters).map((round) => toRoundExport(round, origin));
}

/** A round shaped as in the downloads. */
export function toRoundExport(round: RoundListItem, origin: string): RoundExport {
	const figures = round.figures[round.population];
	const exact = (figure: { number: number; qualifier: string } | null) =>
		figure && figure.qualifier === 'exact' ? figure.number : null;
	return {
		id: round.id,
		date: round.date,
		end_date: round.endDate,
		kind: round.kind,
		kyiv_exchange_number: round.kyivExchangeNumber,
		mediators: round.mediators.join(';'),
		parent_id: round.parentId,
		population: round.population,
		kyiv_to_ukraine: exact(figures.to_ukraine.byParty.ukraine),
		moscow_to_ukraine: exact(figures.to_ukraine.byParty.russia),
		status_to_ukraine: figures.to_ukraine.confirmation.status,
		explanation_to_ukraine: figures.to_ukraine.confirmation.explanation,
		kyiv_to_russia: exact(figures.to_russia.byParty.ukraine),
		moscow_to_russia: exact(figures.to_russia.byParty.russia),
		status_to_russia: figures.to_russia.confirmation.status,
		explanation_to_russia: figures.to_russia.confirmation.explanation,
		summary: round.summary,
		url: `${origin}/rounds/${round.id}`
	};
}

/** A claim shaped as in the downloads. */
export function toClaimExport(claim: ClaimView, origin: string): ClaimExport {
	return {
		id: claim.id,
		round_id: claim.roundId,
		stated_on: claim.statedOn,
		claimant: claim.claimant,
		claimant_side: claim.side,
		statement: claim.statement,
		counted: claim.counted,
		counted_detail: claim.countedDetail,
		number: claim.number,
		qualifier: claim.qualifier,
		responds_to: claim.respondsTo,
		source_ids: claim.sources.map((source) => source.id).join(';'),
		source_urls: claim.sources.map((source) => source.url).join(' '),
		note: claim.note,
		url: `${origin}/claims/${claim.id}`
	};
}

/** Every statement outside rounds matching the filters, newest first. */
export function claimRows(db: DatasetDatabase, filters: StatementFilters, origin: string): ClaimExport[] {
	return filterStatements(listStatements(db), filters).map((claim) => toClaimExport(claim, origin));
}

/** Every source, by outlet. */
export function sourceRows(db: DatasetDatabase, origin: string): SourceExport[] {
	return listSources(db).map((source) => toSourceExport(source, origin));
}

/** `limit` sources by outlet from `offset`, read from the index, and how many there are. */
export function sourceRowsFrom(
	db: DatasetDatabase,
	origin: string,
	offset: number,
	limit: number
): { total: number; rows: SourceExport[] } {
	const { total, sources } = pageOfSources(db, offset, limit);
	return { total, rows: sources.map((source) => toSourceExport(source, origin)) };
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
		claim_count: source.claimCount,
		page: `${origin}/sources/${source.id}`
	};
}
