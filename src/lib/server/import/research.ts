// One-time import of the research file (data/research/reported-figures.csv) into the dataset's own CSV format.
//
// The research file has one row per figure *as found on one page*. The dataset has one claim per
// *statement* (one claimant, one number, one thing counted), with every page that carries it as a
// source. This module makes that conversion, applies the editorial decisions recorded in `ImportDecisions` below and
// in data/decisions/*.csv (see decisions.ts), and writes an import log that accounts for every research row.
import { parse } from 'csv-parse/sync';
import { withholdNames } from '../privacy/withheld-names';
import { domainReliability, noDecisions, type EditorialDecisions } from './decisions';
import type { ClaimantSide, Counted, Qualifier, RoundKind, SourceKind, StatementKind } from '../../schemas/vocabulary';

/**
 * The research files imported, oldest first: the original research file and the coverage batches that have been
 * reviewed (see data/research/README.md). All of them live in the repository, so a fresh clone re-imports alone.
 */
export const researchFiles = [
	'data/research/reported-figures.csv',
	'data/research/c-2025-2026.csv',
	'data/research/b-2023-2024.csv',
	'data/research/a-2022.csv',
	'data/research/d-2022-ordinals.csv',
	'data/research/e-2023-2026-ordinals.csv',
	'data/research/f-ordinals-third-pass.csv',
	'data/research/g-quality-and-coverage.csv'
];

/** One row of the research file, as written there. */
export interface ResearchRow {
	id: string;
	round_key: string;
	event_date: string;
	event_kind: string;
	counted: string;
	direction: string;
	number: string;
	qualifier: string;
	reporter: string;
	reporter_side: string;
	mediator: string;
	source_url: string;
	source_outlet: string;
	source_published: string;
	source_language: string;
	note: string;
}

/** Rows of the dataset files, as plain strings in column order (what the CSV holds). */
export type CsvRecord = Record<string, string>;

/**
 * Translations are curated, not imported: an imported record keeps the Ukrainian and Russian translations of `column`
 * (`<column>_uk`, `<column>_ru`) that the curated file gives it while its English text is unchanged; a changed text gets
 * none, and the build then asks for them.
 */
export function keepTranslations(
	imported: readonly CsvRecord[],
	curated: readonly CsvRecord[],
	column: string
): CsvRecord[] {
	const before = new Map(curated.map((record) => [record.id, record]));
	return imported.map((record) => {
		const earlier = before.get(record.id);
		const kept = earlier !== undefined && earlier[column] === record[column];
		return {
			...record,
			[`${column}_uk`]: kept ? (earlier[`${column}_uk`] ?? '') : '',
			[`${column}_ru`]: kept ? (earlier[`${column}_ru`] ?? '') : ''
		};
	});
}

export interface ImportResult {
	sources: CsvRecord[];
	rounds: CsvRecord[];
	claims: CsvRecord[];
	/** One row per research row: where it went and why. */
	log: CsvRecord[];
}

/** An agreement carried out in stages: the umbrella round and the research round keys of its stages. */
interface AgreementDecision {
	id: string;
	date: string;
	summary: string;
	stageKeys: string[];
	/** Research rows (offers) that state the agreement's terms and so belong to the agreement itself. */
	termRowIds: string[];
}

/**
 * The editorial decisions of the first imports, beyond mechanical conversion. Each entry says why. Later decisions
 * (exclusions, recodes, merges, notes, sources) are rows of data/decisions/*.csv; reviewing the import means reviewing both.
 */
