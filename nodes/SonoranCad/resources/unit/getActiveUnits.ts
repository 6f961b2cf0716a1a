import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { judge, unexpectedAnswer, type SonoranFailure } from '../../../client/answers';
import type { SonoranConnection } from '../../../client/connection';
import { GET_ACTIVE_UNITS_V1, GET_ACTIVE_UNITS_V2 } from '../../../client/endpoints';
import { optionsCollection } from '../../parameters/requestOptions';
import { requestV1, requestV2 } from '../../../client/transport';
import { statusName } from '../../../client/unitStatus';
import { apiVersionProperty, readApiVersion, type ApiVersion } from '../../parameters/apiVersion';
import { listingOperation } from '../../kinds/listing';
import { PAGE_SIZE, readLimit, returnAllProperties } from '../../parameters/returnAll';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { optionSwitch } from '../../parameters/validate';

interface Listing {
	api: ApiVersion;
	serverId: number;
	includeOffline: boolean;
	onlyUnits: boolean;
	/** Most units to return; undefined for all. */
	max?: number;
}

function readListing(ctx: IExecuteFunctions, itemIndex: number): Listing {
	const option = optionSwitch(ctx, itemIndex);
	return {
		api: readApiVersion(ctx),
		serverId: readServerId(ctx, itemIndex),
		includeOffline: option('includeOffline', 'Include Offline', false),
		onlyUnits: option('onlyUnits', 'Only Units', true),
		max: readLimit(ctx, itemIndex, 'units'),
	};
}

/** One page of units, or why there is none. */
async function fetchPage(
	ctx: IExecuteFunctions,
	connection: SonoranConnection,
	listing: Listing,
	offset: number,
	limit: number,
): Promise<IDataObject[] | SonoranFailure> {
	const { serverId, onlyUnits, includeOffline } = listing;
	const query = { onlyUnits, includeOffline, limit, offset };
	const endpoint = listing.api === 'v1' ? GET_ACTIVE_UNITS_V1 : GET_ACTIVE_UNITS_V2;
	const verdict = judge(
		endpoint,
		listing.api === 'v1'
			? await requestV1(ctx, connection, endpoint, [{ serverId, ...query }])
			: await requestV2(ctx, connection, endpoint, { params: { serverId }, qs: query }),
	);
	if (!verdict.ok) return verdict.failure;
	const json = verdict.json as { units?: unknown } | unknown[] | undefined;
	const units = Array.isArray(json) ? json : json?.units;
	return Array.isArray(units)
		? (units as IDataObject[])
		: unexpectedAnswer(endpoint, 'a list of units', verdict.answer);
}

/** Pages of 100 until the limit or a short page (Sonoran gives no total here). */
async function fetchUnits(
	ctx: IExecuteFunctions,
	connection: SonoranConnection,
	listing: Listing,
): Promise<IDataObject[] | SonoranFailure> {
	const units: IDataObject[] = [];
	const max = listing.max ?? Infinity;
	while (units.length < max) {
		const limit = Math.min(PAGE_SIZE, max - units.length);
		const page = await fetchPage(ctx, connection, listing, units.length, limit);
		if (!Array.isArray(page)) return page;
		units.push(...page);
		if (page.length < limit) break;
	}
	return units.map((unit) => unitItem(unit, listing.serverId));
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

export const getActiveUnits = listingOperation<Listing>({
	option: {
		name: 'Get Active Units',
		value: 'getActiveUnits',
		action: 'List the units on duty on a server',
		description:
			'List the units logged in on a server, one output item per unit, ready to feed into Kick (Sonoran plan PLUS or higher)',
	},
	simplified: [
		'id',
		'unitNum',
		'name',
		'status',
		'statusName',
		'isPanic',
		'location',
		'apiId',
		'communityUserId',
		'serverId',
	],
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
	read: readListing,
	fetch: fetchUnits,
});
