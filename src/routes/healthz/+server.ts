// GET /healthz: the dataset's version and the state database's status as JSON; 200 when healthy, 503 when not; never cached.
import { json } from '@sveltejs/kit';
import { version } from '$app/environment';
import { checkHealth } from '$lib/server/db/health';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => {
	const health = checkHealth();
	return json(
		{ ...health, app_version: version },
		{ status: health.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
