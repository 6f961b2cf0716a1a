import type { Endpoint } from './endpoints';

/**
 * Spaces requests to Sonoran. Budgets are kept per API root, community and limit scope, for
 * every execution in this n8n process, because Sonoran limits per API key, not per workflow.
 * - v1 has no published limit ("not more than one call per second for an extended period"):
 *   a token bucket, a short burst and then one request per interval, kept a little slower than
 *   the limit so that arrival jitter never lands a request just before the budget refills.
 * - v2 endpoints document N requests per minute: a sliding window, at most N in any minute,
 *   which also stays within a server that counts per clock minute.
 *
 * n8n offers nodes no state shared between queue-mode workers, so each worker adapts on its own:
 * a 429 halves its pace for that key and scope (once per congestion), and the pace then grows back
 * steadily, to the full pace within ten of its intervals (about 10 s for v1) without a 429. Several workers sharing a key so settle
 * near the key's limit instead of fighting over it; a single process that is never refused keeps
 * the full pace.
 */
export type Pace =
	| { kind: 'bucket'; scope: string; burst: number; intervalMs: number }
	| { kind: 'window'; scope: string; perMinute: number; burst?: number; spreadMs?: number };

/**
 * Milliseconds on a clock that never goes back: pacing measures time with it, so a wall clock
 * stepped back (or forward) never holds requests for an hour or lets a burst through.
 */
export function monotonicNow(): number {
	return performance.now();
}

const V1_BURST = 3;
const V1_INTERVAL_MS = 1000;
/** The v1 pace runs this much slower than the limit: 1000 ms becomes 1020 ms. */
const INTERVAL_MARGIN = 1.02;
/** The default v1 pace: one request per this many ms after the burst. */
export const DEFAULT_V1_INTERVAL_MS = V1_INTERVAL_MS * INTERVAL_MARGIN;
const MINUTE_MS = 60_000;
/** Slack for clock and network jitter at the window's edge. */
const WINDOW_MARGIN_MS = 500;
/** The slowest a worker goes after repeated 429s: a sixteenth of the full pace. */
const MAX_SLOWDOWN = 16;
/** The burst of a v2 minute that is spread (Endpoint.spread); the rest of the limit follows evenly. */
const SPREAD_BURST = 3;
/** After a 429 the pace grows back steadily: from nothing to the full pace in this many of its intervals. */
const RECOVERY_INTERVALS = 10;

/**
 * The pace for an endpoint. `intervalMs` from the node's options replaces v1's pace; on a v2
 * endpoint it can only slow the documented limit down (0 turns pacing off), so that adding the
 * option with its shown default never sends faster than Sonoran allows. A slower interval on v2
 * spaces requests after a short burst and keeps the documented window as a cap, so no minute
 * ever holds more than the documented count.
 *
 * `joinable`: the request is a shared one that could still take more items. On v1 it gets no
 * burst: it leaves at once when a token is there (a lone event waits for nothing), and otherwise
 * at the next token with whatever joined meanwhile. The burst is for requests that are full: when
 * several senders share a key (queue-mode workers), lone requests spending it are what the
 * others are refused for.
 */
export function paceFor(
	endpoint: Endpoint,
	intervalMs: number | undefined,
	joinable = false,
): Pace {
	const scope = endpoint.api === 'v1' ? 'v1' : `v2 ${endpoint.paceGroup ?? endpoint.operation}`;
	if (endpoint.api === 'v2' && endpoint.perMinute && intervalMs !== 0) {
		const { perMinute } = endpoint;
		if (intervalMs !== undefined && intervalMs > MINUTE_MS / perMinute) {
			return {
				kind: 'window',
				scope,
				perMinute,
				burst: joinable ? 1 : V1_BURST,
				spreadMs: intervalMs,
			};
		}
		// Batchable requests: a short burst, then the rest of the minute spread evenly, so that
		// a burst of events cannot spend the minute at once and the ones that wait share.
		const spread = endpoint.spread && perMinute > SPREAD_BURST;
		return { kind: 'window', scope, perMinute, ...(spread ? { burst: SPREAD_BURST } : {}) };
	}
	return {
		kind: 'bucket',
		scope,
		burst: joinable ? 1 : V1_BURST,
		intervalMs: intervalMs ?? DEFAULT_V1_INTERVAL_MS,
	};
}

