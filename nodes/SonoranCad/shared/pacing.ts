import type { Endpoint } from './endpoints';

/**
 * Spaces requests to Sonoran: a burst, then one per interval (a token bucket). Budgets are kept
 * per API root, community and limit scope, for every execution in this n8n process, because
 * Sonoran limits per API key, not per workflow.
 */
export interface Pace {
	/** Which budget: all of v1 shares one; each v2 endpoint has its own documented limit. */
	scope: string;
	burst: number;
	intervalMs: number;
}

/** v1 has no published limit; Sonoran asks for about one call per second over time. */
const V1_BURST = 3;
export const V1_INTERVAL_MS = 1000;

/**
 * The pace for an endpoint: v1 as Sonoran asks, v2 within its documented limit per minute
 * (burst + one per interval over any minute stays within the limit). `intervalMs` from the
 * node's options, when set, replaces the interval.
 */
export function paceFor(endpoint: Endpoint, intervalMs: number | undefined): Pace {
	if (endpoint.api === 'v1' || !endpoint.perMinute) {
		return { scope: 'v1', burst: V1_BURST, intervalMs: intervalMs ?? V1_INTERVAL_MS };
	}
	const burst = Math.max(1, Math.floor(endpoint.perMinute / 4));
	return {
		scope: `v2 ${endpoint.operation}`,
		burst,
		intervalMs: intervalMs ?? Math.ceil(60_000 / (endpoint.perMinute - burst)),
	};
}

interface Budget {
	/** Requests that may go now; negative when requests are already booked ahead. */
	tokens: number;
	updatedAt: number;
	/** Set by a 429: nothing goes before this time. */
	blockedUntil: number;
}

const budgets = new Map<string, Budget>();

function budgetFor(key: string, burst: number, now: number): Budget {
	let budget = budgets.get(key);
	if (!budget) {
		budget = { tokens: burst, updatedAt: now, blockedUntil: 0 };
		budgets.set(key, budget);
	}
	return budget;
}

/** Books the next request slot and returns how long to wait for it, in milliseconds. */
export function bookSlot(key: string, pace: Pace, now = Date.now()): number {
	const budget = budgetFor(`${key}|${pace.scope}`, pace.burst, now);
	const blockedFor = Math.max(0, budget.blockedUntil - now);
	if (pace.intervalMs <= 0) return blockedFor;
	budget.tokens = Math.min(pace.burst, budget.tokens + (now - budget.updatedAt) / pace.intervalMs);
	budget.updatedAt = now;
	budget.tokens -= 1;
	return Math.max(blockedFor, budget.tokens >= 0 ? 0 : -budget.tokens * pace.intervalMs);
}

/** Holds every request of this budget until `until` (epoch ms), as a 429's Retry-After asks. */
export function holdUntil(key: string, pace: Pace, until: number, now = Date.now()): void {
	const budget = budgetFor(`${key}|${pace.scope}`, pace.burst, now);
	budget.blockedUntil = Math.max(budget.blockedUntil, until);
}
