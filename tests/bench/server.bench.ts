// Benchmarks of the server's slow paths on the real dataset: publishing an approval (and reads meanwhile), search, chart PNGs.
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { chartNames } from '../../src/lib/charts/catalog';
import { toMatchExpression } from '../../src/lib/domain/search-text';
import { addMaintainer } from '../../src/lib/server/auth/maintainers';
import { chartImageSvg } from '../../src/lib/server/images/charts';
import { approveCorrection } from '../../src/lib/server/corrections/review';
import { buildDataset } from '../../src/lib/server/db/build';
import { getDataset, openDataset } from '../../src/lib/server/db/dataset';
import { namedDrawing, overviewCharts } from '../../src/lib/server/db/queries/charts';
import { datasetInfo } from '../../src/lib/server/db/queries/rounds';
import { searchDataset } from '../../src/lib/server/db/queries/search';
import { getState } from '../../src/lib/server/db/state';
import { svgToPng } from '../../src/lib/server/images/render';
import { buildInto, FIXED_TODAY, realDataDir, temporaryDir } from '../helpers/dataset';
import { suggestClaimChange } from '../helpers/suggestions';

const db = openDataset(buildInto(realDataDir));
const outPath = join(temporaryDir(), 'dataset.sqlite');

/** A server's published dataset and state database over the real data/, with a reviewer. */
const instanceDir = temporaryDir();
const target = { dataDir: realDataDir, outPath: join(instanceDir, 'dataset.sqlite'), today: FIXED_TODAY };
Object.assign(process.env, { DATASET_DB_PATH: target.outPath, STATE_DB_PATH: join(instanceDir, 'state.sqlite') });
buildDataset(target);
const state = getState();
const reviewer = await addMaintainer(state, 'alice', 'correct horse battery', new Date('2026-05-01T10:00:00Z'));

let suggestions = 0;
/** Suggests a new note for one claim (against the value published now) and approves it: one whole publication. */
async function suggestAndApprove(): Promise<void> {
	suggestions += 1;
	const correctionId = suggestClaimChange(state, {
		recordId: 'c0002',
		field: 'note',
		value: `Benchmark note ${suggestions}.`,
		reason: 'Benchmark.',
		now: new Date(0)
	});
	const context = { maintainerId: reviewer.id, reason: 'Benchmark.', now: new Date(0), singleMaintainer: false };
	const decided = await approveCorrection(state, target, correctionId, context);
	if (!decided.ok) throw new Error(decided.message);
}

/** A reader's request as the server meets it: queued behind whatever the event loop is doing, then a query. */
const medinsky = toMatchExpression('Medinsky') ?? '';
const read = () =>
	new Promise<void>((resolve) =>
		setImmediate(() => {
			searchDataset(getDataset(), medinsky, { page: 1 });
			resolve();
		})
	);

/**
 * One publication at a time: a suggestion is made against the value published now, so it must wait for the approval
 * before it (the benchmark runner may start a background loop while an earlier approval is still publishing).
 */
let publishing: Promise<void> = Promise.resolve();
function approveOne(): Promise<void> {
	const next = publishing.then(suggestAndApprove);
	publishing = next.catch(() => undefined);
	return next;
}

/** Approvals one after another in the background while a benchmark runs. */
let approving: Promise<void> | null = null;
let stopApproving = false;
async function approveContinuously(): Promise<void> {
	while (!stopApproving) {
		await approveOne();
		// The next approval is another request: readers queued meanwhile get their turn first.
		await new Promise((resolve) => setImmediate(resolve));
	}
}

describe('publishing', () => {
	// Validate data/ with the corrections, write and index a new file (parsed files and name checks are reused).
	bench('build the real dataset', () => {
		const result = buildDataset({ dataDir: realDataDir, outPath, today: FIXED_TODAY });
		if (!result.ok) throw new Error(result.errors.join('\n'));
	});
	// What a maintainer waits for: suggest, plan, build in steps, commit, rename.
	bench('suggest and approve a correction', approveOne);
});

describe('reads during approvals', () => {
	bench('a read, nothing being published', read);
	// The same read while approvals are published back to back: the wait is how long a build holds the event loop.
	bench('a read while approvals are published', read, {
		time: 3000,
		setup: () => {
			stopApproving = false;
			approving = approveContinuously();
		},
		teardown: async () => {
			stopApproving = true;
			await approving;
		}
	});
});

describe('search', () => {
	for (const query of ['Medinsky', '1,200', '23 May 2025', 'UAE mediation 2025', 'Мединского', '23 травня 2025']) {
		const match = toMatchExpression(query) ?? '';
		bench(`"${query}"`, () => {
			searchDataset(db, match, { page: 1 });
		});
	}
});

describe('chart images', () => {
	const charts = overviewCharts(db);
	const context = { origin: 'https://example.org', dataset: datasetInfo(db) };
	for (const name of chartNames) {
		const svg = chartImageSvg(namedDrawing(charts, name), context);
		// Unmemoised: the cost of the first request for a chart after a new dataset version.
		bench(`${name}.png`, () => {
			svgToPng(svg);
		});
	}
});
