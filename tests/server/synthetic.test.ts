// The synthetic dataset for the scale tests: N times data/, valid for the real build, dates in the past, the same for the same seed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/lib/server/db/build';
import { writeSyntheticDataset } from '../../src/lib/server/db/synthetic';
import { FIXED_TODAY, realDataDir, temporaryDir } from '../helpers/dataset';

function synthetic(scale: number, seed: number) {
	const dir = temporaryDir();
	const counts = writeSyntheticDataset({ fromDir: realDataDir, toDir: dir, scale, seed });
	return { dir, counts };
}

describe('the synthetic dataset', () => {
	const real = buildDataset({ dataDir: realDataDir, outPath: join(temporaryDir(), 'real.sqlite'), today: FIXED_TODAY });
	if (!real.ok) throw new Error(real.errors.join('\n'));
	const { dir, counts } = synthetic(3, 7);
	const outPath = join(temporaryDir(), 'synthetic.sqlite');
	const built = buildDataset({ dataDir: dir, outPath, today: FIXED_TODAY });

	it('passes every check of the real build', () => {
		expect(built.ok ? [] : built.errors).toEqual([]);
	});

	it.each(['sources', 'rounds', 'claims'] as const)('holds three times the real %s', (key) => {
		expect(counts[key]).toBe(real.counts[key] * 3);
		expect(built.ok && built.counts[key]).toBe(real.counts[key] * 3);
	});

	it('moves every copy back in time: no date later than the latest of the real data, none before 2022', () => {
		const db = new Database(outPath, { readonly: true });
		const latestCopy = db
			.prepare<[], { latest: string }>(
				`SELECT max(date) AS latest FROM (
					SELECT date FROM rounds WHERE id LIKE '%-x%' UNION ALL SELECT stated_on FROM claims WHERE id LIKE '%-x%'
				)`
			)
			.get()?.latest;
		const latestReal = db
			.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'latest_date'")
			.get()?.value;
		const earliest = db
			.prepare<[], { earliest: string }>(
				'SELECT min(date) AS earliest FROM (SELECT date FROM rounds UNION ALL SELECT stated_on FROM claims)'
			)
			.get()?.earliest;
		expect(latestCopy! <= latestReal!).toBe(true);
		expect(earliest! >= '2022-01-01').toBe(true);
	});

	it('points the copies at example.org, never at a real page', () => {
		const db = new Database(outPath, { readonly: true });
		const copies = db.prepare<[], { url: string }>("SELECT url FROM sources WHERE id LIKE '%-x%'").all();
		expect(copies.length).toBe(real.counts.sources * 2);
		expect(copies.every(({ url }) => url.startsWith('https://example.org/synthetic/'))).toBe(true);
	});

	it('writes the same files for the same seed, and other figures for another seed', () => {
		const again = synthetic(3, 7);
		const other = synthetic(3, 8);
		const claims = (folder: string) => readFileSync(join(folder, 'claims.csv'), 'utf8');
		expect(claims(again.dir)).toBe(claims(dir));
		expect(claims(other.dir)).not.toBe(claims(dir));
	});

	it('refuses a scale that is not a whole number from 1', () => {
		expect(() => writeSyntheticDataset({ fromDir: realDataDir, toDir: temporaryDir(), scale: 0, seed: 1 })).toThrow(
			/scale/
		);
	});
});
