import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { isObject, judge, notSent, type SonoranFailure } from '../../client/answers';
import { openConnection } from '../../client/connection';
import type { Endpoint } from '../../client/endpoints';
import { requestV2 } from '../../client/transport';
import { MAX_BATCH_SIZE } from '../parameters/batchSize';
import { optionsCollection, readRequestPolicy } from '../parameters/requestOptions';
import type { SonoranOperation } from './operation';
import { chunk, ItemResults } from './results';

/** One input item's part of a request: the route it goes to (its group) and its entry. */
export interface GroupedEntry<Entry> {
	params: Record<string, string | number>;
	entry: Entry;
}

/** An operation whose items travel together: one request per route (a server, or the community). */
export interface GroupedSpec<Entry> {
	option: SonoranOperation['option'];
	properties: SonoranOperation['properties'];
	endpoint: Endpoint;
	/** The item's route and entry, or a thrown readable error. */
	read: (ctx: IExecuteFunctions, itemIndex: number) => GroupedEntry<Entry>;
	/**
	 * Set for a page that replaces a whole list (penal codes, postals, servers…), naming what it
	 * holds: every item of the execution goes into one request, never split, and one bad item
	 * sends nothing, since the list without its entry would delete that entry in Sonoran.
	 */
	wholeList?: string;
	body: (entries: Entry[]) => IDataObject;
	/** Each entry's output fields, or its failure, from Sonoran's answer to their request. */
	settle: (answer: IDataObject, entries: Entry[]) => Array<IDataObject | SonoranFailure>;
	/** What an entry is about, for its error message (an object entry by default). */
	about?: (entry: Entry) => object;
}

const isFailure = (value: IDataObject | SonoranFailure): value is SonoranFailure =>
	typeof value.fatal === 'boolean' && typeof value.blamesItems === 'boolean';

export function groupedOperation<Entry>(spec: GroupedSpec<Entry>): SonoranOperation {
	return {
		option: spec.option,
		properties: [...spec.properties, optionsCollection()],
		endpoints: [spec.endpoint],
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
			return await requestGrouped(this, items, spec);
		},
	};
}

async function requestGrouped<Entry>(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	spec: GroupedSpec<Entry>,
): Promise<INodeExecutionData[]> {
	const results = new ItemResults(ctx, items.length);
	const groups = new Map<string, { params: GroupedEntry<Entry>['params']; members: number[] }>();
	const entries: Entry[] = [];
	const groupOf: Array<GroupedEntry<Entry>['params']> = [];
	const bad: number[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const { params, entry } = spec.read(ctx, itemIndex);
			entries[itemIndex] = entry;
			groupOf[itemIndex] = params;
			const key = JSON.stringify(params);
			const group = groups.get(key) ?? { params, members: [] };
			group.members.push(itemIndex);
			groups.set(key, group);
		} catch (error) {
			results.fail(itemIndex, error);
			bad.push(itemIndex);
		}
	}
	if (spec.wholeList && bad.length) {
		const badItems = bad.map((itemIndex) => itemIndex + 1).join(', ');
		const failure = notSent(
			`Not sent: the ${spec.wholeList} are replaced as a whole, and item ${badItems} is not valid`,
			`Sonoran replaces the whole list with what is sent: sending it without item ${badItems} would delete that entry. Fix the item (see its error) and run again; nothing was changed.`,
		);
		for (const { members } of groups.values()) {
			for (const itemIndex of members) results.failWith(itemIndex, failure);
		}
		return results.toArray();
	}
	if (groups.size === 0) return results.toArray();

	const aboutOf = (itemIndex: number): object => {
		const entry = entries[itemIndex];
		const own = spec.about ? spec.about(entry) : isObject(entry) ? entry : {};
		return { ...groupOf[itemIndex], ...own };
	};
	const connection = await openConnection(ctx, readRequestPolicy(ctx));
	for (const { params, members } of groups.values()) {
		const batches = spec.wholeList ? [members] : chunk(members, MAX_BATCH_SIZE);
		for (const batch of batches) {
			const batchEntries = batch.map((itemIndex) => entries[itemIndex]);
			const verdict = judge(
				spec.endpoint,
				await requestV2(ctx, connection, spec.endpoint, {
					params,
					body: spec.body(batchEntries),
				}),
			);
			if (!verdict.ok) {
				for (const itemIndex of batch) {
					results.failWith(itemIndex, verdict.failure, aboutOf(itemIndex));
				}
				continue;
			}
			const answer = isObject(verdict.json) ? verdict.json : { answer: verdict.answer };
			const outcomes = spec.settle(answer, batchEntries);
			batch.forEach((itemIndex, position) => {
				const outcome = outcomes[position];
				if (isFailure(outcome)) results.failWith(itemIndex, outcome);
				else results.succeed(itemIndex, { ...params, ...outcome });
			});
		}
	}
	return results.toArray();
}

/** What every operation that replaces a whole list of Sonoran's configuration says about it. */
export const WHOLE_LIST_NOTE =
	'All input items of the run go into one request that replaces the whole list: an entry not among them is deleted. One invalid item sends nothing.';

/** Each item's output after a replace: its own entry, and what Sonoran counted. */
export function replacedCount(answer: IDataObject, entries: IDataObject[]): IDataObject[] {
	return entries.map((entry) => ({ ...entry, updated: answer.updated ?? entries.length }));
}
