// /healthz on the production server: healthy, never cached (the page cache's ETag never applies), no secrets.
import { expect, test } from '@playwright/test';

test('/healthz answers 200 with the dataset and state status, and is never cached', async ({ request }) => {
	for (let attempt = 0; attempt < 2; attempt += 1) {
		const response = await request.get('/healthz');
		expect(response.status()).toBe(200);
		expect(response.headers()['cache-control']).toBe('no-store');
		expect(response.headers()['etag']).toBeUndefined();
		expect(response.headers()['x-page-cache']).toBeUndefined();
		const body = await response.json();
		expect(body).toMatchObject({ status: 'ok', state: { reachable: true, quick_check: 'ok' }, problems: [] });
		expect(body.dataset.version).toMatch(/^[0-9a-f]{12}$/);
		expect(JSON.stringify(body)).not.toMatch(/sqlite|password|tests\/\.tmp/);
	}
});
