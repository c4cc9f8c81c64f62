// The security headers as the server entry sets them: the pure rule, and on a real node:http response whoever writes its head.
import { createServer, request, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEmbedPath } from '../../src/lib/server/http/paths';
import { secureResponse, securityHeaders } from '../../src/lib/server/http/security-headers';

const PAGE_CSP = "default-src 'self'; script-src 'self'; frame-ancestors 'none'";

describe('securityHeaders', () => {
	it.each([
		{ name: 'a page keeps its policy', status: 200, csp: PAGE_CSP, embed: false, expected: PAGE_CSP },
		{
			name: 'an embed page may be framed by any site',
			status: 200,
			csp: PAGE_CSP,
			embed: true,
			expected: "default-src 'self'; script-src 'self'; frame-ancestors *"
		},
		{ name: 'anything else gets the policy that allows nothing', status: 404, csp: null, embed: false },
		{ name: 'an embed’s data as well, framed by anyone', status: 200, csp: null, embed: true },
		{ name: 'a 304 carries no policy', status: 304, csp: null, embed: false, expected: null }
	])('$name', ({ status, csp, embed, expected }) => {
		const headers = new Map(securityHeaders({ status, csp, embed, https: false }));
		expect(headers.get('x-content-type-options')).toBe('nosniff');
		expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(headers.get('permissions-policy')).toBe('camera=(), microphone=(), geolocation=(), payment=(), usb=()');
		expect(headers.has('strict-transport-security')).toBe(false);
		const policy = headers.get('content-security-policy') ?? null;
		if (expected !== undefined) expect(policy).toBe(expected);
		else
			expect(policy).toBe(
				`default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors ${embed ? '*' : "'none'"}`
			);
	});

	it('adds HSTS over https only', () => {
		const over = (https: boolean) => new Map(securityHeaders({ status: 200, csp: null, embed: false, https }));
		expect(over(true).get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
		expect(over(false).has('strict-transport-security')).toBe(false);
	});
});

describe('isEmbedPath', () => {
	it.each([
		['/embed/cumulative', true],
		['/%65mbed/cumulative', true],
		['/embed/cumulative/__data.json', true],
		['/embedded', false],
		['/', false],
		['/rounds/%E0%A4%A', false]
	])('%s: %s', (path, embed) => expect(isEmbedPath(path)).toBe(embed));
});

/** Every way Node lets a handler write a response's head. */
const writers: Record<string, (response: ServerResponse) => void> = {
	'setHeader, then end': (response) => {
		response.setHeader('content-type', 'text/plain');
		response.end('x');
	},
	'writeHead with an object': (response) => response.writeHead(404, { 'Content-Type': 'text/plain' }).end('x'),
	'writeHead with a reason and an object': (response) =>
		response.writeHead(308, 'Permanent Redirect', { location: '/rounds' }).end(),
	'writeHead with a raw array': (response) => response.writeHead(200, ['content-type', 'text/plain']).end('x'),
	'a page with its own policy': (response) =>
		response.writeHead(200, { 'content-security-policy': PAGE_CSP, 'content-type': 'text/html' }).end('x'),
	'a 304': (response) => response.writeHead(304).end()
};

let origin = '';
const server = createServer((req, response) => {
	secureResponse(response, { embed: req.url?.startsWith('/embed/') ?? false, https: false });
	writers[decodeURIComponent(req.url?.split('/').at(-1) ?? '')]?.(response);
});
beforeAll(() => new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening)));
beforeAll(() => void (origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`));
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

const head = (path: string) =>
	new Promise<{ status: number; headers: IncomingHttpHeaders }>((done, fail) =>
		request(`${origin}${path}`, (response) => {
			response.resume();
			response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers }));
		})
			.on('error', fail)
			.end()
	);

describe('secureResponse', () => {
	it.each(Object.keys(writers))('%s', async (writer) => {
		for (const prefix of ['/', '/embed/']) {
			const { status, headers } = await head(`${prefix}${encodeURIComponent(writer)}`);
			expect(headers['x-content-type-options']).toBe('nosniff');
			expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
			expect(headers['permissions-policy']).toMatch(/^camera=\(\)/);
			const frame = prefix === '/embed/' ? '*' : "'none'";
			if (status === 304) expect(headers['content-security-policy']).toBeUndefined();
			else
				expect(headers['content-security-policy']).toMatch(new RegExp(`frame-ancestors ${frame.replace('*', '\\*')}$`));
			// What the handler set is kept.
			if (writer.includes('reason')) expect([status, headers.location]).toEqual([308, '/rounds']);
			if (writer.includes('own policy')) expect(headers['content-security-policy']).toMatch(/^default-src 'self'/);
			if (status === 200 && !writer.includes('own policy')) expect(headers['content-type']).toBe('text/plain');
		}
	});
});
