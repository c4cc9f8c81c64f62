// The security headers every response carries, set in one place: the production server entry, as each response's head is written.
import { STATUS_CODES, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';

/**
 * The policy for responses that are not rendered pages (API JSON, downloads, images, feeds, static files, plain-text
 * errors): they load nothing, so nothing is allowed. SvelteKit's static error page has an inline style, hence
 * `style-src`. Pages bring their own policy (kit.csp, with the hashes of their inline scripts).
 */
const NON_PAGE_CSP =
	"default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const COMMON_HEADERS: [string, string][] = [
	['x-content-type-options', 'nosniff'],
	['referrer-policy', 'strict-origin-when-cross-origin'],
	['permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()']
];

/** HSTS for a year, sent only over HTTPS (browsers ignore it over HTTP, and a local run must stay reachable). */
const HSTS = 'max-age=31536000; includeSubDomains';

/** What the headers depend on: the status, the policy the response already has (a page's), and where it is served. */
export interface ResponseFacts {
	status: number;
	csp: string | null;
	/** An embed, which any site may frame. */
	embed: boolean;
	https: boolean;
}

/**
 * The security headers a response leaves with. A page's own policy keeps its directives and gets the right
 * `frame-ancestors`; every other response gets the non-page policy. A 304 carries no CSP: the browser keeps the one
 * stored with the page, which a different policy would replace.
 */
export function securityHeaders({ status, csp, embed, https }: ResponseFacts): [string, string][] {
	const headers = [...COMMON_HEADERS];
	if (https) headers.push(['strict-transport-security', HSTS]);
	const frameAncestors = `frame-ancestors ${embed ? '*' : "'none'"}`;
	if (csp) headers.push(['content-security-policy', csp.replace(/frame-ancestors [^;]*/, frameAncestors)]);
	else if (status !== 304) headers.push(['content-security-policy', `${NON_PAGE_CSP}; ${frameAncestors}`]);
	return headers;
}

/**
 * Makes `response` add the security headers when its head is written, whoever writes it: SvelteKit's pages and
 * endpoints, its own redirects and refusals, the static files, the page-cache hits. Every head goes through
 * `writeHead` (an implicit head too), so headers given to it are set first and then completed.
 */
export function secureResponse(response: ServerResponse, where: { embed: boolean; https: boolean }): void {
	// Called with the status and reason alone: the headers are set on the response by then.
	const writeHead = response.writeHead as (this: ServerResponse, status: number, reason?: string) => ServerResponse;
	response.writeHead = function (
		this: ServerResponse,
		status: number,
		reasonOrHeaders?: string | OutgoingHttpHeaders | OutgoingHttpHeaders[keyof OutgoingHttpHeaders][],
		maybeHeaders?: OutgoingHttpHeaders | OutgoingHttpHeaders[keyof OutgoingHttpHeaders][]
	) {
		const reason = typeof reasonOrHeaders === 'string' ? reasonOrHeaders : undefined;
		const given = typeof reasonOrHeaders === 'string' ? maybeHeaders : reasonOrHeaders;
		if (Array.isArray(given)) {
			// Node's raw form: [name, value, name, value…] or [[name, value]…].
			const flat = given.flat();
			for (let i = 0; i + 1 < flat.length; i += 2) this.appendHeader(String(flat[i]), String(flat[i + 1]));
		} else if (given) {
			for (const [name, value] of Object.entries(given)) if (value !== undefined) this.setHeader(name, value);
		}
		const csp = this.getHeader('content-security-policy');
		for (const [name, value] of securityHeaders({ status, csp: typeof csp === 'string' ? csp : null, ...where })) {
			this.setHeader(name, value);
		}
		return writeHead.call(this, status, reason);
	} as ServerResponse['writeHead'];
}

/** The statuses Node answers a request it cannot parse with (its own `clientError` default), by parser error. */
const CLIENT_ERROR_STATUS: Record<string, number> = {
	HPE_HEADER_OVERFLOW: 431,
	HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
	ERR_HTTP_REQUEST_TIMEOUT: 408
};

/**
 * The raw answer to a request Node's parser refuses before any handler sees it (a malformed request line, headers too
 * large): Node's own status and `Connection: close`, with the security headers every other response carries.
 */
export function clientErrorAnswer(code: string | undefined, https: boolean): string {
	const status = CLIENT_ERROR_STATUS[code ?? ''] ?? 400;
	const headers = securityHeaders({ status, csp: null, embed: false, https })
		.map(([name, value]) => `${name}: ${value}\r\n`)
		.join('');
	return `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${headers}Connection: close\r\n\r\n`;
}
