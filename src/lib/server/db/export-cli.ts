// `npm run data:export`: rebuilds the published dataset, then writes it back into data/*.csv for committing to git.
import { existsSync } from 'node:fs';
import { buildDay, dataDir, datasetDbPath, stateDbPath } from '../config/environment';
import { republish } from '../corrections/review';
import { buildDataset } from './build';
import { exportDataset } from './export';
import { getState } from './state';

const target = { dataDir: dataDir(), outPath: datasetDbPath(), today: buildDay() };
const built = existsSync(stateDbPath()) ? republish(getState(), target) : buildDataset(target);
if (!built.ok) {
	for (const error of built.errors) console.error(error);
	console.error('\nThe published dataset could not be built; data/ is unchanged.');
	process.exit(1);
}
const counts = exportDataset(target.outPath, target.dataDir);
console.log(
	`wrote ${target.dataDir}: sources ${counts.source}, rounds ${counts.round}, claims ${counts.claim} (from ${target.outPath})`
);
console.log(
	'Review the diff with `git diff data/` and commit it; accepted corrections now in data/ are not applied twice.'
);