export const ImportDecisions = {
	agreements: [
		{
			id: '2025-05-16-istanbul-1000-for-1000',
			date: '2025-05-16',
			summary:
				'Exchange of 1,000 for 1,000 agreed at the first direct talks in Istanbul and carried out in three stages on 23–25 May 2025.',
			stageKeys: ['2025-05-23-pow', '2025-05-24-pow', '2025-05-25-pow'],
			termRowIds: ['r24-119', 'r24-120', 'r24-121']
		},
		{
			id: '2025-06-02-istanbul-stages',
			date: '2025-06-02',
			summary:
				'Second Istanbul agreement: young, wounded and seriously ill prisoners and the repatriation of bodies, carried out in stages through June and July 2025; per-stage counts were mostly withheld.',
			stageKeys: [
				'2025-06-09-pow',
				'2025-06-10-pow',
				'2025-06-11-bodies',
				'2025-06-12-pow',
				'2025-06-13-bodies',
				'2025-06-14-pow',
				'2025-06-15-bodies',
				'2025-06-14-bodies',
				'2025-06-16-bodies',
				'2025-06-19-pow',
				'2025-06-20-pow',
				'2025-06-26-pow',
				'2025-07-04-pow',
				'2025-07-17-bodies',
				'2025-07-23-pow'
			],
			termRowIds: ['r24-138', 'r24-139', 'r24-140', 'r24-141']
		},
		{
			id: '2026-03-05-geneva-stages',
			date: '2026-03-05',
			summary: 'Exchange agreed at the Geneva talks and carried out in two stages on 5 and 6 March 2026.',
			stageKeys: ['2026-03-05-pow', '2026-03-06-pow'],
			termRowIds: ['r24-250']
		}
	] satisfies AgreementDecision[],

	/**
	 * Figures announced before a swap took place (a plan, not an outcome). They stay attached to
	 * the round as `offer` statements so that they are shown, but they do not enter the round's
	 * confirmation status, which compares reports of what happened.
	 */
	announcedInAdvance: ['r22-139', 'r22-140', 'r22-141', 'r24-042', 'r24-109', 'nc-079'],

	/**
	 * Rows whose number counts servicemen only, in rounds where the same claimant reported the
	 * civilians separately: comparing them with other claimants' all-people figures would invent a
	 * disagreement, so they are filed as military sub-counts.
	 */
	militaryOnly: [
		'r22-009',
		'r22-010',
		'r22-013',
		'r22-015',
		'r22-020',
		'r22-021',
		'r24-004',
		'r24-123',
		'r24-205',
		'r24-206',
		'r24-207',
		'r24-234',
		// Coverage batch 2025–26: servicemen-only figures where Kyiv gave the civilians (or the wounded) separately.
		'nc-019',
		'nc-046',
		'nc-052',
		'nc-070',
		'nc-071',
		// Coverage batch 2023–24: 10 soldiers beside 2 civilians given separately on 3 April 2023.
		'nb-007',
		// Coverage batch 2022: 35 servicemen beside 1 civilian given separately on 23 November 2022.
		'na-092'
	],

	/** Rows where the keyword rules below would misfile what is counted; each with its reason. */
	countedOverrides: {
		// A count of exchanges, not of people ("24 exchanges held"): the word "held" must not make it a count of prisoners.
		'nd-019': 'other',
		// Part of a swap only: the Wagner group's share of the Easter 2023 returns, and the Chechen fighters among Russia's.
		'ne-006': 'other',
		'ne-005': 'other',
		// The 175 servicemen of the 19 Mar 2025 exchange itself, and the wounded handed over beside it (22 per both sides, 23 per
		// an unnamed source): sub-counts of the 197 Kyiv reported in all, like the ministry's own count of the 22.
		'ne-011': 'military_to_ukraine',
		'ne-013': 'military_to_ukraine',
		// Censor.NET's 185 are the servicemen of 2 Oct 2025 only; Kyiv's headline adds the 20 civilians.
		'nf-004': 'military_to_ukraine',
		// Only the civilians carried the 68th exchange number on 24 Aug 2025; the servicemen count under the Istanbul agreements.
		'ne-016': 'civilians_to_ukraine',
		// "Kursk region residents ... in Ukrainian custody": people Russia says Ukraine holds.
		'r24-133': 'held_by_ukraine',
		'r24-199': 'held_by_ukraine',
		'r24-211': 'held_by_ukraine',
		'r24-257': 'held_by_ukraine',
		// Prisoners Russia says Kyiv refuses to take back: held by Russia.
		'r24-071': 'held_by_russia',
		'r24-183': 'held_by_russia',
		'r24-184': 'held_by_russia',
		'r24-185': 'held_by_russia',
		'r24-186': 'held_by_russia',
		// Running totals of Ukrainian servicemen (not all people) returned.
		'r24-227': 'military_to_ukraine',
		'r24-229': 'military_to_russia',
		'r24-043': 'military_to_ukraine',
		'r24-100': 'military_to_ukraine',
		'r24-177': 'military_to_ukraine',
		'r22-189': 'military_to_ukraine',
		'r22-211': 'military_to_ukraine',
		// Wounded servicemen handed over beside the main exchange: a separate group, not a competing total.
		'r22-253': 'military_to_ukraine',
		'r24-096': 'military_to_ukraine',
		'r24-106': 'military_to_russia',
		// Running totals over part of the war only (one year, one agreement, returns outside exchanges, local
		// swaps): not comparable with sums since 2022, so they are filed as "other" with their scope in the detail.
		'r22-295': 'other',
		'r24-082': 'other',
		'r24-111': 'other',
		'r24-130': 'other',
		'r24-134': 'other',
		'r24-135': 'other',
		'r24-178': 'other',
		'nc-001': 'other',
		'nc-002': 'other',
		'nc-003': 'other',
		'nc-021': 'other',
		'nc-023': 'other',
		'nc-030': 'other',
		'nc-033': 'other',
		'nc-034': 'other',
		'nc-035': 'other',
		'nc-036': 'other',
		'nc-039': 'other',
		'nc-053': 'other',
		'nc-054': 'other',
		'nc-061': 'other',
		'nc-062': 'other',
		'nc-063': 'other',
		'nc-064': 'other',
		'nc-065': 'other',
		'nc-066': 'other',
		'nc-067': 'other',
		'nc-084': 'other',
		// Russian servicemen (not all people) returned since the start of the war.
		'nc-011': 'military_to_russia',
		// A figure from a list Russia published, not a flow of people.
		'nc-044': 'other',
		// Moscow's 152 each way under the Istanbul agreements, beside 5 wounded each way: a part of the 157, not a rival total.
		'nc-069': 'other',
		// Russian prisoners Kyiv says it holds.
		'nc-074': 'held_by_ukraine',
		// Coverage batch 2022: monthly or weekly tallies, partial sums, sub-groups and parts of one swap.
		'na-006': 'other',
		'na-007': 'other',
		'na-015': 'other',
		'na-016': 'other',
		'na-038': 'other',
		'na-040': 'other',
		'na-041': 'other',
		'na-048': 'other',
		'na-049': 'other',
		'na-054': 'other',
		'na-056': 'other',
		'na-070': 'other',
		'na-086': 'other',
		'na-094': 'other',
		'na-095': 'other',
		'na-096': 'other',
		'na-100': 'other',
		'na-108': 'other',
		'na-109': 'other',
		'na-091': 'civilians_to_ukraine',
		// Running totals of civilians returned.
		'r22-268': 'civilians_to_ukraine',
		'na-019': 'civilians_to_ukraine',
		'na-073': 'civilians_to_ukraine',
		'nc-059': 'civilians_to_ukraine',
		'nc-076': 'civilians_to_ukraine',
		'r22-213': 'civilians_to_ukraine',
		'r24-228': 'civilians_to_ukraine'
	} as Record<string, Counted>,

	/**
	 * Kyiv's ordinals written in words in the research notes ("the sixth exchange per Kyiv"), which the digit
	 * pattern does not read. Only ordinals attributed to Kyiv are taken; an outlet's own count (Fakty's "ninth",
	 * Glavcom's "fourth") and the conflicting "eighth"/"ninth" for 30 April 2022 are left out.
	 */
	exchangeNumbersInWords: {
		'2022-04-01-pow': 2, // na-009: "second exchange of prisoners (Kyiv's ordinal)"
		'2022-04-09-pow': 3, // r22-021: "third exchange by Kyiv"
		'2022-04-19-pow': 5, // r22-038: "Fifth exchange per Kyiv's numbering"
		'2022-04-21-pow': 6, // r22-040: "Sixth exchange per Kyiv"
		'2022-04-28-pow': 7 // r22-045: "seventh exchange by Kyiv"
	} as Record<string, number>,

	/**
	 * Rows whose stated ordinal is not taken as Kyiv's exchange number (the row itself is imported), with the reason.
	 * Where sources disagree on an ordinal, the one an official states wins over an outlet's own count.
	 */
	ordinalsNotTaken: {
		'nd-010':
			"Hromadske Radio's own recap numbers 30 Apr 2022 the 8th; Gordon says 8th, Fakty 9th, and the official counts (9 exchanges by 2-5 May, the 10th on 6 May) leave 30 Apr ambiguous",
		'nd-011':
			"Hromadske Radio's own count calls 6 May 2022 the 9th; Vereshchuk's figures relayed by the Ukrainian News Agency call it the 10th, which fits the SBU's 9 exchanges by 5 May and Kim's 11th on 10 Jun",
		'ne-004':
			"Euromaidan Press's own count calls 10 Apr 2023 the 40th; no official states it, and the running totals of 2023 fit either 40 or 41 (see the e-2023-2026 research notes)"
	} as Record<string, string>,

	/** Rows whose exchange number Kyiv gave to a whole agreement (all its stages), not to the stage the row is about. */
	agreementExchangeNumbers: ['r24-131', 'nc-027', 'nc-028', 'ne-015', 'nf-002', 'nf-003'],

	/** Statements that answer another party's claim: research row -> the row of the claim it answers. */
	responses: {
		// Kyiv's position on the downed Il-76 answers Moscow's figure for prisoners said to be aboard.
		'r24-007': 'r24-008',
		// Kyiv's rebuttals of 7 June 2025 answer Medinsky's account of the first list handed over.
		'r24-142': 'r24-145',
		'r24-143': 'r24-145',
		'r24-144': 'r24-145',
		// The Centre for Countering Disinformation answers Medinsky's claim that Kyiv refuses about 1,000 prisoners.
		'r24-179': 'r24-184',
		'r24-180': 'r24-184',
		'r24-181': 'r24-184',
		// Medinsky's own follow-up of 14 August 2025 (two men on his '1,000 refused' list accepted) answers that claim.
		'nc-044': 'r24-184'
	} as Record<string, string>,

	/** Research round keys whose date later research corrected: old key -> key with the event's real date. */
	roundKeyRenames: {
		// The 757 bodies were returned on 14 February 2025 (Coordination HQ); the first research dated it by a recap.
		'2025-02-15-bodies': '2025-02-14-bodies',
		// The 503 bodies of December 2024 were returned on 20 December; the first research filed them at month end.
		'2024-12-31-bodies': '2024-12-20-bodies'
	} as Record<string, string>,

	/** Research rows with no number that answer another party's claim. */
	rebuttals: ['r24-007', 'r24-142', 'r24-143', 'r24-144', 'r24-179', 'r24-180', 'r24-181']
} as const;

