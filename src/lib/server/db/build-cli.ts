// Command line for the dataset build: `npm run data:build` (always) or `--if-stale` (only when missing, older than data/, or written by an older build).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildDay, dataDir, datasetDbPath } from '../config';
import { buildDataset, datasetFiles } from './build';
import { openDataset } from './dataset';
import { DATASET_SCHEMA_VERSION } from './schema';

const outPath = datasetDbPath();
const sourceDir = dataDir();

/** The schema version a built file records; 0 for a file written before versions were recorded. */
function builtSchemaVersion(): number {
	const db = openDataset(outPath);
	try {
		const row = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema_version'").get();
		return Number(row?.value ?? 0);
	} finally {
		db.close();
	}
}

/** True when the database is missing, was written by an older build, or any dataset file changed after it was built. */
function isStale(): boolean {
	if (!existsSync(outPath) || builtSchemaVersion() !== DATASET_SCHEMA_VERSION) return true;
	const builtAt = statSync(outPath).mtimeMs;
	const inputs = readdirSync(sourceDir).filter((name) => Object.values(datasetFiles).includes(name as never));
	return inputs.some((name) => statSync(join(sourceDir, name)).mtimeMs > builtAt);
}

if (process.argv.includes('--if-stale') && !isStale()) {
	console.log(`dataset is up to date: ${outPath}`);
	process.exit(0);
}

const result = buildDataset({ dataDir: sourceDir, outPath, today: buildDay() });
if (!result.ok) {
	for (const error of result.errors) console.error(error);
	console.error(
		`\n${result.errors.length} problem(s) in ${sourceDir}; the dataset was not built and ${outPath} is unchanged.`
	);
	process.exit(1);
}
const { counts } = result;
console.log(`built ${outPath}`);
console.log(
	`  sources ${counts.sources}, rounds ${counts.rounds}, claims ${counts.claims}, claim-source links ${counts.claimSources}`
);
console.log(`  content hash ${result.contentHash} (dataset version ${result.datasetVersion})`);
