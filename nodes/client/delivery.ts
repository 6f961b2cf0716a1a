import type { IDataObject } from 'n8n-workflow';

/** What Sonoran answered, as text: v1 answers are mostly plain text, v2 answers JSON. */
export interface SonoranAnswer {
	statusCode: number;
	text: string;
	headers: IDataObject;
}

/** A request that got no HTTP answer at all. */
export interface SonoranNoAnswer {
	statusCode: 0;
	failure: 'timeout' | 'network';
	/** The system error code, such as ECONNRESET, when there is one. */
	code?: string;
}

/** The last answer to a request, after pacing and retries. */
export interface Delivery {
	answer: SonoranAnswer | SonoranNoAnswer;
	/** Not sent: an earlier request of the execution was refused for a reason every request shares. */
	refused?: SonoranFailure;
	attempts: number;
	/** An earlier attempt got no clear answer (timeout, lost connection, 5xx): it may have been applied. */
	ambiguous: boolean;
	/** Time spent waiting to retry (Retry-After and backoff), not counting the pace. */
	waitedMs: number;
}

/**
 * Why a request did not do what was asked. `fatal` failures are about the credential or the
 * community, the same for every request: no further request in the execution can succeed.
 */
export interface SonoranFailure {
	message: string;
	description: string;
	fatal: boolean;
	/** Sonoran refused the request because of one or more of its items (v1 404: unknown unit). */
	blamesItems: boolean;
	/** The HTTP status, or 0 when no answer came. */
	statusCode: number;
	/** What Sonoran said (a v1 text, or a v2 problem's detail), key redacted; empty without an answer. */
	answer: string;
	/** A fatal refusal of this endpoint only (the plan does not include it), not of the key. */
	planOnly?: boolean;
}
