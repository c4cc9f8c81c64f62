// /api/v1: the read API described for people in the reader's language, from the same OpenAPI document as openapi.json.
import { getLocale } from '$lib/paraglide/runtime.js';
import { describedFieldGroups, openApiDocument } from '$lib/server/api/openapi';
import type { PageServerLoad } from './$types';

/** A working example of each endpoint. */
const EXAMPLES: Record<string, string> = {
	'/rounds': '/api/v1/rounds?year=2025&status=disputed',
	'/rounds/{id}': '/api/v1/rounds/2024-12-30-exchange',
	'/claims': '/api/v1/claims?statement=allegation&year=2025',
	'/claimants': '/api/v1/claimants',
	'/claimants/{id}': '/api/v1/claimants/k-medinsky',
	'/sources': '/api/v1/sources',
	'/totals': '/api/v1/totals'
};

interface Parameter {
	name: string;
	in: string;
	description: string;
	schema: { enum?: readonly string[]; default?: string | number };
}

export const load: PageServerLoad = ({ url }) => {
	const locale = getLocale();
	const document = openApiDocument(url.origin, locale);
	const endpoints = Object.entries(document.paths).map(([path, { get }]) => ({
		path: `/api/v1${path}`,
		summary: get.summary,
		example: EXAMPLES[path] ?? null,
		parameters: (get.parameters as Parameter[]).map((parameter) => ({
			name: parameter.name,
			inPath: parameter.in === 'path',
			description: parameter.description,
			values: parameter.schema.enum ?? null,
			default: parameter.schema.default === undefined ? null : String(parameter.schema.default)
		})),
		responses: Object.entries(get.responses as Record<string, { description: string }>).map(([status, response]) => ({
			status,
			description: response.description
		}))
	}));
	return { endpoints, fieldGroups: describedFieldGroups(locale) };
};
