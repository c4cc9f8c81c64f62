// GET /api/v1/openapi.json: the OpenAPI description of the read API.
import { apiResponse } from '$lib/server/api';
import { openApiDocument } from '$lib/server/openapi';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => apiResponse(openApiDocument(url.origin));
