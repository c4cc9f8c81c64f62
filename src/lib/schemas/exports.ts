// The columns of the downloads (.csv and .json twins of the list pages): one zod schema per exported entity.
import { z } from 'zod';
import { verdictKinds } from '../domain/claim-context';
import { confirmationStatuses, figureScopes } from '../domain/confirmation';
import { trackOutcomes } from '../domain/track-record';
import {
	ClaimantSide,
	Counted,
	Qualifier,
	RoundKind,
	SourceKind,
	SourceReliability,
	StatementKind
} from './vocabulary';

const status = z.enum(confirmationStatuses);
const nullableCount = z.number().int().nonnegative().nullable();

/** A round as downloaded: its record, and each direction's figures by party with the derived status. */
export const RoundExport = z.object({
	id: z.string(),
	date: z.string(),
	end_date: z.string().nullable(),
	kind: RoundKind,
	kyiv_exchange_number: z.number().int().positive().nullable(),
	mediators: z.string(),
	mediators_uk: z.string(),
	mediators_ru: z.string(),
	parent_id: z.string().nullable(),
	population: z.enum(['people', 'bodies']),
	kyiv_to_ukraine: nullableCount,
	kyiv_to_ukraine_figure: z.string(),
	moscow_to_ukraine: nullableCount,
	moscow_to_ukraine_figure: z.string(),
	status_to_ukraine: status,
	confirmed_to_ukraine: nullableCount,
	confirmed_scope_to_ukraine: z.enum(figureScopes).nullable(),
	explanation_to_ukraine: z.string(),
	kyiv_to_russia: nullableCount,
	kyiv_to_russia_figure: z.string(),
	moscow_to_russia: nullableCount,
	moscow_to_russia_figure: z.string(),
	status_to_russia: status,
	confirmed_to_russia: nullableCount,
	confirmed_scope_to_russia: z.enum(figureScopes).nullable(),
	explanation_to_russia: z.string(),
	combined_both_ways: z.string(),
	summary: z.string(),
	summary_uk: z.string(),
	summary_ru: z.string(),
	url: z.string()
});
export type RoundExport = z.infer<typeof RoundExport>;

/** A claim as downloaded, with the addresses of its sources and what the record says about it. */
export const ClaimExport = z.object({
	id: z.string(),
	round_id: z.string().nullable(),
	stated_on: z.string(),
	claimant: z.string(),
	claimant_id: z.string(),
	claimant_name: z.string(),
	claimant_name_uk: z.string(),
	claimant_name_ru: z.string(),
	claimant_side: ClaimantSide,
	statement: StatementKind,
	counted: Counted,
	counted_detail: z.string(),
	counted_detail_uk: z.string(),
	counted_detail_ru: z.string(),
	number: nullableCount,
	qualifier: Qualifier.nullable(),
	responds_to: z.string().nullable(),
	source_ids: z.string(),
	source_urls: z.string(),
	only_copies: z.boolean(),
	note: z.string(),
	verdict: z.enum(verdictKinds),
	verdict_text: z.string(),
	url: z.string()
});
export type ClaimExport = z.infer<typeof ClaimExport>;

/** A claimant as listed: who they are, their names, and how many statements the record holds. */
export const ClaimantExport = z.object({
	id: z.string(),
	name_en: z.string(),
	name_uk: z.string(),
	name_ru: z.string(),
	role: z.string().nullable(),
	role_uk: z.string().nullable(),
	role_ru: z.string().nullable(),
	organisation: z.string().nullable(),
	organisation_uk: z.string().nullable(),
	organisation_ru: z.string().nullable(),
	side: ClaimantSide,
	statement_count: z.number().int().nonnegative(),
	first_stated_on: z.string(),
	last_stated_on: z.string(),
	url: z.string()
});
export type ClaimantExport = z.infer<typeof ClaimantExport>;
export const claimantExportColumns = Object.keys(ClaimantExport.shape) as (keyof ClaimantExport)[];

/** One figure of a claimant's track record: a round figure they reported and what the other sides said. */
export const TrackRecordExport = z.object({
	round_id: z.string(),
	round_date: z.string(),
	claim_id: z.string(),
	population: z.enum(['people', 'bodies']),
	direction: z.enum(['to_ukraine', 'to_russia', 'both_ways']),
	scope: z.enum(figureScopes),
	number: z.number().int().nonnegative(),
	qualifier: Qualifier,
	outcome: z.enum(trackOutcomes),
	other_figures: z.array(
		z.object({
			claim_id: z.string(),
			claimant_id: z.string(),
			side: ClaimantSide,
			number: z.number().int().nonnegative(),
			qualifier: Qualifier,
			scope: z.enum(figureScopes),
			direction: z.enum(['to_ukraine', 'to_russia', 'both_ways'])
		})
	)
});
export type TrackRecordExport = z.infer<typeof TrackRecordExport>;

/** The body of /claimants/{id}.json and /api/v1/claimants/{id}: the claimant, their track record and statements. */
export const ClaimantDetailResponse = z.object({
	dataset_version: z.string(),
	claimant: ClaimantExport,
	track_record: z.array(TrackRecordExport),
	claims: z.array(ClaimExport)
});

