// The production server (`node build`): adapter-node's handler on node:http, every response secured here, cache hits answered first.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { registerBuildWorker } from '../db/build-worker-script';
import { answerFromCache } from './fast-path';
import { SHUT_DOWN } from './server-thread';
import { isEmbedPath } from './paths';
import { clientErrorAnswer, secureResponse } from './security-headers';

type NodeHandler = (request: IncomingMessage, response: ServerResponse, next?: () => void) => void;

/** Seconds from an environment variable (`name`, `raw`): a non-negative integer, or the fallback when unset. */
function seconds(name: string, raw: string | undefined, fallback?: number): number | undefined {
	if (!raw) return fallback;
	if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a whole number of seconds, not ${JSON.stringify(raw)}`);
	return Number(raw);
}

/**
 * Whether the site is served over HTTPS, decided as adapter-node decides the request's protocol: from ORIGIN when
 * it is set, else from PROTOCOL_HEADER (set by a proxy), else HTTPS.
 */
const origin = process.env.ORIGIN;
const protocolHeader = process.env.PROTOCOL_HEADER?.toLowerCase();
function servedOverHttps(request: IncomingMessage): boolean {
	if (origin) return origin.startsWith('https:');
	const sent = protocolHeader ? request.headers[protocolHeader] : undefined;
	return typeof sent === 'string' ? sent.split(',')[0]?.trim() === 'https' : true;
}

// This file is built next to adapter-node's output (as build/index.js, in place of adapter-node's own server), so its
// handler is beside it; importing it runs the app's `init` hook before the first request.
const here = dirname(fileURLToPath(import.meta.url));
// Decisions build their dataset on this worker thread (bundled beside this file), off the event loop readers need.
registerBuildWorker({ path: join(here, 'build-worker.js') });
const { handler } = (await import(pathToFileURL(join(here, 'handler.js')).href)) as { handler: NodeHandler };

/**
 * The page cache is a shortcut: whatever fails in it (a dataset file of an older schema, say) is logged and the
 * request left to the router, which answers it as any other, instead of the exception ending the process.
 */
function answeredFromCache(
	request: IncomingMessage,
	response: ServerResponse,
	to: Parameters<typeof answerFromCache>[2]
) {
	try {
		return answerFromCache(request, response, to);
	} catch (error) {
		console.error('the page cache could not answer; the router will', error);
		if (!response.headersSent) return false;
		response.destroy();
		return true;
	}
}

const server = createServer((request, response) => {
	const to = { embed: isEmbedPath((request.url ?? '/').split('?')[0] ?? ''), https: servedOverHttps(request) };
	// A hit is written whole, its security headers included; everything else gets them as its head is written.
	if (answeredFromCache(request, response, to)) return;
	secureResponse(response, to);
	handler(request, response);
});

// What Node answers itself, a request it cannot parse, carries the headers too (as Node does, nothing is written
// once a response has begun or the connection is gone).
server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
	const https = origin ? origin.startsWith('https:') : true;
	if (socket.writable && socket.bytesWritten === 0) socket.end(clientErrorAnswer(error.code, https));
	else socket.destroy(error);
});

const keepAlive = seconds('KEEP_ALIVE_TIMEOUT', process.env.KEEP_ALIVE_TIMEOUT);
if (keepAlive !== undefined) server.keepAliveTimeout = keepAlive * 1000;
const headersTimeout = seconds('HEADERS_TIMEOUT', process.env.HEADERS_TIMEOUT);
if (headersTimeout !== undefined) server.headersTimeout = headersTimeout * 1000;

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

/**
 * On SIGTERM or SIGINT, as adapter-node does: stop accepting, let the requests in flight finish (idle keep-alive
 * connections are closed as they become idle), and close whatever is left after SHUTDOWN_TIMEOUT seconds.
 */
let stopping = false;
function shutDown(): void {
	if (stopping) return;
	stopping = true;
	const idle = setInterval(() => server.closeIdleConnections(), 100).unref();
	const timeout = setTimeout(
		() => server.closeAllConnections(),
		(seconds('SHUTDOWN_TIMEOUT', process.env.SHUTDOWN_TIMEOUT, 30) ?? 30) * 1000
	);
	timeout.unref();
	server.close(() => {
		clearInterval(idle);
		clearTimeout(timeout);
	});
	server.closeIdleConnections();
}
process.on('SIGTERM', shutDown);
process.on('SIGINT', shutDown);
// On the entry's thread (node-entry.ts) signals reach the process's main thread, which passes them on.
parentPort?.on('message', (message) => message === SHUT_DOWN && shutDown()).unref();
