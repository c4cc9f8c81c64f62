// Queries over rounds and their claims: the rounds list with derived figures, and the totals per direction.
import type { ClaimantSide, Counted, Qualifier, RoundKind, StatementKind } from '../../../schemas/vocabulary';
import {
	combinedCounted,
	countedFor,
	directions,
	headlinePopulation,
	roundFigures,
	totalsByDirection,
	type ClaimFigure,
	type Population
} from '../../../domain/round-figures';
import { totalsByYear } from '../../../domain/year-totals';
import type { MediatorWords, Speaker } from '../../../format/data-words';
import type { DatasetDatabase } from '../dataset';
import { speakerNameColumns, speakerOf } from './claims';
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
}

const statements = preparedFor((db) => ({
	rounds: db.prepare<[], RoundRecord>(
		`SELECT r.id, r.date, r.end_date, r.kind, r.kyiv_exchange_number, r.parent_id, r.summary, r.summary_uk, r.summary_ru,
		        (SELECT group_concat(mediator, ';') FROM (SELECT mediator FROM round_mediators m WHERE m.round_id = r.id ORDER BY position)) AS mediators,
		        (SELECT group_concat(name_uk, ';') FROM (SELECT n.name_uk FROM round_mediators m JOIN mediators n ON n.name = m.mediator
		                                                  WHERE m.round_id = r.id ORDER BY m.position)) AS mediators_uk,
		        (SELECT group_concat(name_ru, ';') FROM (SELECT n.name_ru FROM round_mediators m JOIN mediators n ON n.name = m.mediator
		                                                  WHERE m.round_id = r.id ORDER BY m.position)) AS mediators_ru
		   FROM rounds r
		  ORDER BY r.date DESC, r.id DESC`
	),
	roundClaims: db.prepare<[], ClaimRecord>(
		`SELECT c.id, c.round_id, c.claimant, ${speakerNameColumns}, c.claimant_side, c.statement, c.counted, c.number, c.qualifier,
		        NOT EXISTS (SELECT 1 FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
		                     WHERE cs.claim_id = c.id AND s.reliability <> 'copy') AS only_copies
		   FROM claims c WHERE c.round_id IS NOT NULL ORDER BY c.round_id, c.id`
	),
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

/** Every round, newest first, with each direction's figures and derived status (computed once per dataset). */
export const listRounds = memoizedFor((db: DatasetDatabase): RoundListItem[] => {
	const { rounds, roundClaims } = statements(db);
	const claimsByRound = new Map<string, ClaimFigure[]>();
	for (const claim of roundClaims.all()) {
		const list = claimsByRound.get(claim.round_id) ?? [];
		list.push({
			id: claim.id,
			...speakerOf(claim),
			claimantSide: claim.claimant_side,
			statement: claim.statement,
			counted: claim.counted,
			number: claim.number,
			qualifier: claim.qualifier,
			onlyCopies: claim.only_copies === 1
		});
		claimsByRound.set(claim.round_id, list);
	}
	return rounds.all().map((round) => {
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
});

/**
 * Totals per population and direction over the given rounds. Those of every round (the list `listRounds` keeps per
 * dataset) are computed once: the overview, the headline and an unfiltered /rounds all show them.
 */
export function totalsOf(rounds: readonly RoundListItem[]) {
	let totals = totalsOfList.get(rounds);
	if (!totals) totalsOfList.set(rounds, (totals = totalsByDirection(rounds)));
	return totals;
}
const totalsOfList = new WeakMap<readonly RoundListItem[], ReturnType<typeof totalsByDirection>>();

/**
 * Whether a selection of rounds leaves any out. Without a filter, the totals of the selection are those of every round
 * (agreements count in no total), kept per dataset by `totalsOf`.
 */
export function isFiltered(filters: { year?: number; kind?: string; status?: string; mediator?: string }): boolean {
	return [filters.year, filters.kind, filters.status, filters.mediator].some((value) => value !== undefined);
}

/** The totals of each year per direction (/years), computed once per dataset. */
export const yearTotals = memoizedFor((db: DatasetDatabase) => totalsByYear(listRounds(db)));

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
	return listRounds(db).find((round) => round.id === id) ?? null;
}

/** The stages of an agreement, oldest first. */
export function stagesOf(db: DatasetDatabase, agreementId: string): RoundListItem[] {
	return listRounds(db)
		.filter((round) => round.parentId === agreementId)
		.reverse();
}

/** The events just before and after a round in time (agreements are not events of their own). */
export function neighboursOf(
	db: DatasetDatabase,
	id: string
): { previous: RoundListItem | null; next: RoundListItem | null } {
	const events = listRounds(db).filter((round) => round.kind !== 'agreement');
	const index = events.findIndex((round) => round.id === id);
	if (index === -1) return { previous: null, next: null };
	// The list is newest first.
	return { previous: events[index + 1] ?? null, next: events[index - 1] ?? null };
}