/** A source as downloaded, with the number of claims it supports. */
export const SourceExport = z.object({
	id: z.string(),
	url: z.string(),
	outlet: z.string(),
	title: z.string().nullable(),
	published_on: z.string().nullable(),
	accessed_on: z.string().nullable(),
	kind: SourceKind,
	language: z.string(),
	archive_url: z.string().nullable(),
	reliability: SourceReliability,
	note: z.string().nullable(),
	claim_count: z.number().int().nonnegative(),
	page: z.string()
});
export type SourceExport = z.infer<typeof SourceExport>;

/** The envelope of every .json download. */
export function exportEnvelope<T extends z.ZodType>(row: T) {
	return z.object({
		dataset_version: z.string(),
		columns: z.array(z.string()),
		filters: z.record(z.string(), z.union([z.string(), z.number()])),
		count: z.number().int().nonnegative(),
		rows: z.array(row)
	});
}

export const roundExportColumns = Object.keys(RoundExport.shape) as (keyof RoundExport)[];
export const claimExportColumns = Object.keys(ClaimExport.shape) as (keyof ClaimExport)[];
export const sourceExportColumns = Object.keys(SourceExport.shape) as (keyof SourceExport)[];

/** One direction's totals, as in /api/v1/totals. */
const DirectionTotalExport = z.object({
	confirmed: z.number().int().nonnegative(),
	confirmedRounds: z.number().int().nonnegative(),
	partlyConfirmedRounds: z.number().int().nonnegative(),
	byParty: z.object({
		ukraine: z.object({ sum: z.number().int().nonnegative(), rounds: z.number().int().nonnegative() }),
		russia: z.object({ sum: z.number().int().nonnegative(), rounds: z.number().int().nonnegative() })
	}),
	roundsWithFigures: z.number().int().nonnegative(),
	rounds: z.number().int().nonnegative(),
	roundsWithoutFigure: z.number().int().nonnegative(),
	roundsCombinedOnly: z.number().int().nonnegative()
});
const PopulationTotalsExport = z.object({ to_ukraine: DirectionTotalExport, to_russia: DirectionTotalExport });
/** The totals of a selection of rounds, per population and direction. */
export const TotalsExport = z.object({ people: PopulationTotalsExport, bodies: PopulationTotalsExport });

/** The body of /api/v1/totals: the totals of the rounds matching the filters of /rounds (all rounds without any). */
export const TotalsResponse = z.object({
	dataset_version: z.string(),
	filters: z.record(z.string(), z.union([z.string(), z.number()])),
	totals: TotalsExport
});

/** The body of /rounds.json and /api/v1/rounds: the rounds, and the totals of all of them. */
export const RoundListResponse = exportEnvelope(RoundExport).extend({ totals: TotalsExport });

/** One row of /totals.csv and /totals.json: one population and direction of the selected rounds. */
export const TotalsRowExport = z.object({
	population: z.enum(['people', 'bodies']),
	direction: z.enum(['to_ukraine', 'to_russia']),
	kyiv_sum: z.number().int().nonnegative(),
	kyiv_rounds: z.number().int().nonnegative(),
	moscow_sum: z.number().int().nonnegative(),
	moscow_rounds: z.number().int().nonnegative(),
	confirmed: z.number().int().nonnegative(),
	confirmed_rounds: z.number().int().nonnegative(),
	partly_confirmed_rounds: z.number().int().nonnegative(),
	rounds: z.number().int().nonnegative(),
	rounds_with_figures: z.number().int().nonnegative(),
	rounds_without_figure: z.number().int().nonnegative(),
	rounds_combined_only: z.number().int().nonnegative()
});
export type TotalsRowExport = z.infer<typeof TotalsRowExport>;
export const totalsExportColumns = Object.keys(TotalsRowExport.shape) as (keyof TotalsRowExport)[];

/** The body of /api/v1/rounds/{id}. */
export const RoundDetailResponse = z.object({
	dataset_version: z.string(),
	round: RoundExport,
	claims: z.array(ClaimExport)
});

/** One claim as its `.json` twin gives it. */
export const ClaimDetailResponse = z.object({
	dataset_version: z.string(),
	claim: ClaimExport
});

/** One source as its `.json` twin gives it, with every claim it supports. */
export const SourceDetailResponse = z.object({
	dataset_version: z.string(),
	source: SourceExport,
	claims: z.array(ClaimExport)
});

/** The body of every error the API answers with. */
export const ApiError = z.object({
	error: z.string(),
	message: z.string(),
	issues: z.array(z.object({ parameter: z.string(), message: z.string() })).optional(),
	/** For a removed record (410): the permalink of the record that replaced it. */
	replaced_by: z.string().optional()
});

/** The envelope of an API list: one page of rows, how many match in all, and the cursor of the next page. */
export function apiListEnvelope<T extends z.ZodType>(row: T) {
	return exportEnvelope(row).extend({
		total: z.number().int().nonnegative(),
		limit: z.number().int().positive(),
		next_cursor: z.string().nullable()
	});
}
