// Test helpers: build a dataset from a fixture directory into a fresh temporary file with the real build code.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDataset } from '../../src/lib/server/db/build';

/** A fixed "today" so that the future-date check never depends on the wall clock. */
export const FIXED_TODAY = '2026-06-01';

export const fixtureDir = (name: string) => resolve('tests/fixtures', name);
export const realDataDir = resolve('data');

/** A new empty temporary directory. */
export function temporaryDir(): string {
	return mkdtempSync(join(tmpdir(), 'pem-test-'));
}

/** Builds `dataDir` into a new temporary SQLite file and returns its path; fails the test on any problem. */
export function buildInto(dataDir: string): string {
	const outPath = join(temporaryDir(), 'dataset.sqlite');
	const result = buildDataset({ dataDir, outPath, today: FIXED_TODAY });
	if (!result.ok) throw new Error(`fixture build failed:\n${result.errors.join('\n')}`);
	return outPath;
}
