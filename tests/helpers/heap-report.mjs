// A stand-in for the server under tests/server/server-thread.test.ts: reports its heap bound and that of a worker it starts, and answers the entry's messages.
import { getHeapStatistics } from 'node:v8';
import { parentPort, Worker } from 'node:worker_threads';

const mib = (bytes) => Math.round(bytes / 2 ** 20);
// A worker started by this thread with no limits of its own, as the server starts the build worker.
const nested = new Worker(
	'require("node:worker_threads").parentPort.postMessage(require("node:v8").getHeapStatistics().heap_size_limit)',
	{ eval: true }
);
nested.once('message', (limit) => {
	parentPort.postMessage({ heapLimitMb: mib(getHeapStatistics().heap_size_limit), nestedHeapLimitMb: mib(limit) });
	parentPort.on('message', (message) => parentPort.postMessage({ received: message }));
});
