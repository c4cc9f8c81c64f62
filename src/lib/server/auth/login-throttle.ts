// Login throttling that an attacker cannot turn against a maintainer: backoff per client and per account-and-client.
/** Failures before backoff starts, for a client across all accounts and for one client on one account. */
export const FREE_FAILURES = 5;
/** Failures against one account (from any clients) after which it counts as under attack. */
export const ATTACK_FAILURES = 10;
/** The first wait after the free failures; each further failure doubles it, up to the maximum. */
export const BASE_BACKOFF_MS = 30_000;
export const MAX_BACKOFF_MS = 15 * 60 * 1000;
/** Failures are forgotten after this long without another. */
export const FORGET_AFTER_MS = 60 * 60 * 1000;

interface Failures {
	count: number;
	last: number;
}

/** Failure counts per key with their last time; memory is bounded by dropping the keys that failed least recently. */
class FailureCounts {
	private readonly byKey = new Map<string, Failures>();

	constructor(private readonly maxKeys: number) {}

	get(key: string, now: number): Failures {
		const failures = this.byKey.get(key);
		if (!failures || now - failures.last >= FORGET_AFTER_MS) return { count: 0, last: now };
		return failures;
	}

	add(key: string, now: number): number {
		const count = this.get(key, now).count + 1;
		this.byKey.delete(key);
		this.byKey.set(key, { count, last: now });
		while (this.byKey.size > this.maxKeys) {
			const stalest = this.byKey.keys().next().value;
			if (stalest === undefined) break;
			this.byKey.delete(stalest);
		}
		return count;
	}

	reset(key: string): void {
		this.byKey.delete(key);
	}
}

/** The wait after `count` failures once `free` of them were allowed: 30 s, 1 min, 2 min, … up to 15 min. */
export function backoffMs(count: number, free: number): number {
	if (count < free) return 0;
	return Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (count - free));
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Decides whether a login attempt is checked at all. A client that keeps failing waits longer and longer (per client
 * across accounts, and per client on one account). Failures against an account never hold up a client that has not
 * failed on it: the right password from another browser or network always gets through. While an account is under
 * attack, a client that failed on it even once waits before its next try.
 */
export class LoginThrottle {
	private readonly perClient: FailureCounts;
	private readonly perPair: FailureCounts;
	private readonly perAccount: FailureCounts;

	constructor(maxKeys = 10_000) {
		this.perClient = new FailureCounts(maxKeys);
		this.perPair = new FailureCounts(maxKeys);
		this.perAccount = new FailureCounts(maxKeys);
	}

	check(account: string, client: string, now: number): ThrottleDecision {
		const byClient = this.perClient.get(client, now);
		const byPair = this.perPair.get(pairKey(account, client), now);
		const underAttack = this.perAccount.get(account, now).count >= ATTACK_FAILURES;
		const until = Math.max(
			byClient.last + backoffMs(byClient.count, FREE_FAILURES),
			byPair.last + backoffMs(byPair.count, underAttack ? 1 : FREE_FAILURES)
		);
		return until > now ? { allowed: false, retryAfterSeconds: Math.ceil((until - now) / 1000) } : { allowed: true };
	}

	/** Counts a failed attempt; returns how many failures the account has had recently (for the log). */
	failed(account: string, client: string, now: number): number {
		this.perClient.add(client, now);
		this.perPair.add(pairKey(account, client), now);
		return this.perAccount.add(account, now);
	}

	/** After a successful login the client has proved itself: its failures no longer count. */
	succeeded(account: string, client: string): void {
		this.perClient.reset(client);
		this.perPair.reset(pairKey(account, client));
	}
}

const pairKey = (account: string, client: string) => `${account}\n${client}`;
