import type { IDataObject } from 'n8n-workflow';

import { UPDATE_UNIT_LOCATIONS_V2 } from '../../../client/endpoints';
import { groupedOperation } from '../../kinds/grouped';
import { accountTarget } from '../../parameters/accountTarget';
import { coordinateProperties, readCoordinates } from '../../parameters/coordinates';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { optionalText, parameterReader } from '../../parameters/validate';

const whose = accountTarget(['communityUserId', 'discord', 'roblox'], 'whose unit moved');

export const updateUnitLocations = groupedOperation<IDataObject>({
	option: {
		name: 'Update Unit Locations',
		value: 'updateUnitLocations',
		action: 'Move units on the live map',
		description:
			"Move units on a server's live map, one unit per input item, in one request per server: for Roblox and web games without Sonoran's FiveM resource. Sonoran allows 12 a minute; it answers only how many it updated.",
	},
	properties: [
		serverIdProperty,
		...whose.properties,
		{
			displayName: 'Location',
			name: 'location',
			type: 'string',
			default: '',
			placeholder: 'e.g. Mission Row',
			description: 'Where the unit is, as dispatchers read it (a street or a place)',
		},
		...coordinateProperties(['x', 'y', 'z', 'w']),
	],
	endpoint: UPDATE_UNIT_LOCATIONS_V2,
	read: (ctx, itemIndex) => {
		const serverId = readServerId(ctx, itemIndex);
		const location = parameterReader(ctx, itemIndex)(
			'location',
			'Location',
			optionalText,
			'Set "Location" to text, or leave it empty.',
		);
		const entry: IDataObject = {
			...whose.read(ctx, itemIndex),
			...(location ? { location } : {}),
			coordinates: readCoordinates(ctx, itemIndex, ['x', 'y', 'z', 'w']),
		};
		return { params: { serverId }, entry };
	},
	body: (updates) => ({ updates }),
	settle: (answer, entries) =>
		entries.map((entry) => ({ ...entry, updated: answer.updated, sent: entries.length })),
});