interface Budget {
	/** Bucket: requests that may go now; negative when requests are already booked ahead. */
	tokens: number;
	updatedAt: number;
	/** Window: the booked send times, oldest first. */
	sent: number[];
	/** Set by a 429: nothing goes before this time. */
	blockedUntil: number;
	/** The share of the full pace this process went at right after its last 429; 1 = full pace. */
	rateAtSlow: number;
	/** When the pace was last halved: 429s to requests sent before then are the same congestion. */
	slowedAt: number;
	/** Settles when the last request that asked for a turn has taken it (awaitTurn). */
	turn: Promise<void>;
	/** The slot of the request that took a token from a full bucket, until it is answered. */
	refillStartedAt?: number;
}

const budgets = new Map<string, Budget>();

function budgetFor(key: string, pace: Pace, now: number): Budget {
	const id = `${key}|${pace.scope}`;
	let budget = budgets.get(id);
	if (!budget) {
		budget = {
			tokens: pace.burst ?? 0,
			updatedAt: now,
			sent: [],
			blockedUntil: 0,
			rateAtSlow: 1,
			slowedAt: -Infinity,
			turn: Promise.resolve(),
		};
		budgets.set(id, budget);
	}
	return budget;
}

/** The full pace's time between two requests. */
function intervalOf(pace: Pace): number {
	return pace.kind === 'window' ? (pace.spreadMs ?? MINUTE_MS / pace.perMinute) : pace.intervalMs;
}

/** The share of the full pace this process may use now, growing back since its last 429. */
function rateOf(budget: Budget, pace: Pace, now: number): number {
	const recoveryMs = RECOVERY_INTERVALS * intervalOf(pace);
	if (recoveryMs <= 0) return 1;
	return Math.min(1, budget.rateAtSlow + Math.max(0, now - budget.slowedAt) / recoveryMs);
}

/** Books the next request slot and returns how long to wait for it, in milliseconds. */
export function bookSlot(key: string, pace: Pace, now = monotonicNow()): number {
	const budget = budgetFor(key, pace, now);
	const earliest = Math.max(now, budget.blockedUntil);
	const rate = rateOf(budget, pace, now);
	if (pace.kind === 'window') {
		const perMinute = Math.max(1, Math.floor(pace.perMinute * rate));
		budget.sent = budget.sent.filter((time) => time > now - MINUTE_MS - WINDOW_MARGIN_MS);
		const { sent } = budget;
		let slot =
			sent.length < perMinute
				? earliest
				: Math.max(earliest, sent[sent.length - perMinute] + MINUTE_MS + WINDOW_MARGIN_MS);
		if (pace.burst !== undefined) {
			// After the burst, one request per spread (an N-th of a minute, or the slower Request
			// Interval); the window above still caps any minute at N.
			slot = Math.max(slot, now + takeToken(budget, pace.burst, intervalOf(pace), rate, now));
		}
		sent.push(slot);
		return slot - now;
	}
	if (pace.intervalMs <= 0) return earliest - now;
	return Math.max(earliest - now, takeToken(budget, pace.burst, pace.intervalMs, rate, now));
}

/**
 * Takes a token from the budget's bucket (`burst` deep, one back per `intervalMs` at the full
 * pace) and returns how long to wait for it.
 */
function takeToken(
	budget: Budget,
	fullBurst: number,
	fullIntervalMs: number,
	rate: number,
	now: number,
): number {
	const intervalMs = fullIntervalMs / rate;
	// A slowed pace sends no bursts: they are what the other workers are refused for.
	const burst = rate < 1 ? 1 : fullBurst;
	budget.tokens = Math.min(burst, budget.tokens + (now - budget.updatedAt) / intervalMs);
	budget.updatedAt = now;
	if (budget.tokens >= burst) budget.refillStartedAt = now;
	budget.tokens -= 1;
	return budget.tokens >= 0 ? 0 : -budget.tokens * intervalMs;
}

