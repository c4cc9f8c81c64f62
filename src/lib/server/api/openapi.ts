// The OpenAPI 3.1 description of the read API in one language: response schemas generated from the same zod schemas
// as the downloads; paths, names and enum values the same in every language, the descriptions from the catalog.
import { z } from 'zod';
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { localHref } from '../../i18n/addresses';
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
	TrackRecordExport,
	apiListEnvelope
} from '../../schemas/exports';
import { API_LIMIT_DEFAULT, API_LIMIT_MAX } from '../../schemas/api-paging';
import { confirmationStatuses } from '../../domain/confirmation';
import { roundSorts } from '../../schemas/round-filters';
import { statementSorts } from '../../schemas/statement-filters';
import { roundKinds, statementKinds } from '../../schemas/vocabulary';

/** The fields described beyond their name, by field name (each name means one thing wherever it appears). */
const fieldDescriptions: Record<string, (locale: Locale) => string> = {
	mediators: (locale) => m.openapi_field_mediators({}, { locale }),
	mediators_uk: (locale) => m.openapi_field_mediators_uk({}, { locale }),
	mediators_ru: (locale) => m.openapi_field_mediators_ru({}, { locale }),
	summary_uk: (locale) => m.openapi_field_summary_uk({}, { locale }),
	summary_ru: (locale) => m.openapi_field_summary_ru({}, { locale }),
	claimant: (locale) => m.openapi_field_claimant({}, { locale }),
	claimant_id: (locale) => m.openapi_field_claimant_id({ page: '/claimants/{claimant_id}' }, { locale }),
	claimant_name: (locale) => m.openapi_field_claimant_name({}, { locale }),
	claimant_name_uk: (locale) => m.openapi_field_claimant_name_uk({}, { locale }),
	claimant_name_ru: (locale) => m.openapi_field_claimant_name_ru({}, { locale }),
	counted_detail: (locale) => m.openapi_field_counted_detail({}, { locale }),
	counted_detail_uk: (locale) => m.openapi_field_counted_detail_uk({}, { locale }),
	counted_detail_ru: (locale) => m.openapi_field_counted_detail_ru({}, { locale }),
	verdict: (locale) =>
		m.openapi_field_verdict(
			{ section: m.method_statements_heading({}, { locale }), page: localHref('/methodology#statements', locale) },
			{ locale }
		),
	verdict_text: (locale) => m.openapi_field_verdict_text({}, { locale }),
	name_uk: (locale) => m.openapi_field_name_uk({}, { locale }),
	name_ru: (locale) => m.openapi_field_name_ru({}, { locale }),
	role_uk: (locale) => m.openapi_field_role_uk({}, { locale }),
	role_ru: (locale) => m.openapi_field_role_ru({}, { locale }),
	organisation_uk: (locale) => m.openapi_field_organisation_uk({}, { locale }),
	organisation_ru: (locale) => m.openapi_field_organisation_ru({}, { locale }),
	outcome: (locale) => m.openapi_field_outcome({}, { locale }),
	other_figures: (locale) => m.openapi_field_other_figures({}, { locale })
};

/**
 * The described fields of each kind of row, in `locale`, as the API documentation page lists them: by the schema and
 * property they are found under in the document.
 */
export function describedFieldGroups(
	locale: Locale
): { rows: string; fields: { name: string; description: string }[] }[] {
	const rowsOf: [string, z.ZodObject][] = [
		['RoundList.rows', RoundExport],
		['ClaimList.rows', ClaimExport],
		['ClaimantList.rows', ClaimantExport],
		['ClaimantDetail.track_record', TrackRecordExport]
	];
	return rowsOf.map(([rows, schema]) => ({
		rows,
		fields: Object.keys(schema.shape).flatMap((name) => {
			const describe = fieldDescriptions[name];
			return describe ? [{ name, description: describe(locale) }] : [];
		})
	}));
}

/** Sets each described property's description in `locale`, at any depth of a JSON Schema. */
function describeFields(node: unknown, locale: Locale): void {
	if (Array.isArray(node)) return node.forEach((item) => describeFields(item, locale));
	if (!node || typeof node !== 'object') return;
	const properties = (node as { properties?: Record<string, Record<string, unknown>> }).properties;
	for (const [name, property] of Object.entries(properties ?? {})) {
		const describe = fieldDescriptions[name];
		if (describe) property.description = describe(locale);
	}
	for (const value of Object.values(node)) describeFields(value, locale);
}

