// The thread `data:build` derives on: the stored rounds, charts and verdicts, into a copy of the file being built (see build.ts).
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { writeDerivations } from './build';

if (!parentPort) throw new Error('derive-worker.ts runs as a worker thread (see build-cli.ts)');
// One file to derive into, then the thread ends (its end is what the build waits for).
parentPort.once('message', ({ path }: { path: string }) => {
	const db = new Database(path);
	try {
		// A private copy, read by the build once this thread ends and then deleted: no journal, no synced writes.
		db.pragma('journal_mode = OFF');
		db.pragma('synchronous = OFF');
		db.transaction(() => {
			for (const step of writeDerivations(db)) void step;
		})();
	} finally {
		db.close();
	}
});
