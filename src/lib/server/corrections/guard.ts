// Abuse limits on the suggestion form: a request-body size limit and a per-client rate limit answered with 429.
import { RateLimiter } from '../auth/rate-limit';
import { countInputs } from '../../format/figures';
import { m } from '../../paraglide/messages.js';
import { requestedAction } from '../http/form-actions';

/** A suggestion is a few fields of text: 32 KiB is generous, and far below adapter-node's own limit. */
export const MAX_SUGGESTION_BYTES = 32 * 1024;
/**
 * Suggestions per client address per hour: SUGGESTIONS_PER_HOUR, 10 by default. A value that is not a whole number
 * from 1 to 10,000 stops the server, because a limit silently left off would invite a flood.
 */
export function suggestionsPerHour(value = process.env.SUGGESTIONS_PER_HOUR): number {
	if (value === undefined || value === '') return 10;
	if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 10_000) {
		throw new Error(`SUGGESTIONS_PER_HOUR must be a whole number from 1 to 10000, not ${JSON.stringify(value)}`);
	}
	return Number(value);
}
export const SUGGESTIONS_PER_HOUR = suggestionsPerHour();

const suggestionsPerClient = new RateLimiter(SUGGESTIONS_PER_HOUR, 60 * 60 * 1000);

/**
 * Refuses a suggestion that is too large (413) or comes too often from one client (429 with Retry-After);
 * returns null when it may go on. A missing Content-Length is measured by reading a copy of the body.
 */
export async function guardSuggestion(
	request: Request,
	client: string,
	now: number,
	limiter: RateLimiter = suggestionsPerClient
): Promise<Response | null> {
	const declared = Number(request.headers.get('content-length') ?? NaN);
	const size = Number.isFinite(declared) ? declared : (await request.clone().arrayBuffer()).byteLength;
	if (size > MAX_SUGGESTION_BYTES) {
		return new Response(m.suggestion_too_large({ kib: String(MAX_SUGGESTION_BYTES / 1024) }), {
			status: 413,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	// "Add another statement" on the exchange form stores nothing: it is not a suggestion, so it is not counted.
	if (requestedAction(new URL(request.url)).name === 'add') return null;
	const decision = limiter.hit(client, now);
	if (!decision.allowed) {
		return new Response(m.suggestion_rate_limited(countInputs(Math.ceil(decision.retryAfterSeconds / 60))), {
			status: 429,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(decision.retryAfterSeconds) }
		});
	}
	return null;
}
