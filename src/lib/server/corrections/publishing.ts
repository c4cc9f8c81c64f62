// The published dataset's location for decisions made on the server, from the environment.
import { buildDay, dataDir, datasetDbPath } from '../config';
import type { PublishTarget } from './review';

/** data/, the published SQLite file, and today's date for the build's future-date check. */
export function publishTarget(): PublishTarget {
	return { dataDir: dataDir(), outPath: datasetDbPath(), today: buildDay() };
}
