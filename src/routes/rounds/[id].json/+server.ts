// GET /rounds/{id}.json: the round page's JSON twin, with the same fields as the downloads (410 for a removed id).
import { getDataset } from '$lib/server/db/dataset';
import { recordJsonResponse } from '$lib/server/api/record-json';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) =>
	recordJsonResponse(getDataset(), 'round', params.id, url.origin);
