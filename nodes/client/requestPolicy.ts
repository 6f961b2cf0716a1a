/** How requests to Sonoran are paced, retried and timed out; set per node in Options. */
export interface RequestPolicy {
	/** After a short burst, at least this long between requests; unset: Sonoran's pace per endpoint. */
	intervalMs?: number;
	/** Retries of one request after a 5xx, a timeout or a lost connection (429s: see maxRetryWaitMs). */
	maxRetries: number;
	/** The first backoff; it doubles on each retry, with jitter. A 429's Retry-After wins. */
	retryDelayMs: number;
	/** Most time spent waiting to retry one request; a 429 is retried for as long as this allows. */
	maxRetryWaitMs: number;
	timeoutMs: number;
}

/** The policy when a node's Options set nothing; the pace, when unset, is per endpoint. */
export const DEFAULT_POLICY: RequestPolicy = {
	maxRetries: 2,
	retryDelayMs: 1000,
	maxRetryWaitMs: 300_000,
	timeoutMs: 30_000,
};
