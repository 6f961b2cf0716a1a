import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { judge, failureToError, type SonoranFailure } from '../../../shared/answers';
import { apiVersionProperty, readApiVersion, type ApiVersion } from '../../shared/apiVersion';
import { openConnection, type SonoranConnection } from '../../../shared/connection';
import { GET_ACTIVE_UNITS_V1, GET_ACTIVE_UNITS_V2 } from '../../../shared/endpoints';
import type { SonoranOperation } from '../../shared/operation';
import { optionsCollection, readRequestPolicy } from '../../../shared/requestPolicy';
import { errorItemOrThrow } from '../../shared/results';
import { requestV1, requestV2 } from '../../../shared/transport';
import { statusName } from '../../../shared/unitStatus';
import { returnAllProperties } from '../../shared/returnAll';
import { readServerId, serverIdProperty } from '../../shared/server';

/** Sonoran's largest page. */
const PAGE_SIZE = 100;

interface Listing {
	serverId: number;
	includeOffline: boolean;
	onlyUnits: boolean;
	/** Most units to return; Infinity for all. */
	max: number;
}

function unexpectedPage(text: string): SonoranFailure {
	return {
		message: 'Sonoran CAD answered Get Active Units with something other than a list of units',
		description:
			"If the credential uses a custom Base URL, check that it points at Sonoran CAD's API.",
		fatal: false,
		blamesItems: false,
		statusCode: 200,
		answer: text.slice(0, 200),
	};
}

/** One page of units, or why there is none. */
async function fetchPage(
	ctx: IExecuteFunctions,
	connection: SonoranConnection,
	api: ApiVersion,
	listing: Listing,
	offset: number,
	limit: number,
): Promise<IDataObject[] | SonoranFailure> {
	const query = {
		onlyUnits: listing.onlyUnits,
		includeOffline: listing.includeOffline,
		limit,
		offset,
	};
	const verdict =
		api === 'v1'
			? judge(
					GET_ACTIVE_UNITS_V1,
					await requestV1(ctx, connection, GET_ACTIVE_UNITS_V1, [
						{ serverId: listing.serverId, ...query },
					]),
				)
			: judge(
					GET_ACTIVE_UNITS_V2,
					await requestV2(ctx, connection, GET_ACTIVE_UNITS_V2, {
						method: 'GET',
						path: `v2/emergency/servers/${listing.serverId}/units`,
						qs: query,
					}),
				);
	if (!verdict.ok) return verdict.failure;
	const json = verdict.json as { units?: unknown } | unknown[] | undefined;
	const units = Array.isArray(json) ? json : json?.units;
	return Array.isArray(units) ? (units as IDataObject[]) : unexpectedPage(verdict.answer);
}

/** A unit shaped to chain into Kick with its defaults: `apiId` and `communityUserId` on top. */
function unitItem(unit: IDataObject, serverId: number): IDataObject {
	const data = (unit.data ?? {}) as IDataObject;
	const status = unit.status as number;
	return {
		apiId: data.apiId1,
		communityUserId: data.communityUserId,
		unitNum: data.unitNum,
		name: data.name,
		status,
		statusName: statusName(status),
		serverId,
		...unit,
	};
}

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const api = readApiVersion(this);
	const connection = await openConnection(this, readRequestPolicy(this));
	const output: INodeExecutionData[] = [];
	let fatal: SonoranFailure | undefined;

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const listing: Listing = {
				serverId: readServerId(this, itemIndex),
				includeOffline: this.getNodeParameter(
					'options.includeOffline',
					itemIndex,
					false,
				) as boolean,
				onlyUnits: this.getNodeParameter('options.onlyUnits', itemIndex, true) as boolean,
				max: this.getNodeParameter('returnAll', itemIndex, false)
					? Infinity
					: (this.getNodeParameter('limit', itemIndex, 50) as number),
			};
			const units: IDataObject[] = [];
			while (units.length < listing.max) {
				if (fatal) throw failureToError(this.getNode(), fatal, itemIndex);
				const limit = Math.min(PAGE_SIZE, listing.max - units.length);
				const page = await fetchPage(this, connection, api, listing, units.length, limit);
				if (!Array.isArray(page)) {
					if (page.fatal) fatal = page;
					throw failureToError(this.getNode(), page, itemIndex);
				}
				units.push(...page);
				if (page.length < limit) break;
			}
			for (const unit of units) {
				output.push({ json: unitItem(unit, listing.serverId), pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			output.push(errorItemOrThrow(this, error, itemIndex));
		}
	}
	return output;
}

export const getActiveUnits: SonoranOperation = {
	option: {
		name: 'Get Active Units',
		value: 'getActiveUnits',
		action: 'Get active units',
		description:
			'List the units logged in on a server, one output item per unit, ready to feed into Kick (Sonoran plan PLUS or higher)',
	},
	properties: [
		apiVersionProperty,
		{ ...serverIdProperty, description: "The community's server whose units to list" },
		...returnAllProperties,
		optionsCollection([
			{
				displayName: 'Include Offline',
				name: 'includeOffline',
				type: 'boolean',
				default: false,
				description: 'Whether to include units that are logged out',
			},
			{
				displayName: 'Only Units',
				name: 'onlyUnits',
				type: 'boolean',
				default: true,
				description: 'Whether to leave out dispatchers and list only field units',
			},
		]),
	],
	execute,
};
