// The OpenAPI 3.1 description of the read API, with response schemas generated from the same zod schemas as the downloads.
import { z } from 'zod';
import {
	ApiError,
	ClaimantDetailResponse,
	ClaimantExport,
	ClaimExport,
	RoundDetailResponse,
	RoundExport,
	SourceExport,
	TotalsExport,
	TotalsResponse,
	apiListEnvelope
} from '../schemas/exports';
import { API_LIMIT_DEFAULT, API_LIMIT_MAX } from '../schemas/api-paging';
import { confirmationStatuses } from '../domain/confirmation';
import { roundSorts } from '../schemas/round-filters';
import { statementSorts } from '../schemas/statement-filters';
import { roundKinds, statementKinds } from '../schemas/vocabulary';

/** A zod schema as an OpenAPI component (JSON Schema 2020-12 without its `$schema` line). */
function component(schema: z.ZodType) {
	const { $schema: _dialect, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
	return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function jsonResponse(description: string, schema: object) {
	return { description, content: { 'application/json': { schema } } };
}

const badQuery = jsonResponse('An invalid parameter: the message names it.', ref('ApiError'));

function queryParameter(name: string, description: string, schema: object) {
	return { name, in: 'query', required: false, description, schema };
}

/** Every list is answered a page at a time, so that no answer grows with the dataset. */
const pagingParameters = [
	queryParameter('limit', `Rows per answer, at most ${API_LIMIT_MAX}.`, {
		type: 'integer',
		minimum: 1,
		maximum: API_LIMIT_MAX,
		default: API_LIMIT_DEFAULT
	}),
	queryParameter(
		'cursor',
		'Where to go on: the `next_cursor` of the previous answer (null on the last page). A cursor is valid for the dataset version it came with; after a new version, start again without one (400 otherwise).',
		{ type: 'string' }
	)
];

const yearParameter = queryParameter('year', 'Only this year (2022 or later).', { type: 'integer', minimum: 2022 });
/** The filters of /rounds, which /totals takes too. */
const roundFilterParameters = [
	yearParameter,
	queryParameter('kind', 'Kind of round.', { enum: roundKinds.filter((kind) => kind !== 'agreement') }),
	queryParameter('status', 'Derived status in either direction.', { enum: [...confirmationStatuses] }),
	queryParameter('mediator', 'A mediator credited by the sources, e.g. UAE.', { type: 'string' })
];

/** The OpenAPI document served at /api/v1/openapi.json. */
export function openApiDocument(serverUrl: string) {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Prisoner Exchange Monitor read API',
			version: '1',
			description:
				'What each party reported about Russia–Ukraine prisoner exchanges, and what is confirmed. Read-only JSON, the same fields as the .csv/.json downloads; every response names the dataset version, every list is paged (`limit`, at most ' +
				API_LIMIT_MAX +
				', and `cursor`), carries an ETag per version and allows cross-origin reads. Field names are English and stable: they are the data’s schema, whatever the language of the site. The data’s own words come in three languages: a round’s `summary` has `summary_uk` and `summary_ru` beside it and its `mediators` (recorded by their English names) `mediators_uk` and `mediators_ru`, a claimant’s `name_en` has `name_uk` and `name_ru` (and `role_uk`, `role_ru`, `organisation_uk`, `organisation_ru` where there is a role or organisation), a claim’s `claimant_name` has `claimant_name_uk` and `claimant_name_ru`, and its `counted_detail` (what the figure counts) has `counted_detail_uk` and `counted_detail_ru`. Notes and other free text are in English.'
		},
		servers: [{ url: `${serverUrl}/api/v1` }],
		paths: {
			'/rounds': {
				get: {
					summary:
						'Rounds matching the filters, newest first unless sorted otherwise, `limit` at a time, with the totals of all of them per population and direction',
					parameters: [
						...roundFilterParameters,
						queryParameter('sort', 'Order of the rows.', { enum: [...roundSorts], default: 'date_desc' }),
						...pagingParameters
					],
					responses: { 200: jsonResponse('The rounds.', ref('RoundList')), 400: badQuery }
				}
			},
			'/rounds/{id}': {
				get: {
					summary: 'One round with every claim about it',
					parameters: [
						{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, example: '2024-12-30-exchange' }
					],
					responses: {
						200: jsonResponse('The round and its claims.', ref('RoundDetail')),
						400: jsonResponse('Not a round id.', ref('ApiError')),
						404: jsonResponse('No such round.', ref('ApiError')),
						410: jsonResponse(
							'The round was removed; the body gives the reason and, when there is one, the replacement.',
							ref('ApiError')
						)
					}
				}
			},
			'/claims': {
				get: {
					summary: 'Statements outside single rounds: running totals, offers, allegations, rebuttals',
					parameters: [
						yearParameter,
						queryParameter('statement', 'Kind of statement.', {
							enum: statementKinds.filter((kind) => kind !== 'report')
						}),
						queryParameter(
							'claimant',
							'Only this claimant’s statements: a claimant id, e.g. k-medinsky (400 if unknown).',
							{
								type: 'string'
							}
						),
						queryParameter('sort', 'Order of the rows.', { enum: [...statementSorts], default: 'date_desc' }),
						...pagingParameters
					],
					responses: { 200: jsonResponse('The statements.', ref('ClaimList')), 400: badQuery }
				}
			},
			'/claimants': {
				get: {
					summary:
						'Every person and body that stated figures, with their names and statement counts, most statements first',
					parameters: pagingParameters,
					responses: { 200: jsonResponse('The claimants.', ref('ClaimantList')), 400: badQuery }
				}
			},
			'/claimants/{id}': {
				get: {
					summary:
						'One claimant with their track record (each round figure they reported, and whether another side gave the same figure for the same thing) and every statement they made',
					parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, example: 'k-medinsky' }],
					responses: {
						200: jsonResponse('The claimant, their track record and statements.', ref('ClaimantDetail')),
						400: jsonResponse('Not a claimant id.', ref('ApiError')),
						404: jsonResponse('No such claimant.', ref('ApiError'))
					}
				}
			},
			'/sources': {
				get: {
					summary: 'Every source with the number of claims it supports',
					parameters: pagingParameters,
					responses: { 200: jsonResponse('The sources.', ref('SourceList')), 400: badQuery }
				}
			},
			'/totals': {
				get: {
					summary:
						'Totals of the rounds matching the filters (all rounds without any) per population and direction: each party’s own sum, the part stated alike by two sides, and the rounds without a figure',
					parameters: roundFilterParameters,
					responses: { 200: jsonResponse('The totals.', ref('Totals')) }
				}
			}
		},
		components: {
			schemas: {
				RoundList: component(apiListEnvelope(RoundExport).extend({ totals: TotalsExport })),
				RoundDetail: component(RoundDetailResponse),
				ClaimList: component(apiListEnvelope(ClaimExport)),
				SourceList: component(apiListEnvelope(SourceExport)),
				ClaimantList: component(apiListEnvelope(ClaimantExport)),
				ClaimantDetail: component(ClaimantDetailResponse),
				Totals: component(TotalsResponse),
				ApiError: component(ApiError)
			}
		}
	};
}
