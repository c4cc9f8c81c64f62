// The controlled vocabularies of the dataset: one zod enum per coded column, shared by the build, the pages and the tests.
import { z } from 'zod';

/** What kind of page a source is. */
export const sourceKinds = [
	'official_statement',
	'news_report',
	'mediator_statement',
	'international_report',
	'academic',
	'social_post'
] as const;
export const SourceKind = z.enum(sourceKinds);
export type SourceKind = z.infer<typeof SourceKind>;

/**
 * How far a source can be relied on: the claimant's own channel (official site, ministry, verified account), a major
 * outlet with its own reporting or a wire agency, another outlet, or a copy (mirror, aggregator, re-post).
 */
export const sourceReliabilities = ['claimant_channel', 'major_outlet', 'other_outlet', 'copy'] as const;
export const SourceReliability = z.enum(sourceReliabilities);
export type SourceReliability = z.infer<typeof SourceReliability>;

/**
 * What kind of event a round is. An `agreement` is the umbrella over stages carried out on
 * several days (each stage is its own round with `parent_id` pointing at the agreement).
 */
export const roundKinds = ['pow_exchange', 'bodies_repatriation', 'civilian_release', 'agreement'] as const;
export const RoundKind = z.enum(roundKinds);
export type RoundKind = z.infer<typeof RoundKind>;

/** Which side of the war (or which kind of third party) a claimant speaks for. */
export const claimantSides = ['ukraine', 'russia', 'mediator', 'international', 'independent'] as const;
export const ClaimantSide = z.enum(claimantSides);
export type ClaimantSide = z.infer<typeof ClaimantSide>;

/** What kind of statement a claim is. Only `report` claims describe a single round's outcome. */
export const statementKinds = ['report', 'running_total', 'offer', 'allegation', 'rebuttal'] as const;
export const StatementKind = z.enum(statementKinds);
export type StatementKind = z.infer<typeof StatementKind>;

/**
 * What a number counts. `*_each_way` is a figure stated for both directions at once ("390 for 390");
 * `people_both_ways` is the sum of both directions ("780 people exchanged").
 */
export const countedValues = [
	'people_to_ukraine',
	'people_to_russia',
	'people_each_way',
	'people_both_ways',
	'military_each_way',
	'military_to_ukraine',
	'military_to_russia',
	'civilians_to_ukraine',
	'civilians_to_russia',
	'bodies_to_ukraine',
	'bodies_to_russia',
	'bodies_each_way',
	'held_by_russia',
	'held_by_ukraine',
	'other'
] as const;
export const Counted = z.enum(countedValues);
export type Counted = z.infer<typeof Counted>;

/** How a number was qualified by whoever stated it. */
export const qualifiers = ['exact', 'at_least', 'more_than', 'about', 'up_to'] as const;
export const Qualifier = z.enum(qualifiers);
export type Qualifier = z.infer<typeof Qualifier>;
