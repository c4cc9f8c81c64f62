// GET /api/v1/claimants/{id}: one claimant with their track record and every statement they made.
import { getDataset } from '$lib/server/db/dataset';
import { claimantJsonResponse } from '$lib/server/api/record-json';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => claimantJsonResponse(getDataset(), params.id, url.origin);
