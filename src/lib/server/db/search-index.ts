// What each round, claim and source is found by: the rows of the full-text index the dataset build writes.
import { dayToken, monthToken, normalisedTokens, withoutMatchMarks } from '../../domain/search-text';
import type { ClaimRow } from '../../schemas/claim';
import type { ClaimantRow } from '../../schemas/claimant';
import type { RoundRow } from '../../schemas/round';
import type { SearchKind } from '../../schemas/search';
import type { SourceRow } from '../../schemas/source';

/**
 * One row of the index. `name` is who (claimant, outlet, mediators), `text` what is shown as the snippet (summary,
 * what is counted and the note, title and web address), `terms` what is only searched: ids, coded values, numbers and
 * dates written as tokens (see `normalisedTokens`).
 */
export interface SearchDocument {
	kind: SearchKind;
	recordId: string;
	name: string;
	text: string;
	terms: string;
}

/** A date as the tokens it is found by: its day, its month and its year. */
function dateTerms(isoDate: string | null): string[] {
	return isoDate ? [dayToken(isoDate), monthToken(isoDate), isoDate.slice(0, 4)] : [];
}

/** "59" -> "59th": Kyiv numbers its exchanges, and readers search for "the 59th exchange". */
function englishOrdinal(value: number): string {
	const lastTwo = value % 100;
	const suffix =
		lastTwo >= 11 && lastTwo <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[value % 10];
	return `${value}${suffix ?? 'th'}`;
}

/** A coded value as words: `bodies_repatriation` -> "bodies repatriation". */
const codeWords = (code: string) => code.replaceAll('_', ' ');

/** The host of a web address without `www.`, which readers leave out. */
function hostOf(url: string): string {
	return new URL(url).hostname.replace(/^www\./, '');
}

/** One row of the index; the numbers and dates written in its name and text are added to its terms. */
function indexRow(kind: SearchKind, recordId: string, name: string, text: string, terms: string[]): SearchDocument {
	return {
		kind,
		recordId,
		name: withoutMatchMarks(name),
		text: withoutMatchMarks(text),
		terms: [...terms, ...normalisedTokens(`${name} ${text}`)].join(' ')
	};
}

/**
 * The claimant's names in English, Ukrainian and Russian, searched but not shown (the result shows the name as
 * recorded): "Мединский" finds what Medinsky said, and "Saraliev" what the record spells "Saraliyev".
 */
function claimantNames(claimant: ClaimantRow | undefined): string[] {
	return [claimant?.id ?? '', claimant?.name_en ?? '', claimant?.name_uk ?? '', claimant?.name_ru ?? ''].filter(
		(name) => name !== ''
	);
}

/** The index rows of a validated dataset: one per round, claim and source. */
export function searchDocuments(
	content: {
		rounds: readonly RoundRow[];
		claims: readonly ClaimRow[];
		sources: readonly SourceRow[];
	},
	claimants: ReadonlyMap<string, ClaimantRow> = new Map()
): SearchDocument[] {
	return [
		...content.rounds.map((round) =>
			indexRow('round', round.id, round.mediators.join(', '), round.summary, [
				codeWords(round.kind),
				...dateTerms(round.date),
				...dateTerms(round.end_date),
				...(round.kyiv_exchange_number === null
					? []
					: [String(round.kyiv_exchange_number), englishOrdinal(round.kyiv_exchange_number)])
			])
		),
		...content.claims.map((claim) =>
			indexRow(
				'claim',
				claim.id,
				claim.claimant,
				[claim.counted_detail, claim.note].filter((part) => part !== '').join(' — '),
				[
					claim.id,
					...claimantNames(claimants.get(claim.claimant_id)),
					claim.claimant_side,
					codeWords(claim.statement),
					...(claim.number === null ? [] : [String(claim.number)]),
					...dateTerms(claim.stated_on)
				]
			)
		),
		...content.sources.map((source) =>
			indexRow(
				'source',
				source.id,
				source.outlet,
				[source.title ?? '', hostOf(source.url)].filter((part) => part !== '').join(' — '),
				[source.id, source.language, ...dateTerms(source.published_on)]
			)
		)
	];
}
