// The instance's health for monitors: the published dataset's version and the state database's status, no secrets.
import { latestRevision } from '../corrections/review';
import { getDataset } from './dataset';
import { migrations } from './migrations';
import { datasetInfo } from './queries/rounds';
import { getState } from './state';

export interface Health {
	status: 'ok' | 'unhealthy';
	dataset: { version: string; revision: number; built_on: string; latest_date: string } | null;
	state: {
		reachable: boolean;
		migration: number | null;
		latest_migration: number;
		quick_check: string | null;
		revision: number | null;
	};
	/** What is wrong, in fixed words: never an error message, which could name paths or values. */
	problems: string[];
}

/**
 * Opens both databases as a request would. Healthy means: the dataset opens, the state database opens at this
 * application's latest migration and passes SQLite's quick check, and the dataset was published from its latest revision.
 */
export function checkHealth(): Health {
	const problems: string[] = [];
	let dataset: Health['dataset'] = null;
	try {
		const info = datasetInfo(getDataset());
		dataset = { version: info.version, revision: info.revision, built_on: info.builtOn, latest_date: info.latestDate };
	} catch {
		problems.push('the published dataset cannot be opened');
	}
	const state: Health['state'] = {
		reachable: false,
		migration: null,
		latest_migration: migrations.length,
		quick_check: null,
		revision: null
	};
	try {
		const db = getState();
		state.reachable = true;
		state.migration = db.pragma('user_version', { simple: true }) as number;
		state.quick_check = String(db.pragma('quick_check', { simple: true }));
		state.revision = latestRevision(db);
	} catch {
		problems.push('the state database cannot be opened or read');
	}
	if (state.reachable && state.migration !== migrations.length) {
		problems.push('the state database is not at the latest migration');
	}
	if (state.quick_check !== null && state.quick_check !== 'ok')
		problems.push('the state database fails its quick check');
	if (dataset && state.revision !== null && dataset.revision !== state.revision) {
		problems.push('the published dataset is not built from the latest revision');
	}
	return { status: problems.length === 0 ? 'ok' : 'unhealthy', dataset, state, problems };
}