const sideBySide: Record<string, ClaimantSide> = {
	ukraine: 'ukraine',
	russia: 'russia',
	mediator: 'mediator',
	international_org: 'international',
	independent_media: 'independent',
	academic: 'independent'
};

/** The research round key's last part, mapped to the kind of round (or null for statements outside rounds). */
const roundKindByKeySuffix: Record<string, RoundKind | null> = {
	pow: 'pow_exchange',
	bodies: 'bodies_repatriation',
	civ: 'civilian_release',
	total: null,
	offer: null,
	allegation: null
};

const roundIdSuffix: Record<RoundKind, string> = {
	pow_exchange: 'exchange',
	bodies_repatriation: 'bodies',
	civilian_release: 'civilians',
	agreement: 'agreement'
};

/** The order in which a claim lists its sources. */
const reliabilityRank = ['claimant_channel', 'major_outlet', 'other_outlet', 'copy'] as const;

/** Parses the research CSV text. */
export function parseResearchCsv(text: string): ResearchRow[] {
	return parse(text, { columns: true, skip_empty_lines: true }) as ResearchRow[];
}

/** The speaker's name without the relay ("via Reuters") or job title that pages add to it. */
export function canonicalClaimant(reporter: string): string {
	let name = reporter.trim();
	// Drop parenthetical asides: relays, roles, attributions.
	name = name.replace(/\s*\([^)]*\)/g, '').trim();
	// Drop a trailing ", job title" but keep names that are themselves lists ("A / B", "A; B").
	const comma = name.indexOf(', ');
	if (comma > 0) name = name.slice(0, comma);
	name = name.replace(/\s+/g, ' ').trim();
	return claimantAliases[name] ?? name;
}

