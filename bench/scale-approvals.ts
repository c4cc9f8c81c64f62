// Part of `npm run bench:scale`: approvals on one synthetic dataset (its CSV folder), with a reader probing meanwhile; writes JSON.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { addMaintainer } from '../src/lib/server/auth/maintainers';
import { approveCorrection } from '../src/lib/server/corrections/review';
import { buildOffThread, stopBuildWorker } from '../src/lib/server/db/build-thread';
import { registerBuildWorker } from '../src/lib/server/db/build-worker-script';
import { getDataset } from '../src/lib/server/db/dataset';
import { searchDataset } from '../src/lib/server/db/queries/search';
import { toMatchExpression } from '../src/lib/domain/search-text';
import { getState } from '../src/lib/server/db/state';
import { suggestClaimChange } from '../tests/helpers/suggestions';

const [csvDir, out, count, change = 'note', workerScript] = process.argv.slice(2);
if (!csvDir || !out || !['note', 'number'].includes(change))
	throw new Error('usage: scale-approvals.ts <csv dir> <out.json> [approvals] [note|number] [build/build-worker.js]');
const folder = mkdtempSync(join(tmpdir(), 'pem-bench-approvals-'));
const target = {
	dataDir: csvDir,
	outPath: join(folder, 'dataset.sqlite'),
	today: process.env.DATASET_TODAY ?? '2026-11-29'
};
Object.assign(process.env, { DATASET_DB_PATH: target.outPath, STATE_DB_PATH: join(folder, 'state.sqlite') });
// As the production server does, approvals build on a worker thread: the production build's script when named (what
// a server starts), else the TypeScript source compiled by tsx, whose compiling adds about 1–2 s and tsx's own memory
// to the first approval. The first build runs there too, so that this thread's memory is what a server's is; the
// worker is stopped after it, so the first approval starts one, as after a server's start.
registerBuildWorker({
	path: workerScript ? resolve(workerScript) : new URL('../tests/helpers/build-worker.mjs', import.meta.url).pathname
});
// BENCH_DATASET: a file `data:build` made of the same CSV folder, copied instead of built (the runs then differ only
// in what they measure, and skip a build of a minute or more on a loaded machine).
if (process.env.BENCH_DATASET) copyFileSync(process.env.BENCH_DATASET, target.outPath);
else {
	const built = await buildOffThread(target);
	if (!built.ok) throw new Error(built.errors.slice(0, 5).join('\n'));
	stopBuildWorker();
}
const state = getState();
const reviewer = await addMaintainer(state, 'alice', 'correct horse battery', new Date('2026-05-01T10:00:00Z'));

const medinsky = toMatchExpression('Medinsky') ?? '';

/** A reader every 5 ms: the time from when it was due to when its query (a search) is done. */
function probe(): { stop: () => number[] } {
	const waits: number[] = [];
	let stopped = false;
	const tick = () => {
		const due = performance.now();
		setImmediate(() => {
			searchDataset(getDataset(), medinsky, { page: 1 });
			waits.push(performance.now() - due);
			if (!stopped) setTimeout(tick, 5);
		});
	};
	tick();
	return {
		stop: () => {
			stopped = true;
			return waits;
		}
	};
}
const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.99) - 1] ?? NaN;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN;

/** This process's resident memory (every thread), now and at its peak since the last `resetPeak`, in MB. */
function memory(): { rss: number; peak: number } {
	const status = readFileSync('/proc/self/status', 'utf8');
	const mb = (key: string) => Math.round(Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024);
	return { rss: mb('VmRSS'), peak: mb('VmHWM') };
}
/** Starts the peak over from now (Linux: writing 5 to clear_refs resets VmHWM). */
const resetPeak = () => writeFileSync('/proc/self/clear_refs', '5');
const settle = () => new Promise((done) => setTimeout(done, 1000));

await settle();
const before = memory();
resetPeak();
const idle = probe();
await new Promise((done) => setTimeout(done, 2000));
const readP99Idle = p99(idle.stop());

const during = probe();
const times: number[] = [];
// Whether each approval's dataset was written into a copy of the published file (else built whole).
const incremental: boolean[] = [];
// The process's CPU time (every thread: the worker's build, this thread's decision and the reader's searches).
const cpu: number[] = [];
for (let index = 1; index <= Number(count ?? 3); index += 1) {
	const started = performance.now();
	const startedCpu = process.cpuUsage();
	const correctionId = suggestClaimChange(state, {
		recordId: 'c0002',
		// A note moves nothing derived; a figure moves its round's figures, the verdicts that read it and the charts.
		...(change === 'note'
			? { field: 'note', value: `Benchmark note ${index}.` }
			: { field: 'number', value: String(200 + index) }),
		reason: 'Benchmark.',
		now: new Date(0)
	});
	const context = { maintainerId: reviewer.id, reason: 'Benchmark.', now: new Date(0), singleMaintainer: false };
	const decided = await approveCorrection(state, target, correctionId, context);
	if (!decided.ok) throw new Error(decided.message);
	incremental.push(decided.incremental === true);
	times.push(performance.now() - started);
	const used = process.cpuUsage(startedCpu);
	cpu.push((used.user + used.system) / 1000);
}
const readP99During = p99(during.stop());
// The worker is idle and keeps what it parsed until it stops (see build-thread.ts); then its memory is given back.
await settle();
const afterApprovals = memory();
stopBuildWorker();
await settle();
const memoryMb = {
	before: before.rss,
	peakDuring: afterApprovals.peak,
	afterApprovals: afterApprovals.rss,
	afterWorkerStopped: memory().rss
};
// The first approval after start-up reads and checks every file; the next ones reuse what it read (see build.ts).
const [first, ...later] = times;
writeFileSync(
	out,
	JSON.stringify({ first, p50: median(later), times, incremental, cpu, readP99Idle, readP99During, memoryMb })
);
