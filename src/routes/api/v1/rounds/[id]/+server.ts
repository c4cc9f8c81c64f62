// GET /api/v1/rounds/{id}: one round with its derived figures and every claim about it (410 for a removed id).
import { getDataset } from '$lib/server/db/dataset';
import { recordJsonResponse } from '$lib/server/api/record-json';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) =>
	recordJsonResponse(getDataset(), 'round', params.id, url.origin);
