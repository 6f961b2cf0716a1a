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
	attempts: number;
	/** An earlier attempt got no clear answer (timeout, lost connection, 5xx): it may have been applied. */
	ambiguous: boolean;
	/** Time spent waiting to retry (Retry-After and backoff), not counting the pace. */
	waitedMs: number;
}
