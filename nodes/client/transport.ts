import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { isAmbiguous, isTransient, judge, type SonoranFailure } from './answers';
import { CREDENTIAL_NAME, type SonoranConnection, type SonoranContext } from './connection';
import type { RequestPolicy } from './requestPolicy';
import { pathOf, type Endpoint } from './endpoints';
import {
	awaitTurn,
	holdUntil,
	monotonicNow,
	noteAnswered,
	paceFor,
	slowDownAfter429,
} from './pacing';
import { backoffMs, requestedWaitMs } from './retryWait';
import type { Delivery, SonoranAnswer, SonoranNoAnswer } from './delivery';

/**
 * A v2 call: the parameters of the endpoint's route, and what it sends. A body given as a
 * function is built when the request takes its turn, so that requests waiting meanwhile can still
 * join it (see kinds/sharing.ts).
 */
export interface V2Call {
	params?: Record<string, string | number>;
	body?: Payload<IDataObject | IDataObject[]>;
	qs?: IDataObject;
	hooks?: AttemptHooks;
}

/** What a request's sender is told about its attempts (a shared batch keeps track of its items). */
export interface AttemptHooks {
	/** Sonoran refused an attempt for the rate (nothing applied); the body is made again. */
	rateLimited?: () => void;
	/** An attempt got no clear answer (a timeout, a lost connection, a 5xx): it may have been applied. */
	unclear?: () => void;
}

/** What a request carries, or how to make it when the request leaves. */
export type Payload<T> = T | (() => T);

const made = <T>(payload: Payload<T>): T =>
	typeof payload === 'function' ? (payload as () => T)() : payload;

const REDACTED = '**hidden**';

/**
 * The least wait after a 429 (a quarter of Retry Delay, 250 ms by default, and never under 10 ms),
 * so that a Retry-After of 0 cannot turn into a busy loop.
 */
function minRateLimitWait(policy: RequestPolicy): number {
	return Math.max(10, policy.retryDelayMs / 4);
}

/** A v1 request: `POST {base}/{path}` with `{type, data}`; the credential adds `id` and `key`. */
export async function requestV1(
	ctx: SonoranContext,
	connection: SonoranConnection,
	endpoint: Endpoint,
	data: Payload<IDataObject[]>,
	hooks?: AttemptHooks,
): Promise<Delivery> {
	const makeRequest = () => ({
		method: 'POST' as const,
		url: `${connection.baseUrl}/${endpoint.path}`,
		body: { type: endpoint.type, data: made(data) },
	});
	return await deliver(ctx, connection, endpoint, makeRequest, hooks);
}

/** A v2 request: `endpoint.method` to its route; the credential adds `Authorization: Bearer <key>`. */
export async function requestV2(
	ctx: SonoranContext,
	connection: SonoranConnection,
	endpoint: Endpoint,
	call: V2Call = {},
): Promise<Delivery> {
	const makeRequest = () => ({
		method: endpoint.method,
		url: `${connection.baseUrl}/${pathOf(endpoint, call.params)}`,
		headers: { Accept: 'application/json' },
		...(call.body === undefined ? {} : { body: made(call.body) as IDataObject }),
		...(call.qs === undefined ? {} : { qs: call.qs }),
	});
	return await deliver(ctx, connection, endpoint, makeRequest, call.hooks);
}

/**
 * Every request of this package goes through here: paced per endpoint, retried as the policy
 * says, timed out. HTTP error statuses are returned, not thrown (answers.ts reads them). After a
 * refusal of the key, the community or the plan, nothing more is sent on this connection.
 */
async function deliver(
	ctx: SonoranContext,
	connection: SonoranConnection,
	endpoint: Endpoint,
	request: () => IHttpRequestOptions,
	hooks: AttemptHooks = {},
): Promise<Delivery> {
	const { refusal } = connection;
	if (refusal && (!refusal.failure.planOnly || refusal.endpoint === endpoint)) {
		return NOT_SENT(refusal.failure);
	}
	const delivery = await deliverPaced(ctx, connection, endpoint, request, hooks);
	const verdict = judge(endpoint, delivery);
	if (!verdict.ok && verdict.failure.fatal) {
		connection.refusal = { endpoint, failure: verdict.failure };
	}
	return delivery;
}

const NOT_SENT = (refused: SonoranFailure): Delivery => ({
	answer: { statusCode: 0, failure: 'network' },
	refused,
	attempts: 0,
	ambiguous: false,
	waitedMs: 0,
});

