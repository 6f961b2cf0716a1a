import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { judge } from '../../shared/answers';
import { openConnection } from '../../shared/connection';
import type { Endpoint } from '../../shared/endpoints';
import { optionsCollection, readRequestPolicy } from '../../shared/requestPolicy';
import { requestV2, type V2Call } from '../../shared/transport';
import type { SonoranOperation } from './operation';
import { ItemResults } from './results';

/** One input item's request, and the fields its output item starts with (such as serverId). */
export interface ItemRequest {
	call: V2Call;
	echo: IDataObject;
}

/** An operation that sends one v2 request per input item. */
export interface PerItemSpec {
	option: SonoranOperation['option'];
	/** Its parameters; the Options collection (pacing, retries, timeout) is added after them. */
	properties: SonoranOperation['properties'];
	endpoint: Endpoint;
	/** Builds an item's request from its parameters, throwing a readable error. */
	read: (ctx: IExecuteFunctions, itemIndex: number) => ItemRequest;
	/** Turns Sonoran's JSON answer into the output item's fields (after `echo`). */
	shape: (answer: IDataObject, request: ItemRequest) => IDataObject;
}

export function perItemOperation(spec: PerItemSpec): SonoranOperation {
	return {
		option: spec.option,
		properties: [...spec.properties, optionsCollection()],
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
			return await requestPerItem(this, items, spec);
		},
	};
}

/**
 * Every item is read and checked before anything is sent; each request goes through the one
 * transport (paced to the endpoint's limit) and the one answers module; a configuration failure
 * stops the requests that follow.
 */
async function requestPerItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	{ endpoint, read, shape }: PerItemSpec,
): Promise<INodeExecutionData[]> {
	const results = new ItemResults(
		ctx,
		items.length,
		(done) => `${done} earlier item(s) of this run were already applied in Sonoran CAD.`,
	);
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
	for (const { itemIndex, request } of requests) {
		if (results.fatal) {
			results.failWith(itemIndex, results.fatal);
			continue;
		}
		const verdict = judge(endpoint, await requestV2(ctx, connection, endpoint, request.call));
		if (!verdict.ok) {
			results.failWith(itemIndex, verdict.failure);
			continue;
		}
		const answer: IDataObject = isObject(verdict.json)
			? verdict.json
			: { answer: verdict.json as IDataObject[string] };
		results.succeed(itemIndex, { ...request.echo, ...shape(answer, request) });
	}
	return results.toArray();
}

export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
