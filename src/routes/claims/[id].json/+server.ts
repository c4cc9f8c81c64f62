// GET /claims/{id}.json: the claim page's JSON twin, with the same fields as the downloads (410 for a removed id).
import { getDataset } from '$lib/server/db/dataset';
import { recordJsonResponse } from '$lib/server/api/record-json';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) =>
	recordJsonResponse(getDataset(), 'claim', params.id, url.origin);