async function deliverPaced(
	ctx: SonoranContext,
	connection: SonoranConnection,
	endpoint: Endpoint,
	makeRequest: () => IHttpRequestOptions,
	hooks: AttemptHooks,
): Promise<Delivery> {
	const { policy } = connection;
	const signal = connection.signal ?? cancelSignal(ctx);
	let waitedMs = 0;
	let failures = 0;
	let refusals = 0;
	let ambiguous = false;
	for (let attempt = 1; ; attempt++) {
		const pace = paceFor(endpoint, policy.intervalMs, connection.joinable?.() ?? false);
		const sentAt = await awaitTurn(
			connection.paceKey,
			pace,
			async (ms) => await wait(ms, signal),
			signal,
		);
		if (sentAt === undefined) throw cancelled(ctx);
		// Made as each attempt leaves: a shared batch drops the items of executions cancelled
		// meanwhile, and after a 429 (nothing was applied) takes in the requests that waited.
		const request = makeRequest();
		if (signal?.aborted) throw cancelled(ctx);
		const answer = await sendOnce(ctx, connection, request);
		if (isAmbiguous(answer)) hooks.unclear?.();
		noteAnswered(connection.paceKey, pace, sentAt);
		const rateLimited = answer.statusCode === 429;
		if (rateLimited) slowDownAfter429(connection.paceKey, pace, sentAt);
		const done = { answer, attempts: attempt, ambiguous, waitedMs };
		if (!isTransient(answer)) return done;
		// Sent twice, it would act twice: the operation looks, or the item says what may have happened.
		if (!endpoint.repeat.safe && isAmbiguous(answer)) return done;
		// A 429 is a request to wait: only Max Retry Wait bounds it. Max Retries bounds the rest.
		let delayMs: number;
		if (rateLimited) {
			const asked = requestedWaitMs(answer.headers);
			delayMs = Math.max(
				minRateLimitWait(policy),
				asked ?? backoffMs(policy.retryDelayMs, refusals),
			);
			refusals++;
		} else {
			if (++failures > policy.maxRetries) return done;
			delayMs = backoffMs(policy.retryDelayMs, failures - 1);
		}
		if (waitedMs + delayMs > policy.maxRetryWaitMs) return done;
		if (rateLimited) {
			holdUntil(connection.paceKey, pace, monotonicNow() + delayMs);
			hooks.rateLimited?.();
		}
		ambiguous ||= isAmbiguous(answer);
		if (!(await wait(delayMs, signal))) throw cancelled(ctx);
		waitedMs += delayMs;
	}
}

/**
 * Ends the node when the execution is cancelled. "canceled" in the message is how n8n tells a
 * cancellation from a failure, so the execution ends as canceled, not as an error.
 */
function cancelled(ctx: SonoranContext): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), 'The execution was canceled', {
		description: 'No further requests were sent to Sonoran CAD.',
	});
}

/**
 * Waits `ms` outside any request (a grace period before looking again); ends the node when the
 * execution is cancelled meanwhile.
 */
export async function pause(
	ctx: SonoranContext,
	connection: SonoranConnection,
	ms: number,
): Promise<void> {
	if (!(await wait(ms, connection.signal ?? cancelSignal(ctx)))) throw cancelled(ctx);
}

/** Only a node's execution can be cancelled; a poll or a dropdown simply ends. */
function cancelSignal(ctx: SonoranContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal() : undefined;
}

/** Waits unless the execution is cancelled first; false when it was. */
async function wait(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
	if (signal?.aborted) return false;
	if (ms <= 0) return true;
	try {
		await sleep(ms, signal);
		return true;
	} catch {
		// n8n's sleep rejects only when the signal aborts.
		return false;
	}
}

async function sendOnce(
	ctx: SonoranContext,
	connection: SonoranConnection,
	request: IHttpRequestOptions,
): Promise<SonoranAnswer | SonoranNoAnswer> {
	try {
		const via = connection.sendVia?.() ?? ctx;
		const response = (await via.helpers.httpRequestWithAuthentication.call(via, CREDENTIAL_NAME, {
			...request,
			// Read answers as text and parse them in answers.ts: v1 answers "2" or "UNIT KICKED".
			encoding: 'text',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: connection.policy.timeoutMs,
		})) as { statusCode: number; body: unknown; headers: IDataObject };
		return {
			statusCode: response.statusCode,
			text: redact(bodyText(response.body), connection.apiKey),
			headers: response.headers ?? {},
		};
	} catch (error) {
		if ((connection.signal ?? cancelSignal(ctx))?.aborted) throw cancelled(ctx);
		return describeFailure(error);
	}
}

function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	return JSON.stringify(body);
}

/** Sonoran never echoes the key as far as documented; this makes sure of it. */
function redact(text: string, secret: string): string {
	return secret.length >= 4 ? text.split(secret).join(REDACTED) : text;
}

function describeFailure(error: unknown): SonoranNoAnswer {
	const code = systemErrorCode(error);
	const timedOut =
		code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(errorText(error));
	return { statusCode: 0, failure: timedOut ? 'timeout' : 'network', code };
}

function systemErrorCode(error: unknown): string | undefined {
	let cause = error as { code?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; cause && depth < 4; depth++) {
		if (typeof cause.code === 'string' && /^E[A-Z_]+$/.test(cause.code)) return cause.code;
		cause = cause.cause as typeof cause;
	}
	return undefined;
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
