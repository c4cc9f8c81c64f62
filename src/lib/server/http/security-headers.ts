// The security headers every response carries, set in one place (the outermost hook); pages' CSP comes from kit.csp.
/** Embeds are made to be framed by any site; everything else may not be framed at all. */
export function isEmbedRoute(routeId: string | null): boolean {
	return routeId !== null && routeId.startsWith('/embed/');
}

/**
 * The policy for responses that are not rendered pages (API JSON, downloads, images, feeds, plain-text errors): they
 * load nothing, so nothing is allowed. SvelteKit's static error page has an inline style, hence `style-src`.
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

/**
 * Adds the security headers to a response and returns it (or a copy, when its headers are immutable).
 * A 304 carries no CSP: the browser keeps the one stored with the page, which a different policy would replace.
 */
export function withSecurityHeaders(response: Response, routeId: string | null, https: boolean): Response {
	let headers = response.headers;
	try {
		headers.set('x-content-type-options', 'nosniff');
	} catch {
		response = new Response(response.body, response);
		headers = response.headers;
	}
	for (const [name, value] of COMMON_HEADERS) headers.set(name, value);
	if (https) headers.set('strict-transport-security', HSTS);
	const frameAncestors = isEmbedRoute(routeId) ? '*' : "'none'";
	const csp = headers.get('content-security-policy');
	if (csp) {
		headers.set('content-security-policy', csp.replace(/frame-ancestors [^;]*/, `frame-ancestors ${frameAncestors}`));
	} else if (response.status !== 304) {
		headers.set('content-security-policy', `${NON_PAGE_CSP}; frame-ancestors ${frameAncestors}`);
	}
	return response;
}
