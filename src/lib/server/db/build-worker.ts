// The worker thread that builds a decision's dataset (see build-thread.ts): the build's CPU stays off the server's event loop.
import { parentPort } from 'node:worker_threads';
import { buildFlushed, lowerThreadPriority, type BuildRequest, type BuildReply } from './build-thread';

if (!parentPort) throw new Error('build-worker.ts runs as a worker thread (see build-thread.ts)');
const port = parentPort;
// Readers come first on the shared cores: this thread builds with what they leave (see `lowerThreadPriority`).
lowerThreadPriority();
// One build at a time, in the order asked; the parsed files of data/ stay in this thread between builds.
port.on('message', ({ id, options }: BuildRequest) => {
	let reply: BuildReply;
	try {
		reply = { id, result: buildFlushed(options) };
	} catch (error) {
		reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
	}
	port.postMessage(reply);
});