/** Spellings of one organisation's name that pages use interchangeably. */
const claimantAliases: Record<string, string> = {
	'Ministry for Reintegration of the Temporarily Occupied Territories':
		'Ministry for Reintegration of the Temporarily Occupied Territories of Ukraine',
	'Coordination Headquarters for the Treatment of Prisoners of War':
		'Coordination Headquarters for the Treatment of POWs'
};

/** What kind of page a source URL is, judged by its host. */
export function sourceKindForUrl(url: string): SourceKind {
	const host = new URL(url).hostname.replace(/^www\./, '');
	if (/(^|\.)mofa\.gov\.ae$|(^|\.)wam\.ae$/.test(host)) return 'mediator_statement';
	if (/(^|\.)(un\.org|ohchr\.org|icrc\.org)$/.test(host)) return 'international_report';
	if (/(^|\.)gov\.ua$|(^|\.)mil\.ru$|(^|\.)mid\.ru$|(^|\.)kremlin\.ru$|(^|\.)rada\.gov\.ua$/.test(host)) {
		return 'official_statement';
	}
	if (/(^|\.)(t\.me|x\.com|twitter\.com|facebook\.com|telegram\.me)$/.test(host)) return 'social_post';
	return 'news_report';
}

/** What a research row's number counts, by its direction, kind and wording. */
export function countedForRow(row: ResearchRow, roundKind: RoundKind | null): Counted {
	const override = ImportDecisions.countedOverrides[row.id];
	if (override) return override;
	const text = `${row.counted} ${row.note}`;
	// A body handed over inside a prisoner exchange is its own row; "plus the body of …" in a people row is not.
	const isBodies = row.event_kind === 'bodies_repatriation' || /^(bod(y|ies)|remains)\b/i.test(row.counted);
	const direction = row.direction;
	const perSide = row.counted.startsWith('[per side]');
	const combined = row.counted.startsWith('[both sides combined]');
	const unclear = row.counted.startsWith('[scope unclear') || row.counted.startsWith('[numbers not disclosed]');

	if (direction === 'n/a') {
		if (/held|captivity|holds|in custody|detention/i.test(row.counted)) {
			return /russian (soldiers|servicemen|civilians)|in ukraine\b|ukrainian custody/i.test(row.counted)
				? 'held_by_ukraine'
				: 'held_by_russia';
		}
		return 'other';
	}
	if (unclear) return 'other';
	if (direction === 'both') {
		if (combined) return isBodies ? 'other' : 'people_both_ways';
		// 2022–23 rows without a prefix all describe "N for N" figures stated per side.
		if (perSide || !/combined|in total/i.test(text)) {
			if (isBodies) return 'bodies_each_way';
			return ImportDecisions.militaryOnly.includes(row.id as never) ? 'military_each_way' : 'people_each_way';
		}
		return 'other';
	}
	const toUkraine = direction === 'to_ukraine';
	if (isBodies) return toUkraine ? 'bodies_to_ukraine' : 'bodies_to_russia';
	const civilianRow = row.event_kind === 'civilian_release';
	// In a civilian-only round the civilians are the headline figure; inside an exchange they are a sub-count.
	if (civilianRow && roundKind !== 'civilian_release')
		return toUkraine ? 'civilians_to_ukraine' : 'civilians_to_russia';
	if (ImportDecisions.militaryOnly.includes(row.id as never)) {
		return toUkraine ? 'military_to_ukraine' : 'military_to_russia';
	}
	return toUkraine ? 'people_to_ukraine' : 'people_to_russia';
}

