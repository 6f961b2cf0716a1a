import type { IDataObject } from 'n8n-workflow';

/** Epoch seconds are this large; smaller reset values are a number of seconds from now. */
const EPOCH_SECONDS_THRESHOLD = 1e9;

function header(headers: IDataObject, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}

/**
 * How long a 429 asks the client to wait, in ms: `Retry-After` (seconds or an HTTP date), else
 * the reset headers official clients read (`RateLimit-Reset`, `X-RateLimit-Reset`, as seconds
 * from now or epoch seconds). Undefined when the answer says nothing usable.
 */
export function requestedWaitMs(headers: IDataObject, now = Date.now()): number | undefined {
	const retryAfter = header(headers, 'retry-after');
	if (retryAfter !== undefined) {
		const trimmed = retryAfter.trim();
		if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
		const date = Date.parse(trimmed);
		if (!Number.isNaN(date)) return Math.max(0, date - now);
	}
	for (const name of ['ratelimit-reset', 'x-ratelimit-reset']) {
		const reset = header(headers, name);
		if (reset === undefined || !/^\d+(\.\d+)?$/.test(reset.trim())) continue;
		const seconds = Number(reset);
		return seconds > EPOCH_SECONDS_THRESHOLD
			? Math.max(0, seconds * 1000 - now)
			: Math.ceil(seconds * 1000);
	}
	return undefined;
}

/** Exponential backoff with jitter: between half and all of `baseMs × 2^retry`. */
export function backoffMs(baseMs: number, retry: number, random = Math.random): number {
	const ceiling = baseMs * 2 ** retry;
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
