import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	failureToError,
	isObject,
	judge,
	unexpectedAnswer,
	type SonoranFailure,
} from '../../client/answers';
import { openConnection, type SonoranConnection } from '../../client/connection';
import type { Endpoint } from '../../client/endpoints';
import { requestV2, type V2Call } from '../../client/transport';
import { optionsCollection, readRequestPolicy } from '../parameters/requestOptions';
import { readServerId, serverIdProperty } from '../parameters/server';
import { valueChecker, yesNo } from '../parameters/validate';
import type { SonoranOperation } from './operation';
import { errorItemOrThrow, namedFor } from './results';

/** An operation that lists things: each input item asks a query, each thing found is an item. */
export interface ListingSpec<Query> {
	option: SonoranOperation['option'];
	properties: SonoranOperation['properties'];
	/** The item's query, or a thrown readable error; undefined when it asks for nothing. */
	read: (ctx: IExecuteFunctions, itemIndex: number) => Query | undefined;
	fetch: (
		ctx: IExecuteFunctions,
		connection: SonoranConnection,
		query: Query,
	) => Promise<IDataObject[] | SonoranFailure>;
	/**
	 * The fields a person or a model needs from each thing: a Simplify switch keeps only these
	 * (on by default for the AI tool from node version 1.1).
	 */
	simplified?: string[];
}

/**
 * One request (or series of pages) per distinct query in the execution; each input item then
 * gets its own output items, one per thing found, each paired to that item alone (so that
 * `$('Node').item` works downstream), in input order. A query that fails makes one error item
 * per input item that asked it.
 */
export function listingOperation<Query>(spec: ListingSpec<Query>): SonoranOperation {
	const { simplified } = spec;
	return {
		option: spec.option,
		properties: simplified ? withSimplify(spec.properties) : spec.properties,
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
			/** Per input item: the key of its query, or its error item (bad input). */
			const asked: Array<string | INodeExecutionData | undefined> = [];
			const queries = new Map<string, Query>();
			for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
				try {
					const query = spec.read(this, itemIndex);
					if (query === undefined) continue;
					const key = JSON.stringify(query);
					queries.set(key, query);
					asked[itemIndex] = key;
				} catch (error) {
					asked[itemIndex] = errorItemOrThrow(this, error, itemIndex);
				}
			}
			const answers = new Map<string, IDataObject[] | SonoranFailure>();
			if (queries.size) {
				const connection = await openConnection(this, readRequestPolicy(this));
				for (const [key, query] of queries) {
					answers.set(key, await spec.fetch(this, connection, query));
				}
			}
			const output: INodeExecutionData[] = [];
			asked.forEach((question, itemIndex) => {
				if (typeof question !== 'string') {
					if (question) output.push(question);
					return;
				}
				const found = answers.get(question) ?? [];
				if (Array.isArray(found)) {
					const keep = simplified && readSimplify(this, itemIndex) ? simplified : undefined;
					for (const json of found) {
						output.push({ json: keep ? pick(json, keep) : json, pairedItem: { item: itemIndex } });
					}
				} else {
					const about = queries.get(question) as object | undefined;
					const error = failureToError(this.getNode(), namedFor(found, about), itemIndex);
					output.push(errorItemOrThrow(this, error, itemIndex));
				}
			});
			return output;
		},
	};
}

/**
 * Simplify: node version 1 keeps every field (as it always did); from 1.1 the AI tool variant
 * simplifies by default, since a model's context is small, and the node does not.
 */
const SIMPLIFY: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description:
		'Whether to return only the fields a person or an AI model needs instead of everything Sonoran sends',
};

function withSimplify(properties: INodeProperties[]): INodeProperties[] {
	const forVersion = (
		version: number,
		tool: boolean | undefined,
		on: boolean,
	): INodeProperties => ({
		...SIMPLIFY,
		default: on,
		displayOptions: {
			show: { '@version': [version], ...(tool === undefined ? {} : { '@tool': [tool] }) },
		},
	});
	const simplify = [
		forVersion(1, undefined, false),
		forVersion(1.1, false, false),
		forVersion(1.1, true, true),
	];
	const last = properties[properties.length - 1];
	return last?.name === 'options'
		? [...properties.slice(0, -1), ...simplify, last]
		: [...properties, ...simplify];
}

function readSimplify(ctx: IExecuteFunctions, itemIndex: number): boolean {
	return valueChecker(ctx, itemIndex)(
		ctx.getNodeParameter('simplify', itemIndex, false),
		'Simplify',
		yesNo,
		'Turn "Simplify" on or off.',
	);
}

/** Only the fields named that the thing has. */
function pick(thing: IDataObject, fields: string[]): IDataObject {
	return Object.fromEntries(
		fields.filter((field) => thing[field] !== undefined).map((field) => [field, thing[field]]),
	);
}

/** Sonoran's answer as things: a list's objects, or one object as the one thing. */
function asThings(json: unknown): IDataObject[] | undefined {
	if (Array.isArray(json)) return json.filter(isObject);
	return isObject(json) ? [json] : undefined;
}

/**
 * A GET's answer as output items: each object of a list, or the one object answered; `what`
 * names what was expected when the answer is neither.
 */
export async function fetchThings(
	ctx: IExecuteFunctions,
	connection: SonoranConnection,
	endpoint: Endpoint,
	call: V2Call,
	what: string,
	pick: (json: unknown) => IDataObject[] | undefined = asThings,
): Promise<IDataObject[] | SonoranFailure> {
	const verdict = judge(endpoint, await requestV2(ctx, connection, endpoint, call));
	if (!verdict.ok) return verdict.failure;
	return pick(verdict.json) ?? unexpectedAnswer(endpoint, what, verdict.answer);
}

/** A read of one GET endpoint: the community's (once per execution) or a server's (once per server). */
export interface ReadSpec {
	option: SonoranOperation['option'];
	endpoint: Endpoint;
	/** What the answer holds, for the error when it does not. */
	what: string;
	/** The endpoint's route takes `{serverId}`. */
	perServer?: boolean;
	pick?: (json: unknown) => IDataObject[] | undefined;
}

export function readOperation(spec: ReadSpec): SonoranOperation {
	return listingOperation<{ serverId?: number }>({
		option: spec.option,
		properties: [...(spec.perServer ? [serverIdProperty] : []), optionsCollection()],
		read: (ctx, itemIndex) => (spec.perServer ? { serverId: readServerId(ctx, itemIndex) } : {}),
		fetch: async (ctx, connection, query) => {
			const params: Record<string, number> =
				query.serverId === undefined ? {} : { serverId: query.serverId };
			const things = await fetchThings(
				ctx,
				connection,
				spec.endpoint,
				{ params },
				spec.what,
				spec.pick,
			);
			return Array.isArray(things) ? things.map((thing) => ({ ...params, ...thing })) : things;
		},
	});
}