function statementForRow(row: ResearchRow, roundId: string | null): StatementKind {
	if (ImportDecisions.rebuttals.includes(row.id as never)) return 'rebuttal';
	if (ImportDecisions.announcedInAdvance.includes(row.id as never)) return 'offer';
	switch (row.event_kind) {
		case 'cumulative_total':
			return 'running_total';
		case 'offer_or_proposal':
			return 'offer';
		case 'allegation':
			return 'allegation';
		default:
			return roundId === null ? 'allegation' : 'report';
	}
}

/** Kyiv's own ordinal for an exchange, when the row's wording quotes it ("the 59th exchange"). */
function kyivExchangeNumber(row: ResearchRow): number | null {
	if (row.reporter_side !== 'ukraine' && row.reporter_side !== 'independent_media') return null;
	if (row.id in ImportDecisions.ordinalsNotTaken) return null;
	// The ordinal batches write it in one fixed form, whatever the language of the quoted phrase.
	const stated = /Kyiv exchange number: (\d{1,3})\b/.exec(row.note);
	if (stated) return Number(stated[1]);
	const match = /\b(\d{1,3})(?:st|nd|rd|th) (?:\(combined\) )?exchange(?! of (?:20\d\d|the year))/i.exec(
		`${row.counted} ${row.note}`
	);
	return match ? Number(match[1]) : null;
}

function keyDate(key: string): string {
	return key.slice(0, 10);
}

function keySuffix(key: string): string {
	return key.slice(11);
}

interface PendingClaim {
	roundId: string | null;
	statedOn: string;
	claimant: string;
	side: ClaimantSide;
	statement: StatementKind;
	counted: Counted;
	countedDetail: string;
	number: string;
	qualifier: Qualifier | '';
	sourceIds: string[];
	notes: string[];
	researchIds: string[];
	respondsToResearchId: string | null;
}

/**
 * Converts research rows into dataset rows. Pure: the same rows always give the same output.
 * Sources are merged by URL, rounds by research round key (with the agreement and same-day
 * civilian decisions above), claims by statement identity: same round (or, outside rounds, same
 * day), claimant, side, statement kind, thing counted, number and qualifier. Different numbers are
 * never merged, so every disagreement in the research survives as separate claims.
 */
