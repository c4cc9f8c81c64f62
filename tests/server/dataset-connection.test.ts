// The shared dataset connection after a rebuild renames a new file over the published one.
import { copyFileSync, readdirSync, readlinkSync, renameSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildDataset } from '../../src/lib/server/db/build';
import { getDataset } from '../../src/lib/server/db/dataset';
import { FIXED_TODAY, fixtureDir, temporaryDir } from '../helpers/dataset';

/** The files this process holds open under `dir`, by the names their descriptors give ("… (deleted)" once unlinked). */
function openFilesUnder(dir: string): string[] {
	return readdirSync('/proc/self/fd')
		.map((fd) => {
			try {
				return readlinkSync(join('/proc/self/fd', fd));
			} catch {
				return '';
			}
		})
		.filter((target) => target.startsWith(dir));
}

describe.runIf(process.platform === 'linux')('getDataset after a rebuild', () => {
	const dir = temporaryDir();
	const outPath = join(dir, 'dataset.sqlite');
	const previousPath = process.env.DATASET_DB_PATH;
	afterAll(() => {
		process.env.DATASET_DB_PATH = previousPath;
	});

	it('opens the new file and lets go of every descriptor of the replaced one', async () => {
		const built = buildDataset({ dataDir: fixtureDir('valid-data'), outPath, today: FIXED_TODAY });
		expect(built.ok).toBe(true);
		process.env.DATASET_DB_PATH = outPath;
		const first = getDataset();
		expect(first.prepare('SELECT count(*) AS n FROM claims').get()).toMatchObject({ n: expect.any(Number) });
		// A rebuild: a new file renamed over the published one (its modification time differs).
		const staged = `${outPath}.staged`;
		copyFileSync(outPath, staged);
		first.prepare("SELECT value FROM meta WHERE key = 'revision'").get();
		utimesSync(staged, new Date('2026-06-02T00:00:00Z'), new Date('2026-06-02T00:00:00Z'));
		renameSync(staged, outPath);
		expect(openFilesUnder(dir).filter((name) => name.endsWith('(deleted)')).length).toBeGreaterThan(0);

		const second = getDataset();
		expect(second).not.toBe(first);
		expect(first.open).toBe(false);
		expect(second.open).toBe(true);
		// The replaced file's last descriptor is closed off this thread; once it is, nothing holds the old file.
		await vi.waitFor(() => expect(openFilesUnder(dir).filter((name) => name.endsWith('(deleted)'))).toEqual([]));
		// The new file stays open (the connection and the descriptor beside it), and is not reopened on the next call.
		expect(openFilesUnder(dir).filter((name) => name === outPath).length).toBeGreaterThanOrEqual(2);
		expect(getDataset()).toBe(second);
	});
});