/**
 * Tells the pace that a request was answered. Sonoran's budget starts refilling when the first
 * request of a burst reaches it, which can be well after it left (a new connection): the refill
 * counted from its departure would let a later request arrive early. So the time that request
 * took is taken back from the refill, once per burst; requests after it keep their spacing, and
 * a long run keeps its pace.
 */
export function noteAnswered(
	key: string,
	pace: Pace,
	sentAt: number,
	answeredAt = monotonicNow(),
): void {
	const budget = budgets.get(`${key}|${pace.scope}`);
	const startedAt = budget?.refillStartedAt;
	if (!budget || startedAt === undefined || sentAt < startedAt) return;
	budget.refillStartedAt = undefined;
	const intervalMs = refillIntervalOf(pace);
	if (intervalMs > 0) budget.tokens -= (answeredAt - sentAt) / intervalMs;
}

/** The full pace's time for one token to come back, for the paces that keep a bucket. */
function refillIntervalOf(pace: Pace): number {
	if (pace.kind === 'bucket') return pace.intervalMs;
	return pace.burst === undefined ? 0 : intervalOf(pace);
}

/**
 * Slows this process's pace after Sonoran answered 429: it halves (down to a sixteenth),
 * once per congestion: 429s to requests that left before the pace was last halved (at the faster
 * pace) do not halve it again. It grows back with time (rateOf), not per answer,
 * so a worker that the others crowd out still recovers.
 * @param sentAt when the refused request took its turn (monotonicNow)
 */
export function slowDownAfter429(
	key: string,
	pace: Pace,
	sentAt: number,
	now = monotonicNow(),
): void {
	const budget = budgetFor(key, pace, now);
	if (sentAt <= budget.slowedAt) return;
	budget.rateAtSlow = Math.max(1 / MAX_SLOWDOWN, rateOf(budget, pace, now) / 2);
	budget.slowedAt = now;
}

/**
 * Waits for this request's turn: requests with the same key and scope take their slots one after
 * another, each booking when the one before it leaves. So a slot is always spaced from a request
 * that really went (not from one that was still on its way), and a pace halved by a 429 applies
 * at once to every request still waiting. `wait` sleeps and answers false when the execution was
 * cancelled; then this answers undefined and the turn passes on. Answers when the turn was taken.
 */
export async function awaitTurn(
	key: string,
	pace: Pace,
	wait: (ms: number) => Promise<boolean>,
	signal?: AbortSignal,
): Promise<number | undefined> {
	const budget = budgetFor(key, pace, monotonicNow());
	const before = budget.turn;
	let pass!: () => void;
	budget.turn = new Promise<void>((resolve) => (pass = resolve));
	try {
		// A cancelled execution leaves the line at once; bookSlot keeps the pace for those behind.
		if (!(await turnOrAbort(before, signal))) return undefined;
		return (await wait(bookSlot(key, pace))) ? monotonicNow() : undefined;
	} finally {
		pass();
	}
}

/** Waits for `turn`; false when the signal aborts first. */
async function turnOrAbort(turn: Promise<void>, signal: AbortSignal | undefined): Promise<boolean> {
	if (!signal) {
		await turn;
		return true;
	}
	if (signal.aborted) return false;
	let onAbort!: () => void;
	const aborted = new Promise<void>((resolve) => (onAbort = resolve));
	signal.addEventListener('abort', onAbort, { once: true });
	try {
		await Promise.race([turn, aborted]);
		return !signal.aborted;
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}

/** How many times slower than the full pace this process now goes for the key and scope. */
export function slowdownOf(key: string, pace: Pace, now = monotonicNow()): number {
	const budget = budgets.get(`${key}|${pace.scope}`);
	return budget ? 1 / rateOf(budget, pace, now) : 1;
}

/** Holds every request of this budget until `until` (monotonicNow), as a 429's Retry-After asks. */
export function holdUntil(key: string, pace: Pace, until: number, now = monotonicNow()): void {
	const budget = budgetFor(key, pace, now);
	budget.blockedUntil = Math.max(budget.blockedUntil, until);
}
