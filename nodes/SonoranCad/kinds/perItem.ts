import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { findAccountUuid } from '../../client/accounts';
import { isObject, judge, mayHaveApplied, type SonoranFailure } from '../../client/answers';
import { openConnection, type SonoranConnection } from '../../client/connection';
import type { Endpoint } from '../../client/endpoints';
import { optionsCollection, readRequestPolicy } from '../parameters/requestOptions';
import { pause, requestV1, requestV2, type V2Call } from '../../client/transport';
import type { SonoranOperation } from './operation';
import { ItemResults } from './results';

/** One input item's request, and the fields its output item starts with (such as serverId). */
export interface ItemRequest {
	call: V2Call;
	echo: IDataObject;
	/** Where this item goes when not the operation's endpoint (Ban by API ID goes through v1). */
	endpoint?: Endpoint;
	/**
	 * The account the item names, for a route that takes only its UUID: found (Get Account, once
	 * per account and execution) and put into the route's `accountUuid` and the output item.
	 */
	account?: IDataObject;
}

/** An operation that sends one request per input item (v2; or v1 with the call's body as its one data entry). */
export interface PerItemSpec {
	option: SonoranOperation['option'];
	/** Its parameters; the Options collection (pacing, retries, timeout) is added after them. */
	properties: SonoranOperation['properties'];
	endpoint: Endpoint;
	/** Builds an item's request from its parameters, throwing a readable error. */
	read: (ctx: IExecuteFunctions, itemIndex: number) => ItemRequest;
	/**
	 * A check that needs Sonoran before sending (such as grants against the catalog): the item's
	 * failure, or undefined to send it.
	 */
	prepare?: (
		ctx: IExecuteFunctions,
		connection: SonoranConnection,
		request: ItemRequest,
	) => Promise<SonoranFailure | undefined>;
	/** Turns Sonoran's JSON answer into the output item's fields (after `echo`). */
	shape: (answer: IDataObject, request: ItemRequest) => IDataObject;
	/**
	 * For an endpoint that is not safe to repeat: looks in Sonoran for what an attempt without a
	 * clear answer created. `found` is answered as if Sonoran had answered it; nothing found means
	 * the attempt was not applied, and the request is sent again (up to Max Retries times).
	 */
	recover?: (
		ctx: IExecuteFunctions,
		connection: SonoranConnection,
		request: ItemRequest,
	) => Promise<Recovery>;
}

/** What a look after an unclear attempt saw: the thing it created, nothing, or why it could not look. */
export type Recovery = { found?: IDataObject; failure?: SonoranFailure };

const FOUND_NOTE =
	'The first attempt got no clear answer (a server error, a timeout or a lost connection); what it created was found in Sonoran CAD, so the request was not sent again.';

export function perItemOperation(spec: PerItemSpec): SonoranOperation {
	return {
		option: spec.option,
		properties: [...spec.properties, optionsCollection()],
		endpoints: [spec.endpoint],
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
			return await requestPerItem(this, items, spec);
		},
	};
}

/**
 * Every item is read and checked before anything is sent; each request goes through the one
 * transport (paced to the endpoint's limit, and sending nothing more after a refusal of the key)
 * and the one answers module.
 */
async function requestPerItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	spec: PerItemSpec,
): Promise<INodeExecutionData[]> {
	const { read, shape } = spec;
	const results = new ItemResults(ctx, items.length);
	const requests: Array<{ itemIndex: number; request: ItemRequest }> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			requests.push({ itemIndex, request: read(ctx, itemIndex) });
		} catch (error) {
			results.fail(itemIndex, error);
		}
	}
	if (requests.length === 0) return results.toArray();

	const connection = await openConnection(ctx, readRequestPolicy(ctx));
	const accounts = new Map<string, ReturnType<typeof findAccountUuid>>();
	for (const { itemIndex, request: read } of requests) {
		const ready = await prepared(ctx, connection, spec, read, accounts);
		if ('failure' in ready) {
			results.failWith(itemIndex, ready.failure, subject(read));
			continue;
		}
		const { request } = ready;
		const outcome = await sendOnce(ctx, connection, spec, request);
		if ('failure' in outcome) results.failWith(itemIndex, outcome.failure, subject(request));
		else {
			const { answer, note } = outcome;
			results.succeed(itemIndex, {
				...request.echo,
				...shape(answer, request),
				...(note ? { retryNote: note } : {}),
			});
		}
	}
	return results.toArray();
}