/** A zod schema as an OpenAPI component (JSON Schema 2020-12 without its `$schema` line), its fields described in `locale`. */
function component(schema: z.ZodType, locale: Locale) {
	const { $schema: _dialect, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
	describeFields(rest, locale);
	return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function jsonResponse(description: string, schema: object) {
	return { description, content: { 'application/json': { schema } } };
}

function queryParameter(name: string, description: string, schema: object) {
	return { name, in: 'query', required: false, description, schema };
}

function pathParameter(description: string, example: string) {
	return { name: 'id', in: 'path', required: true, description, schema: { type: 'string' }, example };
}

/**
 * The OpenAPI document served at /api/v1/openapi.json (English), /uk/api/v1/openapi.json and /ru/api/v1/openapi.json:
 * the same document but for its descriptions. The API's answers themselves have one address and are the same in every
 * language.
 */
export function openApiDocument(serverUrl: string, locale: Locale) {
	const t = { locale };
	const badQuery = jsonResponse(m.openapi_response_bad_query({}, t), ref('ApiError'));
	/** Every list is answered a page at a time, so that no answer grows with the dataset. */
	const pagingParameters = [
		queryParameter('limit', m.openapi_param_limit({ max: String(API_LIMIT_MAX) }, t), {
			type: 'integer',
			minimum: 1,
			maximum: API_LIMIT_MAX,
			default: API_LIMIT_DEFAULT
		}),
		queryParameter('cursor', m.openapi_param_cursor({}, t), { type: 'string' })
	];
	const yearParameter = queryParameter('year', m.openapi_param_year({}, t), { type: 'integer', minimum: 2022 });
	/** The filters of /rounds, which /totals takes too. */
	const roundFilterParameters = [
		yearParameter,
		queryParameter('kind', m.openapi_param_kind({}, t), { enum: roundKinds.filter((kind) => kind !== 'agreement') }),
		queryParameter('status', m.openapi_param_status({}, t), { enum: [...confirmationStatuses] }),
		queryParameter('mediator', m.openapi_param_mediator({}, t), { type: 'string' })
	];
	return {
		openapi: '3.1.0',
		info: {
			title: m.openapi_title({}, t),
			version: '1',
			description: m.openapi_description({ max: String(API_LIMIT_MAX) }, t)
		},
		servers: [{ url: `${serverUrl}/api/v1` }],
		paths: {
			'/rounds': {
				get: {
					summary: m.openapi_rounds_summary({}, t),
					parameters: [
						...roundFilterParameters,
						queryParameter('sort', m.openapi_param_sort({}, t), { enum: [...roundSorts], default: 'date_desc' }),
						...pagingParameters
					],
					responses: { 200: jsonResponse(m.openapi_response_rounds({}, t), ref('RoundList')), 400: badQuery }
				}
			},
			'/rounds/{id}': {
				get: {
					summary: m.openapi_round_summary({}, t),
					parameters: [pathParameter(m.openapi_param_round_id({}, t), '2024-12-30-exchange')],
					responses: {
						200: jsonResponse(m.openapi_response_round({}, t), ref('RoundDetail')),
						400: jsonResponse(m.openapi_response_not_round_id({}, t), ref('ApiError')),
						404: jsonResponse(m.openapi_response_no_round({}, t), ref('ApiError')),
						410: jsonResponse(m.openapi_response_round_removed({}, t), ref('ApiError'))
					}
				}
			},
			'/claims': {
				get: {
					summary: m.openapi_claims_summary({}, t),
					parameters: [
						yearParameter,
						queryParameter('statement', m.openapi_param_statement({}, t), {
							enum: statementKinds.filter((kind) => kind !== 'report')
						}),
						queryParameter('claimant', m.openapi_param_claimant({}, t), { type: 'string' }),
						queryParameter('sort', m.openapi_param_sort({}, t), { enum: [...statementSorts], default: 'date_desc' }),
						...pagingParameters
					],
					responses: { 200: jsonResponse(m.openapi_response_claims({}, t), ref('ClaimList')), 400: badQuery }
				}
			},
			'/claimants': {
				get: {
					summary: m.openapi_claimants_summary({}, t),
					parameters: pagingParameters,
					responses: { 200: jsonResponse(m.openapi_response_claimants({}, t), ref('ClaimantList')), 400: badQuery }
				}
			},
			'/claimants/{id}': {
				get: {
					summary: m.openapi_claimant_summary({}, t),
					parameters: [pathParameter(m.openapi_param_claimant_id({}, t), 'k-medinsky')],
					responses: {
						200: jsonResponse(m.openapi_response_claimant({}, t), ref('ClaimantDetail')),
						400: jsonResponse(m.openapi_response_not_claimant_id({}, t), ref('ApiError')),
						404: jsonResponse(m.openapi_response_no_claimant({}, t), ref('ApiError'))
					}
				}
			},
			'/sources': {
				get: {
					summary: m.openapi_sources_summary({}, t),
					parameters: pagingParameters,
					responses: { 200: jsonResponse(m.openapi_response_sources({}, t), ref('SourceList')), 400: badQuery }
				}
			},
			'/totals': {
				get: {
					summary: m.openapi_totals_summary({}, t),
					parameters: roundFilterParameters,
					responses: { 200: jsonResponse(m.openapi_response_totals({}, t), ref('Totals')) }
				}
			}
		},
		components: {
			schemas: {
				RoundList: component(apiListEnvelope(RoundExport).extend({ totals: TotalsExport }), locale),
				RoundDetail: component(RoundDetailResponse, locale),
				ClaimList: component(apiListEnvelope(ClaimExport), locale),
				SourceList: component(apiListEnvelope(SourceExport), locale),
				ClaimantList: component(apiListEnvelope(ClaimantExport), locale),
				ClaimantDetail: component(ClaimantDetailResponse, locale),
				Totals: component(TotalsResponse, locale),
				ApiError: component(ApiError, locale)
			}
		}
	};
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
