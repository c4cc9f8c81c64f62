// `npm run db:restore -- <file> [--force]`: replaces the application's database with a checked backup and republishes the dataset from it.
import { resolve } from 'node:path';
import { backupDir, datasetDbPath, stateDbPath } from '../config/environment';
import { publishTarget } from '../corrections/publishing';
import { republish } from '../corrections/review';
import { describeState, restoreState } from './restore';
import { getState } from './state';

const args = process.argv.slice(2);
const files = args.filter((arg) => arg !== '--force');
if (files.length !== 1) {
	console.error('usage: npm run db:restore -- <backup file> [--force]');
	process.exit(2);
}
const backupPath = resolve(files[0] as string);

const statePath = stateDbPath();
const outcome = restoreState({
	backupPath,
	statePath,
	keepDir: backupDir(),
	force: args.includes('--force'),
	now: new Date()
});
if (!outcome.ok) {
	console.error(`not restored: ${outcome.message}; ${statePath} is unchanged.`);
	process.exit(1);
}
console.log(`restored ${backupPath} to ${statePath}: ${describeState(outcome.restored)}`);
if (outcome.migratedFrom < outcome.restored.migration) {
	console.log(`  migrated from migration ${outcome.migratedFrom}`);
}
if (outcome.replaced) console.log(`  it replaced: ${describeState(outcome.replaced)}`);
if (outcome.keptAt) console.log(`  the replaced database is kept at ${outcome.keptAt}`);
console.log('  every maintainer session has ended: maintainers log in again');

// The published dataset is data/ with the restored state's accepted corrections: rebuild it as an approval would.
const published = republish(getState(), publishTarget());
if (!published.ok) {
	for (const error of published.errors) console.error(error);
	console.error(`the state was restored, but ${datasetDbPath()} could not be rebuilt and is unchanged.`);
	process.exit(1);
}
for (const outcome of published.conflicts) {
	console.warn(`correction #${outcome.correctionId} was not applied (flagged for review): ${outcome.detail}`);
}
console.log(`republished ${datasetDbPath()}`);