/** What an item's request is about: its route's parameters and the fields it echoes. */
const subject = (request: ItemRequest): object => ({
	...request.account,
	...request.echo,
	...request.call.params,
});

/** The item's request with its account's UUID in the route, after the operation's own check. */
async function prepared(
	ctx: IExecuteFunctions,
	connection: SonoranConnection,
	spec: PerItemSpec,
	read: ItemRequest,
	accounts: Map<string, ReturnType<typeof findAccountUuid>>,
): Promise<{ request: ItemRequest } | { failure: SonoranFailure }> {
	let request = read;
	if (read.account) {
		const key = JSON.stringify(read.account);
		const lookup = accounts.get(key) ?? findAccountUuid(ctx, connection, read.account);
		accounts.set(key, lookup);
		const account = await lookup;
		if ('failure' in account) return account;
		const accountUuid = account.uuid;
		request = {
			...read,
			call: { ...read.call, params: { ...read.call.params, accountUuid } },
			echo: { ...read.echo, accountUuid },
		};
	}
	const failure = await spec.prepare?.(ctx, connection, request);
	return failure ? { failure } : { request };
}

/**
 * Sends an item's request. When the endpoint is not safe to repeat and an attempt may have been
 * applied, it looks before anything is sent again: what was created is the answer; only what is
 * not there is sent again, at most Max Retries times.
 */
async function sendOnce(
	ctx: IExecuteFunctions,
	connection: SonoranConnection,
	spec: PerItemSpec,
	request: ItemRequest,
): Promise<{ answer: IDataObject; note?: string } | { failure: SonoranFailure }> {
	const { recover } = spec;
	const endpoint = request.endpoint ?? spec.endpoint;
	let lookedAndAbsent = 0;
	for (;;) {
		const delivery =
			endpoint.api === 'v1'
				? await requestV1(ctx, connection, endpoint, [request.call.body as IDataObject])
				: await requestV2(ctx, connection, endpoint, request.call);
		const verdict = judge(endpoint, delivery);
		if (verdict.ok) {
			const note = lookedAndAbsent ? NOT_FOUND_NOTE : verdict.note;
			return { answer: asObject(verdict.json ?? verdict.answer), note };
		}
		const { failure } = verdict;
		if (!recover || failure.fatal || !mayHaveApplied(delivery)) return { failure };
		const look = await lookTwice(ctx, connection, recover, request);
		if (look.found) return { answer: look.found, note: FOUND_NOTE };
		if (look.failure) {
			return {
				failure: {
					...failure,
					description: `${failure.description} Looking for it failed too: ${look.failure.message}.`,
				},
			};
		}
		if (++lookedAndAbsent > connection.policy.maxRetries) {
			const looked = `None of the ${lookedAndAbsent} attempts was found in Sonoran CAD afterwards.`;
			return { failure: { ...failure, description: `${failure.description} ${looked}` } };
		}
	}
}

/** The most a look waits for a request still in flight to land before looking again. */
const MAX_GRACE_MS = 30_000;

/**
 * Looks for what an unclear attempt may have created. A request that timed out may still be on
 * its way or being processed: when the first look finds nothing, it waits a grace period (the
 * request's Timeout, 1 to 30 s) and looks once more before anything is sent again.
 */
async function lookTwice(
	ctx: IExecuteFunctions,
	connection: SonoranConnection,
	recover: NonNullable<PerItemSpec['recover']>,
	request: ItemRequest,
): Promise<Recovery> {
	const first = await recover(ctx, connection, request);
	if (first.found || first.failure) return first;
	await pause(ctx, connection, Math.min(MAX_GRACE_MS, Math.max(1000, connection.policy.timeoutMs)));
	return await recover(ctx, connection, request);
}

const NOT_FOUND_NOTE =
	'An earlier attempt got no clear answer (a server error, a timeout or a lost connection); it was not found in Sonoran CAD afterwards, so the request was sent again.';

function asObject(json: unknown): IDataObject {
	return isObject(json) ? json : { answer: json as IDataObject[string] };
}
