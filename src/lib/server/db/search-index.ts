// What each round, claim and source is found by: the rows of the full-text index the dataset build writes.
import { searchForms } from '../../domain/search-folding';
import { dayToken, monthToken, normalisedTokens } from '../../domain/search-text';
import type { ClaimRow } from '../../schemas/claim';
import type { ClaimantRow } from '../../schemas/claimant';
import type { MediatorRow } from '../../schemas/mediator';
import type { RoundRow } from '../../schemas/round';
import type { SearchKind } from '../../schemas/search';
import type { SourceRow } from '../../schemas/source';

/**
 * One row of the index. `name` is who (claimant, outlet, mediators), `text` what is shown as the snippet (summary,
 * what is counted and the note, title and web address), `terms` what is only searched: ids, coded values, numbers and
 * dates written as tokens (see `normalisedTokens`). `nameForms` and `textForms` are only searched too: the search
 * forms (see `searchForm`) of who it is in every language the data names them in, and of what it says in every
 * language the data gives it in, so that "Мединского", "Medinskiy" and "Мединський" all find "Medinsky".
 */
export interface SearchDocument {
	kind: SearchKind;
	recordId: string;
	name: string;
	text: string;
	terms: string;
	nameForms: string;
	textForms: string;
}

/**
 * What a record is found by. `names` and `texts` are lists: the first is shown (the `name` and `text` columns), and
 * every one, in whatever language, is searched by its words' search forms; a translation the data adds is one more
 * entry. `terms` are searched as written.
 */
interface RecordTexts {
	names: readonly string[];
	texts: readonly string[];
	terms: readonly string[];
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

/**
 * A function of a text, remembered: at a hundred times the real data, seventy thousand statements are made by about 150
 * claimants, an outlet names every source of it, and the synthetic data repeats its texts too. Past `size` texts the
 * memory starts again, so that it stays bounded.
 */
function remembered<T>(compute: (text: string) => T, size: number): (text: string) => T {
	const memory = new Map<string, T>();
	return (text) => {
		let value = memory.get(text);
		if (value === undefined) {
			if (memory.size >= size) memory.clear();
			value = compute(text);
			memory.set(text, value);
		}
		return value;
	};
}

// No word spans a line break, so the forms of a list's entries joined by one are the forms of the list.
const nameForms = remembered((names) => searchForms([names], true), 10_000);
const textForms = remembered((texts) => searchForms([texts], false), 10_000);
const tokensOf = remembered(normalisedTokens, 20_000);

/** One row of the index; the numbers and dates written in any of its names and texts are added to its terms. */
function indexRow(kind: SearchKind, recordId: string, { names, texts, terms }: RecordTexts): SearchDocument {
	const [name = '', text = ''] = [names[0], texts[0]];
	return {
		kind,
		recordId,
		name,
		text,
		terms: [...terms, ...names.flatMap(tokensOf), ...texts.flatMap(tokensOf)].join(' '),
		nameForms: nameForms(names.join('\n')),
		textForms: textForms(texts.join('\n'))
	};
}

/** Non-empty entries only: a name or text the data leaves empty in a language is not searched. */
const given = (...entries: readonly (string | null | undefined)[]): string[] =>
	entries.filter((entry): entry is string => entry !== null && entry !== undefined && entry !== '');

/**
 * Who said a claim: as recorded, then the claimant's names in English, Ukrainian and Russian (searched, not shown):
 * "Мединский" finds what Medinsky said, and "Saraliev" what the record spells "Saraliyev".
 */
function claimantNames(claim: ClaimRow, claimant: ClaimantRow | undefined): string[] {
	return given(claim.claimant, claimant?.name_en, claimant?.name_uk, claimant?.name_ru);
}

/**
 * A round's mediators: as recorded (shown), then each one's names in Ukrainian and Russian (searched, not shown):
 * "Туреччина" and "Турция" find the rounds Turkey mediated, "ОАЭ" those of the UAE.
 */
function mediatorNames(round: RoundRow, mediators: ReadonlyMap<string, MediatorRow>): string[] {
	return [
		round.mediators.join(', '),
		...round.mediators.flatMap((name) => given(mediators.get(name)?.name_uk, mediators.get(name)?.name_ru))
	];
}

/** The index rows of a validated dataset: one per round, claim and source. */
export function searchDocuments(
	content: {
		rounds: readonly RoundRow[];
		claims: readonly ClaimRow[];
		sources: readonly SourceRow[];
	},
	claimants: ReadonlyMap<string, ClaimantRow> = new Map(),
	mediators: ReadonlyMap<string, MediatorRow> = new Map()
): SearchDocument[] {
	return [
		...content.rounds.map((round) =>
			indexRow('round', round.id, {
				names: mediatorNames(round, mediators),
				texts: [round.summary, round.summary_uk, round.summary_ru],
				terms: [
					codeWords(round.kind),
					...dateTerms(round.date),
					...dateTerms(round.end_date),
					...(round.kyiv_exchange_number === null
						? []
						: [String(round.kyiv_exchange_number), englishOrdinal(round.kyiv_exchange_number)])
				]
			})
		),
		...content.claims.map((claim) =>
			indexRow('claim', claim.id, {
				names: claimantNames(claim, claimants.get(claim.claimant_id)),
				texts: [given(claim.counted_detail, claim.note).join(' — '), claim.counted_detail_uk, claim.counted_detail_ru],
				terms: [
					claim.id,
					claim.claimant_id,
					claim.claimant_side,
					codeWords(claim.statement),
					...(claim.number === null ? [] : [String(claim.number)]),
					...dateTerms(claim.stated_on)
				]
			})
		),
		...content.sources.map((source) =>
			indexRow('source', source.id, {
				names: [source.outlet],
				texts: [given(source.title, hostOf(source.url)).join(' — ')],
				terms: [source.id, source.language, ...dateTerms(source.published_on)]
			})
		)
	];
}
