// A sliding-window counter per key (client address, account): for login throttling and the suggestion form's 429.
export interface RateLimitDecision {
	allowed: boolean;
	/** Seconds until the next attempt would be allowed (0 when allowed). */
	retryAfterSeconds: number;
}

/** Counts events per key over the last `windowMs`; memory is bounded by dropping the stalest keys. */
export class RateLimiter {
	private readonly events = new Map<string, number[]>();

	constructor(
		private readonly limit: number,
		private readonly windowMs: number,
		private readonly maxKeys = 10_000
	) {}

	private recent(key: string, now: number): number[] {
		const kept = (this.events.get(key) ?? []).filter((time) => now - time < this.windowMs);
		if (kept.length === 0) this.events.delete(key);
		else this.events.set(key, kept);
		return kept;
	}

	/** Whether another event is allowed now, without counting one. */
	check(key: string, now: number): RateLimitDecision {
		const recent = this.recent(key, now);
		if (recent.length < this.limit) return { allowed: true, retryAfterSeconds: 0 };
		const oldest = recent[0] ?? now;
		return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) };
	}

	/** Counts one event. */
	record(key: string, now: number): void {
		const recent = this.recent(key, now);
		this.events.delete(key);
		this.events.set(key, [...recent, now]);
		while (this.events.size > this.maxKeys) {
			const stalest = this.events.keys().next().value;
			if (stalest === undefined) break;
			this.events.delete(stalest);
		}
	}

	/** Checks, and counts the event when it is allowed. */
	hit(key: string, now: number): RateLimitDecision {
		const decision = this.check(key, now);
		if (decision.allowed) this.record(key, now);
		return decision;
	}

	/** Forgets a key (after a successful login, its failures no longer count). */
	reset(key: string): void {
		this.events.delete(key);
	}
}
