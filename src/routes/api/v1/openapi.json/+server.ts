// GET /api/v1/openapi.json (and /uk/…, /ru/…): the OpenAPI description of the read API, described in the address's language.
import { apiResponse } from '$lib/server/api/responses';
import { openApiDocument } from '$lib/server/api/openapi';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => apiResponse(openApiDocument(url.origin, getLocale()));
