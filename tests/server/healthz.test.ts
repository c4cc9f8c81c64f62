// GET /healthz: the dataset's version and the state database's status, 200 when healthy and 503 when not, no-store.
import { closeSync, copyFileSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/lib/server/db/build';
import { migrations } from '../../src/lib/server/db/migrations';
import { openState } from '../../src/lib/server/db/state';
import { FIXED_TODAY, fixtureDir, temporaryDir } from '../helpers/dataset';

const dir = temporaryDir();
const datasetPath = join(dir, 'dataset.sqlite');
const statePath = join(dir, 'app.sqlite');

let health: () => Response;

beforeAll(async () => {
	const built = buildDataset({ dataDir: fixtureDir('valid-data'), outPath: datasetPath, today: FIXED_TODAY });
	if (!built.ok) throw new Error(built.errors.join('\n'));
	openState(statePath).close();
	health = (await import('../../src/routes/healthz/+server')).GET as unknown as () => Response;
}, 30_000);

/** Points the server at a dataset and a state database, as its environment would. */
function serve(paths: { dataset: string; state: string }) {
	process.env.DATASET_DB_PATH = paths.dataset;
	process.env.STATE_DB_PATH = paths.state;
}

describe('/healthz', () => {
	it('answers 200 with the dataset version, revision, build date and the state database status', async () => {
		serve({ dataset: datasetPath, state: statePath });
		const response = health();
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const body = await response.json();
		expect(body).toEqual({
			status: 'ok',
			app_version: expect.any(String),
			dataset: {
				version: expect.stringMatching(/^[0-9a-f]{12}$/),
				revision: 0,
				built_on: FIXED_TODAY,
				latest_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)
			},
			state: {
				reachable: true,
				migration: migrations.length,
				latest_migration: migrations.length,
				quick_check: 'ok',
				revision: 0
			},
			problems: []
		});
	});

	it.each<{ name: string; setUp: () => { dataset: string; state: string }; problem: string }>([
		{
			name: 'the dataset is missing',
			setUp: () => ({ dataset: join(dir, 'missing.sqlite'), state: statePath }),
			problem: 'the published dataset cannot be opened'
		},
		{
			name: 'the state database is not a database',
			setUp: () => {
				const broken = join(temporaryDir(), 'app.sqlite');
				writeFileSync(broken, 'not a database at all, just some text that is long enough to have a header');
				return { dataset: datasetPath, state: broken };
			},
			problem: 'the state database cannot be opened or read'
		},
		{
			name: 'the dataset was published from another revision than the state holds',
			setUp: () => {
				const ahead = join(temporaryDir(), 'dataset.sqlite');
				const built = buildDataset({
					dataDir: fixtureDir('valid-data'),
					outPath: ahead,
					today: FIXED_TODAY,
					revision: 3
				});
				if (!built.ok) throw new Error(built.errors.join('\n'));
				return { dataset: ahead, state: statePath };
			},
			problem: 'the published dataset is not built from the latest revision'
		},
		{
			name: 'the state database fails its quick check',
			setUp: () => {
				const damaged = join(temporaryDir(), 'app.sqlite');
				copyFileSync(statePath, damaged);
				const db = openState(damaged);
				db.prepare(
					"INSERT INTO maintainers (username, password_hash, created_at) VALUES ('carol', 'x', '2026-05-01')"
				).run();
				const root = db
					.prepare<[], number>("SELECT rootpage FROM sqlite_master WHERE name = 'maintainers'")
					.pluck()
					.get() as number;
				const pageSize = db.pragma('page_size', { simple: true }) as number;
				db.close();
				// The table's first cell pointer (just after the 8-byte leaf page header) now points past the page's end.
				const fd = openSync(damaged, 'r+');
				writeSync(fd, Buffer.from([0xff, 0xff]), 0, 2, (root - 1) * pageSize + 8);
				closeSync(fd);
				return { dataset: datasetPath, state: damaged };
			},
			problem: 'the state database fails its quick check'
		}
	])('answers 503 when $name, naming the problem and no path', async ({ setUp, problem }) => {
		const paths = setUp();
		serve(paths);
		const response = health();
		expect(response.status).toBe(503);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const text = await response.text();
		expect(JSON.parse(text)).toMatchObject({ status: 'unhealthy', problems: [problem] });
		expect(text).not.toContain(dir.slice(0, 8));
		expect(text).not.toContain('sqlite');
	});
});
