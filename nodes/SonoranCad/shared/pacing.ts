/**
 * Spaces requests to Sonoran: a burst of BURST requests, then one per interval. The budget is
 * kept per API root and community, for every execution in this n8n process, because Sonoran
 * limits per API key, not per workflow.
 */
const BURST = 3;

interface Budget {
	/** Requests that may go now; negative when requests are already booked ahead. */
	tokens: number;
	updatedAt: number;
	/** Set by a 429: nothing goes before this time. */
	blockedUntil: number;
}

const budgets = new Map<string, Budget>();

/** Books the next request slot and returns how long to wait for it, in milliseconds. */
export function bookSlot(key: string, intervalMs: number, now = Date.now()): number {
	const budget = budgets.get(key) ?? { tokens: BURST, updatedAt: now, blockedUntil: 0 };
	budgets.set(key, budget);
	const blockedFor = Math.max(0, budget.blockedUntil - now);
	if (intervalMs <= 0) return blockedFor;
	budget.tokens = Math.min(BURST, budget.tokens + (now - budget.updatedAt) / intervalMs);
	budget.updatedAt = now;
	budget.tokens -= 1;
	return Math.max(blockedFor, budget.tokens >= 0 ? 0 : -budget.tokens * intervalMs);
}

/** Holds every request with this key until `until` (epoch ms), as a 429's Retry-After asks. */
export function holdUntil(key: string, until: number, now = Date.now()): void {
	const budget = budgets.get(key) ?? { tokens: BURST, updatedAt: now, blockedUntil: 0 };
	budget.blockedUntil = Math.max(budget.blockedUntil, until);
	budgets.set(key, budget);
}