export function importResearch(
	researchRows: readonly ResearchRow[],
	previous: PreviousImport = emptyPrevious,
	decisions: EditorialDecisions = noDecisions
): ImportResult {
	const log: CsvRecord[] = [];
	const excluded = new Map(decisions.excluded.map((entry) => [entry.research_id, entry.reason]));
	for (const row of researchRows) {
		const reason = excluded.get(row.id);
		if (reason) log.push({ research_id: row.id, claim_id: '', source_id: '', action: 'excluded', reason });
	}
	const recoded = (id: string, field: string) =>
		decisions.recodes.find((entry) => entry.research_id === id && entry.field === field)?.value;
	const mergeInto = new Map(decisions.merges.map((entry) => [entry.research_id, entry]));
	const replacements = new Map(decisions.sourceReplacements.map((entry) => [entry.url, entry]));
	const rows = researchRows
		.filter((row) => !excluded.has(row.id))
		.map((row) => {
			const replacement = replacements.get(row.source_url.trim());
			return {
				...row,
				round_key: ImportDecisions.roundKeyRenames[row.round_key] ?? row.round_key,
				...(replacement && {
					source_url: replacement.original_url,
					source_outlet: replacement.outlet,
					source_published: replacement.published_on,
					source_language: replacement.language
				})
			};
		});

	// Sources: one per distinct URL. A page imported before keeps its id; a new one gets the next free number.
	const sourceIdByUrl = new Map<string, string>();
	const sources: CsvRecord[] = [];
	const nextSourceId = idAllocator('s', previous.sourceIdByUrl.values());
	for (const row of rows) {
		const url = row.source_url.trim();
		if (sourceIdByUrl.has(url)) {
			const existing = sources.find((source) => source.url === url);
			if (existing && existing.published_on === '' && row.source_published)
				existing.published_on = row.source_published;
			continue;
		}
		const id = previous.sourceIdByUrl.get(url) ?? nextSourceId();
		sourceIdByUrl.set(url, id);
		const override = decisions.sourceOverrides.find((entry) => entry.url === url);
		sources.push({
			id,
			url,
			outlet: row.source_outlet.trim(),
			title: '',
			published_on: row.source_published.trim(),
			accessed_on: '',
			kind: sourceKindForUrl(url),
			language: row.source_language.trim(),
			archive_url: '',
			reliability: override?.reliability ?? domainReliability(url, decisions.sourceDomains) ?? 'other_outlet',
			note: override?.note ?? ''
		});
	}

	// Rounds: research keys of events, after the structural decisions.
	const powDates = new Set(
		rows.filter((row) => keySuffix(row.round_key) === 'pow').map((row) => keyDate(row.round_key))
	);
	const parentByStageKey = new Map<string, string>();
	for (const agreement of ImportDecisions.agreements) {
		for (const key of agreement.stageKeys) parentByStageKey.set(key, agreement.id);
	}
	const termRowAgreement = new Map<string, string>();
	for (const agreement of ImportDecisions.agreements) {
		for (const rowId of agreement.termRowIds) termRowAgreement.set(rowId, agreement.id);
	}

	/** The round key a row's event belongs to, after merging same-day civilian keys into the exchange. */
	function eventKeyFor(row: ResearchRow): string | null {
		const suffix = keySuffix(row.round_key);
		if (roundKindByKeySuffix[suffix] === undefined) throw new Error(`${row.id}: unknown round key ${row.round_key}`);
		if (roundKindByKeySuffix[suffix] === null) return null;
		if (suffix === 'civ' && powDates.has(keyDate(row.round_key)) && !parentByStageKey.has(row.round_key)) {
			return `${keyDate(row.round_key)}-pow`;
		}
		return row.round_key;
	}

	function roundKindForKey(key: string): RoundKind {
		const suffix = keySuffix(key);
		// A civilian stage of an exchange agreement is part of that exchange.
		if (suffix === 'civ' && parentByStageKey.has(key)) return 'pow_exchange';
		return roundKindByKeySuffix[suffix] as RoundKind;
	}

	const roundIdByKey = new Map<string, string>();
	const rowsByEventKey = new Map<string, ResearchRow[]>();
	for (const row of rows) {
		const key = eventKeyFor(row);
		if (key === null) continue;
		const list = rowsByEventKey.get(key) ?? [];
		list.push(row);
		rowsByEventKey.set(key, list);
	}
	const rounds: CsvRecord[] = [];
	for (const agreement of ImportDecisions.agreements) {
		const stageDates = agreement.stageKeys.map(keyDate).sort();
		const mediators = new Set<string>();
		for (const key of agreement.stageKeys) {
			for (const row of rowsByEventKey.get(key) ?? []) {
				if (row.mediator !== 'none' && row.mediator !== 'unknown') mediators.add(row.mediator);
			}
		}
		const numberedRow = agreement.stageKeys
			.flatMap((key) => rowsByEventKey.get(key) ?? [])
			.find((row) => ImportDecisions.agreementExchangeNumbers.includes(row.id as never));
		const agreementNumber = numberedRow ? kyivExchangeNumber(numberedRow) : null;
		rounds.push({
			id: agreement.id,
			date: agreement.date,
			end_date: stageDates[stageDates.length - 1] ?? '',
			kind: 'agreement',
			kyiv_exchange_number: agreementNumber === null ? '' : String(agreementNumber),
			mediators: [...mediators].sort().join(';'),
			parent_id: '',
			summary: agreement.summary
		});
	}
	for (const [key, eventRows] of [...rowsByEventKey.entries()].sort(([a], [b]) => a.localeCompare(b))) {
		const kind = roundKindForKey(key);
		const id = `${keyDate(key)}-${roundIdSuffix[kind]}`;
		roundIdByKey.set(key, id);
		const mediators = new Set<string>();
		let exchangeNumber: number | null = null;
		for (const row of eventRows) {
			if (row.mediator !== 'none' && row.mediator !== 'unknown') mediators.add(row.mediator);
			if (!ImportDecisions.agreementExchangeNumbers.includes(row.id as never))
				exchangeNumber ??= kyivExchangeNumber(row);
		}
		const headline =
			eventRows.find((row) => row.reporter_side === 'ukraine' && row.direction === 'to_ukraine' && row.number !== '') ??
			eventRows.find((row) => row.number !== '') ??
			eventRows[0];
		rounds.push({
			id,
			date: keyDate(key),
			end_date: '',
			kind,
			kyiv_exchange_number: String(ImportDecisions.exchangeNumbersInWords[key] ?? exchangeNumber ?? ''),
			mediators: [...mediators].sort().join(';'),
			parent_id: parentByStageKey.get(key) ?? '',
			summary: summaryFor(kind, headline)
		});
	}
	rounds.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || (a.id ?? '').localeCompare(b.id ?? ''));

	// Claims: group research rows by statement identity.
	const pending = new Map<string, PendingClaim>();
	const identityOf = new Map<string, string>();
	// A row merged by decision joins its target's statement, so targets are grouped first.
	const grouped = [...rows.filter((row) => !mergeInto.has(row.id)), ...rows.filter((row) => mergeInto.has(row.id))];
	for (const row of grouped) {
		const key = eventKeyFor(row);
		const agreementId = termRowAgreement.get(row.id) ?? null;
		const roundId = agreementId ?? (key === null ? null : (roundIdByKey.get(key) ?? null));
		const roundKind = key === null ? null : roundKindForKey(key);
		const counted =
			(recoded(row.id, 'counted') as Counted | undefined) ?? countedForRow(row, agreementId ? 'agreement' : roundKind);
		const statement = statementForRow(row, roundId);
		const side = (recoded(row.id, 'claimant_side') as ClaimantSide | undefined) ?? sideBySide[row.reporter_side];
		if (!side) throw new Error(`${row.id}: unknown reporter side ${row.reporter_side}`);
		const claimant = recoded(row.id, 'claimant') ?? canonicalClaimant(row.reporter);
		const number = row.number.trim();
		const qualifier = number === '' ? '' : ((row.qualifier || 'exact') as Qualifier);
		// Statements outside rounds are told apart by their day; within a round the event is the anchor.
		const anchor = roundId ?? `day:${row.event_date}`;
		const merge = mergeInto.get(row.id);
		const target = merge ? identityOf.get(merge.into) : undefined;
		if (merge && target === undefined) throw new Error(`${row.id}: merge target ${merge.into} is not imported`);
		const identity = target ?? [anchor, claimant, side, statement, counted, number, qualifier].join('|');
		identityOf.set(row.id, identity);
		const sourceId = sourceIdByUrl.get(row.source_url.trim()) as string;
		const existing = pending.get(identity);
		if (existing) {
			if (!existing.sourceIds.includes(sourceId)) existing.sourceIds.push(sourceId);
			const note = withholdNames(row.note);
			if (note && !existing.notes.includes(note)) existing.notes.push(note);
			if (row.event_date < existing.statedOn) existing.statedOn = row.event_date;
			existing.researchIds.push(row.id);
			continue;
		}
		pending.set(identity, {
			roundId,
			statedOn: row.event_date,
			claimant,
			side,
			statement,
			counted,
			countedDetail:
				recoded(row.id, 'counted_detail') ?? withholdNames(row.counted.replace(/^\[[^\]]*\]\s*/, '').trim()),
			number,
			qualifier,
			sourceIds: [sourceId],
			notes: row.note ? [withholdNames(row.note)] : [],
			researchIds: [row.id],
			respondsToResearchId: ImportDecisions.responses[row.id] ?? null
		});
	}

	// A claim lists its sources primary or major first: the claimant's channel, major outlets, other outlets, copies.
	const rank = new Map(sources.map((source) => [source.id, reliabilityRank.indexOf(source.reliability as never)]));
	for (const claim of pending.values()) {
		claim.sourceIds = claim.sourceIds
			.map((id, position) => ({ id, position }))
			.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0) || a.position - b.position)
			.map(({ id }) => id);
	}

	const ordered = [...pending.values()].sort(
		(a, b) =>
			a.statedOn.localeCompare(b.statedOn) ||
			(a.roundId ?? '').localeCompare(b.roundId ?? '') ||
			a.counted.localeCompare(b.counted) ||
			a.side.localeCompare(b.side) ||
			a.claimant.localeCompare(b.claimant) ||
			a.number.localeCompare(b.number)
	);
	// A statement imported before keeps its id (ids are permanent); a new one gets the next free number.
	const claims: CsvRecord[] = [];
	const claimIdByResearchId = new Map<string, string>();
	const usedClaimIds = new Set<string>();
	const nextClaimId = idAllocator('c', previous.claimIdByResearchId.values());
	const idOfClaim = new Map<PendingClaim, string>();
	for (const claim of ordered) {
		const kept = claim.researchIds
			.map((researchId) => previous.claimIdByResearchId.get(researchId))
			.find((id): id is string => id !== undefined && !usedClaimIds.has(id));
		if (kept) {
			usedClaimIds.add(kept);
			idOfClaim.set(claim, kept);
		}
	}
	for (const claim of ordered) {
		if (!idOfClaim.has(claim)) idOfClaim.set(claim, nextClaimId());
		for (const researchId of claim.researchIds) claimIdByResearchId.set(researchId, idOfClaim.get(claim) as string);
	}
	// A name with no row in decisions/claimant-names.csv is left without a claimant id, which the build refuses.
	const claimantIds = new Map(decisions.claimantNames.map((entry) => [entry.claimant, entry.claimant_id]));
	ordered.forEach((claim) => {
		const id = idOfClaim.get(claim) as string;
		claims.push({
			id,
			round_id: claim.roundId ?? '',
			stated_on: claim.statedOn,
			claimant: claim.claimant,
			claimant_id: claimantIds.get(claim.claimant) ?? '',
			claimant_side: claim.side,
			statement: claim.statement,
			counted: claim.counted,
			counted_detail: claim.countedDetail,
			number: claim.number,
			qualifier: claim.qualifier,
			source_ids: claim.sourceIds.join(';'),
			responds_to: claim.respondsToResearchId ? (claimIdByResearchId.get(claim.respondsToResearchId) ?? '') : '',
			note: publicNote(id, claim.notes.join(' '), decisions)
		});
		claim.researchIds.forEach((researchId, position) => {
			const row = rows.find((candidate) => candidate.id === researchId) as ResearchRow;
			log.push({
				research_id: researchId,
				claim_id: id,
				source_id: sourceIdByUrl.get(row.source_url.trim()) as string,
				action: position === 0 ? 'imported' : 'merged',
				reason:
					position === 0
						? 'first page found for this statement'
						: mergeInto.has(researchId)
							? `same statement as ${claim.researchIds[0]} by editorial decision: ${mergeInto.get(researchId)?.reason}`
							: `same statement as ${claim.researchIds[0]} (same claimant, round or day, thing counted, number and qualifier): added as a further source`
			});
		});
	});
	log.sort((a, b) => (a.research_id ?? '').localeCompare(b.research_id ?? ''));
	sources.sort((a, b) => (a.id ?? '').localeCompare(b.id ?? ''));
	claims.sort((a, b) => (a.id ?? '').localeCompare(b.id ?? ''));
	return { sources, rounds, claims, log };
}

