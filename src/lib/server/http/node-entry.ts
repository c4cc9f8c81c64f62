// The production entry (`node build`): runs the server (node-server.ts) on a thread whose heap is bounded (SERVER_HEAP_MB).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverHeapMb } from '../config/environment';
import { startServerThread } from './server-thread';

const here = dirname(fileURLToPath(import.meta.url));
const { thread, shutDown } = startServerThread(join(here, 'http-server.js'), serverHeapMb());

// Signals reach this thread only: the server is told, and stops as node-server.ts describes.
process.on('SIGTERM', shutDown);
process.on('SIGINT', shutDown);
// A server that fails (its heap exhausted, say) ends the process with a failure, for the supervisor to restart it.
thread.on('error', (error) => {
	console.error('the server stopped:', error);
	process.exitCode = 1;
});
thread.on('exit', (code) => {
	if (code !== 0) process.exitCode = code || 1;
});
