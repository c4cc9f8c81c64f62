// The review's preview of a suggested exchange: its round as the round page will show it, derived by the same rules.
import { ClaimRow } from '../../schemas/claim';
import { RoundRow } from '../../schemas/round';
import { SourceRow } from '../../schemas/source';
import { packageRows, type ExchangePackage } from '../../schemas/exchange';
import { claimGroupsOf } from '../../domain/round-claims';
import { headlinePopulation, roundFigures } from '../../domain/round-figures';
import type { MediatorWords } from '../../format/data-words';
import type { ClaimView, SourceRef } from '../db/queries/claims';
import type { AssignedIds } from './exchange';

/** A claimant's name in the three languages. */
interface ClaimantNames {
	nameEn: string;
	nameUk: string;
	nameRu: string;
}

/**
 * The round's header, its derived figures and its claims grouped as on the round page; null if a part is invalid.
 * `claimantNames` gives a claimant's names on record (a new claimant has none yet: the names as given stand), and
 * `mediatorWords` the mediators' names in each language (a new mediator's name as given stands in each).
 */
export function previewPackage(
	pkg: ExchangePackage,
	ids: AssignedIds,
	claimantNames: (id: string) => ClaimantNames | null = () => null,
	mediatorWords: (names: readonly string[]) => MediatorWords = (names) => ({
		mediators: names,
		mediatorsUk: names,
		mediatorsRu: names
	})
) {
	const rows = packageRows(pkg, ids);
	const round = RoundRow.safeParse(rows.round);
	const claims = rows.claims.map((claim) => ClaimRow.safeParse(claim));
	const sources = rows.sources.map((source) => SourceRow.safeParse(source));
	if (!round.success || claims.some((claim) => !claim.success) || sources.some((source) => !source.success)) {
		return null;
	}
	const views: ClaimView[] = claims.map((result, index) => {
		const claim = result.data as ClaimRow;
		const source = sources[index]?.data as SourceRow;
		const ref: SourceRef = {
			id: source.id,
			url: source.url,
			outlet: source.outlet,
			title: source.title,
			publishedOn: source.published_on,
			accessedOn: source.accessed_on,
			kind: source.kind,
			language: source.language,
			archiveUrl: source.archive_url,
			reliability: source.reliability,
			note: source.note
		};
		const given = rows.claimants[index];
		const names = claimantNames(claim.claimant_id) ?? {
			nameEn: claim.claimant,
			nameUk: given?.name_uk || claim.claimant,
			nameRu: given?.name_ru || claim.claimant
		};
		return {
			id: claim.id,
			roundId: claim.round_id,
			statedOn: claim.stated_on,
			claimant: claim.claimant,
			claimantId: claim.claimant_id,
			claimantName: names.nameEn,
			claimantNameUk: names.nameUk,
			claimantNameRu: names.nameRu,
			side: claim.claimant_side,
			statement: claim.statement,
			counted: claim.counted,
			countedDetail: claim.counted_detail,
			countedDetailUk: claim.counted_detail_uk,
			countedDetailRu: claim.counted_detail_ru,
			number: claim.number,
			qualifier: claim.qualifier,
			respondsTo: claim.responds_to,
			note: claim.note,
			sources: [ref],
			onlyCopies: ref.reliability === 'copy'
		};
	});
	const population = headlinePopulation(round.data.kind);
	return {
		round: {
			id: round.data.id,
			date: round.data.date,
			endDate: round.data.end_date,
			kind: round.data.kind,
			kyivExchangeNumber: round.data.kyiv_exchange_number,
			...mediatorWords(round.data.mediators),
			parentId: round.data.parent_id,
			summary: round.data.summary,
			population,
			figures: roundFigures(
				views.map((claim) => ({
					id: claim.id,
					claimant: claim.claimant,
					claimantNameUk: claim.claimantNameUk,
					claimantNameRu: claim.claimantNameRu,
					claimantSide: claim.side,
					statement: claim.statement,
					counted: claim.counted,
					number: claim.number,
					qualifier: claim.qualifier,
					onlyCopies: claim.onlyCopies
				}))
			)
		},
		claimGroups: claimGroupsOf(population, views)
	};
}
export type PackagePreview = NonNullable<ReturnType<typeof previewPackage>>;
