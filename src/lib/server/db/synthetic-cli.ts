// Command line: `npm run data:synthetic -- --scale 10` writes a synthetic dataset to a temporary folder and builds it into DATASET_DB_PATH.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { buildDay, dataDir } from '../config/environment';
import { buildDataset } from './build';
import { writeSyntheticDataset } from './synthetic';

const { values } = parseArgs({
	options: {
		scale: { type: 'string', default: '10' },
		seed: { type: 'string', default: '1' },
		out: { type: 'string' },
		keep: { type: 'boolean', default: false }
	}
});
const Options = z.object({
	scale: z.coerce.number().int().min(1).max(1000),
	seed: z.coerce.number().int().min(0)
});
const parsed = Options.safeParse(values);
if (!parsed.success) {
	console.error(`usage: npm run data:synthetic -- --scale N [--seed S] [--out DIR] [--keep]\n${parsed.error.message}`);
	process.exit(2);
}
// The published dataset of a real instance must never be replaced by synthetic rows: the target is always named.
const target = process.env.DATASET_DB_PATH;
if (!target) {
	console.error('set DATASET_DB_PATH to the file the synthetic dataset is built into (never the real one)');
	process.exit(2);
}
const realData = dataDir();
const folder = values.out ? resolve(values.out) : mkdtempSync(join(tmpdir(), 'pem-synthetic-'));
if (!relative(realData, folder).startsWith('..')) {
	console.error(`the synthetic CSV files go outside ${realData}, never into it`);
	process.exit(2);
}

const started = performance.now();
const counts = writeSyntheticDataset({ fromDir: realData, toDir: folder, ...parsed.data });
const written = performance.now();
const result = buildDataset({ dataDir: folder, outPath: resolve(target), today: buildDay() });
const built = performance.now();
if (!values.keep && !values.out) rmSync(folder, { recursive: true, force: true });
if (!result.ok) {
	for (const error of result.errors.slice(0, 20)) console.error(error);
	console.error(`${result.errors.length} problem(s): the synthetic dataset was not built`);
	process.exit(1);
}
console.log(
	`synthetic ×${parsed.data.scale} (seed ${parsed.data.seed}): sources ${counts.sources}, rounds ${counts.rounds}, claims ${counts.claims}`
);
console.log(`  CSV written in ${Math.round(written - started)} ms${values.keep || values.out ? ` to ${folder}` : ''}`);
console.log(
	`  built ${resolve(target)} in ${Math.round(built - written)} ms (dataset version ${result.datasetVersion})`
);
