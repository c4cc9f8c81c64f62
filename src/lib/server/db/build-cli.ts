// Command line for the dataset build: `npm run data:build` (always) or `--if-stale` (only when missing, older than data/, or written by an older build).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildDay, dataDir, datasetDbPath, stateDbPath } from '../config/environment';
import { isPublished } from '../corrections/publishing';
import { acceptedEdits, latestRevision, recordConflictsAfterBuild, tombstonesOfReverts } from '../corrections/review';
import { buildDatasetInSteps, datasetFiles, REMOVED_FILE } from './build';
import { openDataset } from './dataset';
import { DATASET_SCHEMA_VERSION } from './schema';
import { getState } from './state';

const outPath = datasetDbPath();
const sourceDir = dataDir();

/** Accepted corrections are part of the published dataset; without a state database there are none. */
const state = existsSync(stateDbPath()) ? getState() : null;
const revision = state ? latestRevision(state) : 0;

/** A value the built file records in its meta table ('' when it has none). */
function builtMeta(key: string): string {
	const db = openDataset(outPath);
	try {
		return db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key)?.value ?? '';
	} finally {
		db.close();
	}
}

/**
 * True when the database is missing, was written by an older build, any dataset file changed after it was built,
 * or a correction was decided since (the revision or the accepted corrections it records differ from the state database).
 */
function isStale(): boolean {
	if (!existsSync(outPath) || Number(builtMeta('schema_version') || 0) !== DATASET_SCHEMA_VERSION) return true;
	const builtAt = statSync(outPath).mtimeMs;
	const inputs = readdirSync(sourceDir).filter(
		(name) => Object.values(datasetFiles).includes(name as never) || name === REMOVED_FILE
	);
	return (
		inputs.some((name) => statSync(join(sourceDir, name)).mtimeMs > builtAt) ||
		(state ? !isPublished(state, outPath) : Number(builtMeta('revision') || -1) !== revision)
	);
}

if (process.argv.includes('--if-stale') && !isStale()) {
	console.log(`dataset is up to date: ${outPath}`);
	process.exit(0);
}

/**
 * Dataset files larger than this in all are derived on a second thread: the thread costs about 0.3 s of CPU and 70 MB
 * to start, more than deriving takes for data/ as it is (about 0.6 MB of CSV, 0.1 s), less than at ten times that.
 * `--second-thread` uses it whatever the size.
 */
const SECOND_THREAD_BYTES = 4_000_000;
const dataBytes = Object.values(datasetFiles)
	.map((name) => join(sourceDir, name))
	.reduce((sum, path) => sum + (existsSync(path) ? statSync(path).size : 0), 0);

/**
 * The derivations on the machine's other core, while this thread writes the search index (see `deriveElsewhere`), by
 * the bundle's derive-worker.mjs beside this one (see run-build-cli.js), started now so that it has loaded by the time
 * the records are written. Run by tsx (as some tests do), this file has no bundle beside it, and a worker thread could
 * not load the TypeScript: the build then derives on this thread.
 */
const deriver =
	import.meta.url.endsWith('.mjs') && (dataBytes > SECOND_THREAD_BYTES || process.argv.includes('--second-thread'))
		? new Worker(new URL('./derive-worker.mjs', import.meta.url))
		: null;
// Idle, it does not keep the process alive (a build that finds a problem never asks it for anything).
deriver?.unref();
const deriveElsewhere =
	deriver &&
	((path: string) =>
		new Promise<void>((resolve, reject) => {
			deriver.ref();
			deriver.on('error', reject);
			deriver.on('exit', (code) =>
				code === 0 ? resolve() : reject(new Error(`the derivations' thread stopped with exit code ${code}`))
			);
			deriver.postMessage({ path });
		}));

const result = await buildDatasetInSteps({
	deriveElsewhere: deriveElsewhere ?? undefined,
	dataDir: sourceDir,
	outPath,
	today: buildDay(),
	edits: state ? acceptedEdits(state) : [],
	revision,
	removedByCorrections: state ? tombstonesOfReverts(state) : []
});
if (state) recordConflictsAfterBuild(state, result.edits);
for (const outcome of result.edits.filter((edit) => edit.result === 'conflict')) {
	console.warn(`correction #${outcome.correctionId} was not applied (flagged for review): ${outcome.detail}`);
}
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
	`  sources ${counts.sources}, rounds ${counts.rounds}, claimants ${counts.claimants}, claims ${counts.claims}, claim-source links ${counts.claimSources}`
);
console.log(`  content hash ${result.contentHash} (dataset version ${result.datasetVersion})`);
if (state) {
	const applied = result.edits.filter((edit) => edit.result === 'applied').length;
	console.log(`  with ${applied} accepted correction edit(s) applied, up to revision ${revision}`);
}
