import type { Endpoint } from './endpoints';

/**
 * Spaces requests to Sonoran. Budgets are kept per API root, community and limit scope, for
 * every execution in this n8n process, because Sonoran limits per API key, not per workflow.
 * - v1 has no published limit ("not more than one call per second for an extended period"):
 *   a token bucket, a short burst and then one request per interval.
 * - v2 endpoints document N requests per minute: a sliding window, at most N in any minute,
 *   which also stays within a server that counts per clock minute.
 */
export type Pace =
	| { kind: 'bucket'; scope: string; burst: number; intervalMs: number }
	| { kind: 'window'; scope: string; perMinute: number };

const V1_BURST = 3;
const V1_INTERVAL_MS = 1000;
const MINUTE_MS = 60_000;
/** Slack for clock and network jitter at the window's edge. */
const WINDOW_MARGIN_MS = 500;

/** The pace for an endpoint; `intervalMs` from the node's options, when set, replaces it. */
export function paceFor(endpoint: Endpoint, intervalMs: number | undefined): Pace {
	const scope = endpoint.api === 'v1' ? 'v1' : `v2 ${endpoint.operation}`;
	if (intervalMs === undefined && endpoint.api === 'v2' && endpoint.perMinute) {
		return { kind: 'window', scope, perMinute: endpoint.perMinute };
	}
	return { kind: 'bucket', scope, burst: V1_BURST, intervalMs: intervalMs ?? V1_INTERVAL_MS };
}

interface Budget {
	/** Bucket: requests that may go now; negative when requests are already booked ahead. */
	tokens: number;
	updatedAt: number;
	/** Window: the booked send times, oldest first. */
	sent: number[];
	/** Set by a 429: nothing goes before this time. */
	blockedUntil: number;
}

const budgets = new Map<string, Budget>();

function budgetFor(key: string, pace: Pace, now: number): Budget {
	const id = `${key}|${pace.scope}`;
	let budget = budgets.get(id);
	if (!budget) {
		budget = {
			tokens: pace.kind === 'bucket' ? pace.burst : 0,
			updatedAt: now,
			sent: [],
			blockedUntil: 0,
		};
		budgets.set(id, budget);
	}
	return budget;
}

/** Books the next request slot and returns how long to wait for it, in milliseconds. */
export function bookSlot(key: string, pace: Pace, now = Date.now()): number {
	const budget = budgetFor(key, pace, now);
	const earliest = Math.max(now, budget.blockedUntil);
	if (pace.kind === 'window') {
		budget.sent = budget.sent.filter((time) => time > now - MINUTE_MS - WINDOW_MARGIN_MS);
		const { sent } = budget;
		const slot =
			sent.length < pace.perMinute
				? earliest
				: Math.max(earliest, sent[sent.length - pace.perMinute] + MINUTE_MS + WINDOW_MARGIN_MS);
		sent.push(slot);
		return slot - now;
	}
	if (pace.intervalMs <= 0) return earliest - now;
	budget.tokens = Math.min(pace.burst, budget.tokens + (now - budget.updatedAt) / pace.intervalMs);
	budget.updatedAt = now;
	budget.tokens -= 1;
	return Math.max(earliest - now, budget.tokens >= 0 ? 0 : -budget.tokens * pace.intervalMs);
}

/** Holds every request of this budget until `until` (epoch ms), as a 429's Retry-After asks. */
export function holdUntil(key: string, pace: Pace, until: number, now = Date.now()): void {
	const budget = budgetFor(key, pace, now);
	budget.blockedUntil = Math.max(budget.blockedUntil, until);
}