/**
 * A claim's public note: the research notes with the rewrite rules applied (they turn the researchers' working
 * words into plain editorial English), unless the note was written afresh for that claim.
 */
export function publicNote(claimId: string, researchNote: string, decisions: EditorialDecisions): string {
	const rewritten = decisions.notes.find((entry) => entry.claim_id === claimId);
	if (rewritten) return rewritten.note;
	let note = researchNote;
	for (const rule of decisions.noteRules) note = note.replace(new RegExp(rule.pattern, 'g'), rule.replacement);
	note = note
		.replace(/\s{2,}/g, ' ')
		.replace(/\s+([.,;)])/g, '$1')
		.trim();
	// A rule that takes away the start of a note leaves its rest in lower case.
	return note.charAt(0).toUpperCase() + note.slice(1);
}

/** The ids given by an earlier import, which a new import keeps so that permalinks never change. */
export interface PreviousImport {
	claimIdByResearchId: Map<string, string>;
	sourceIdByUrl: Map<string, string>;
}

const emptyPrevious: PreviousImport = { claimIdByResearchId: new Map(), sourceIdByUrl: new Map() };

/** Reads the ids of an earlier import from its import log and sources file. */
export function previousImport(log: readonly CsvRecord[], sources: readonly CsvRecord[]): PreviousImport {
	return {
		claimIdByResearchId: new Map(log.map((entry) => [entry.research_id ?? '', entry.claim_id ?? ''])),
		sourceIdByUrl: new Map(sources.map((source) => [source.url ?? '', source.id ?? '']))
	};
}

/** Hands out `prefix` + a zero-padded number, starting after the highest number already taken. */
function idAllocator(prefix: string, taken: Iterable<string>): () => string {
	let highest = 0;
	for (const id of taken) highest = Math.max(highest, Number(id.slice(prefix.length)) || 0);
	return () => `${prefix}${String(++highest).padStart(4, '0')}`;
}

/** A one-line summary in our own words, built from the research description of the headline figure. */
function summaryFor(kind: RoundKind, headline: ResearchRow | undefined): string {
	const label: Record<RoundKind, string> = {
		pow_exchange: 'Prisoner exchange',
		bodies_repatriation: 'Repatriation of bodies',
		civilian_release: 'Release of civilians',
		agreement: 'Agreement'
	};
	const detail = headline ? withholdNames(headline.counted.replace(/^\[[^\]]*\]\s*/, '').trim()) : '';
	return detail ? `${label[kind]}: ${detail}.` : `${label[kind]}.`;
}
