import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { isObject, judge, leftOut, type SonoranFailure } from '../../client/answers';
import { openConnection } from '../../client/connection';
import type { Endpoint } from '../../client/endpoints';
import { optionsCollection, readRequestPolicy } from '../parameters/requestOptions';
import { requestV2 } from '../../client/transport';
import { batchSizeOption, readBatching, shareRequestsOption } from '../parameters/batchSize';
import { deliverShared } from './sharing';
import type { SonoranOperation } from './operation';
import { ItemResults } from './results';
import { readServerId, serverIdProperty } from '../parameters/server';
import { readUnits, unitTargetProperties, type UnitsBy } from '../parameters/unitTargets';

/** An operation that sets one state (status, panic) of units: `PATCH …/units/{path}`. */
export interface UnitStateSpec {
	option: SonoranOperation['option'];
	/** The state's own parameters, shown after the server and the units. */
	properties: SonoranOperation['properties'];
	endpoint: Endpoint;
	/** The item's state as the body gives it, such as `{ status: 3 }`; throws a readable error. */
	readState: (ctx: IExecuteFunctions, itemIndex: number) => IDataObject;
	/** The state as the output item shows it, from Sonoran's answer. */
	describe: (state: IDataObject, answer: IDataObject) => IDataObject;
}

interface UnitChange {
	itemIndex: number;
	serverId: number;
	unitsBy: UnitsBy;
	units: string | string[] | number[];
	state: IDataObject;
}

/** Items that can share one request: same server, same state, units named the same way by list. */
function groupKey(change: UnitChange): string | undefined {
	if (!Array.isArray(change.units)) return undefined;
	return JSON.stringify([change.serverId, change.unitsBy, change.state]);
}

/**
 * Sets the state of the units of all input items in as few requests as the API allows: items
 * that ask the same of the same server, naming units by lists of IDs, share a request (up to
 * Batch Size items). Sonoran answers with how many units it updated in the request; a request
 * it refuses with a 404 is split until the item that caused it is alone.
 */
function executeWith(spec: UnitStateSpec) {
	return async function execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		const results = new ItemResults(this, items.length);
		const groups = new Map<string, UnitChange[]>();
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const change: UnitChange = {
					itemIndex,
					serverId: readServerId(this, itemIndex),
					...readUnits(this, itemIndex),
					state: spec.readState(this, itemIndex),
				};
				const key = groupKey(change) ?? `item ${itemIndex}`;
				groups.set(key, [...(groups.get(key) ?? []), change]);
			} catch (error) {
				results.fail(itemIndex, error);
			}
		}
		if (groups.size === 0) return results.toArray();

		const connection = await openConnection(this, readRequestPolicy(this));
		const batching = readBatching(this);
		for (const changes of groups.values()) {
			const { serverId, unitsBy, state } = changes[0];
			const key = groupKey(changes[0]);
			// Only items naming units by list share requests, within the execution or beyond it.
			const sharing = { ...batching, share: batching.share && key !== undefined };
			await deliverShared(
				this,
				connection,
				results,
				changes,
				{ ...sharing, batchKey: `${spec.endpoint.operation} ${key}` },
				{
					send: async (_batch, leaving) =>
						await requestV2(this, connection, spec.endpoint, {
							params: { serverId },
							body: () => ({ [unitsBy]: unitsOf(leaving.items()), ...state }),
							hooks: leaving,
						}),
					judge: (delivery) => judge(spec.endpoint, delivery),
					accept: (batch, verdict, outcomes) => {
						const answer = isObject(verdict.json) ? verdict.json : {};
						const short = shortCount(batch, answer, serverId);
						if (short) return short;
						for (const change of batch) {
							outcomes.succeed(change.itemIndex, {
								serverId,
								[unitsBy]: change.units,
								...spec.describe(state, answer),
								updatedInRequest: answer.updated,
								itemsInRequest: batch.length,
							});
						}
						return undefined;
					},
				},
			);
		}
		return results.toArray();
	};
}

/** The units a batch names: a list's IDs once each, or the one account. */
function unitsOf(batch: UnitChange[]): string | string[] | number[] {
	if (!Array.isArray(batch[0].units)) return batch[0].units;
	return [...new Set(batch.flatMap((change) => change.units as Array<string | number>))] as
		| string[]
		| number[];
}

/**
 * Sonoran answers how many units it updated, not which. When units named by list are missing
 * from the count, the request's items are split (repeating a status or panic changes nothing)
 * until each item whose units were not all found is alone, and that item fails.
 */
function shortCount(
	batch: UnitChange[],
	answer: IDataObject,
	serverId: number,
): SonoranFailure | undefined {
	if (typeof answer.updated !== 'number' || !Array.isArray(batch[0].units)) return undefined;
	const named = new Set(batch.flatMap((change) => change.units as Array<string | number>)).size;
	if (answer.updated >= named) return undefined;
	return leftOut(
		"Sonoran CAD did not update all of this item's units",
		`Sonoran updated fewer units than were named, and not all of this item's. Check that each unit is logged in on server ${serverId}; a unit that logged out cannot be changed.`,
	);
}

export function unitStateOperation(spec: UnitStateSpec): SonoranOperation {
	return {
		option: spec.option,
		endpoints: [spec.endpoint],
		properties: [
			serverIdProperty,
			...unitTargetProperties(['communityUserIds', 'identIds', 'accountUuid']),
			...spec.properties,
			optionsCollection([
				batchSizeOption(
					'How many input items may share one request to Sonoran (1 to 100) when they ask the same of the same server',
				),
				shareRequestsOption,
			]),
		],
		execute: executeWith(spec),
	};
}
