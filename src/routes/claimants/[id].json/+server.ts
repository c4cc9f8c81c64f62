// GET /claimants/{id}.json: the claimant page's JSON twin: the claimant, their track record and every statement.
import { getDataset } from '$lib/server/db/dataset';
import { claimantJsonResponse } from '$lib/server/api/record-json';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => claimantJsonResponse(getDataset(), params.id, url.origin);
