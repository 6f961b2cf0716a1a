import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { SET_STATIONS_V2 } from '../../../client/endpoints';
import { groupedOperation, WHOLE_LIST_NOTE } from '../../kinds/grouped';
import { coordinateProperties, readCoordinates } from '../../parameters/coordinates';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { identifierList, parameterReader, text } from '../../parameters/validate';

type StationEntry = { location: IDataObject; tones: string[]; unitColors: string[] };

function readList(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string) {
	const value = ctx.getNodeParameter(name, itemIndex, '');
	if (value === '' || (Array.isArray(value) && value.length === 0)) return [];
	return parameterReader(ctx, itemIndex)(
		name,
		label,
		identifierList,
		`Give "${label}" separated by commas, or leave it empty.`,
	);
}

export const replaceStations = groupedOperation<StationEntry>({
	option: {
		name: 'Replace Stations',
		value: 'replaceStations',
		action: "Replace a server's stations",
		description: `Set a server's station alert locations to exactly the input items, one station per item, with the server's tones and unit colors. ${WHOLE_LIST_NOTE} Sonoran allows 2 a minute.`,
	},
	properties: [
		serverIdProperty,
		{
			displayName: 'Station Name',
			name: 'stationName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Mission Row',
			description: 'The station as dispatchers see it',
		},
		...coordinateProperties(['x', 'y', 'z']),
		{
			displayName: 'Doors',
			name: 'doors',
			type: 'string',
			default: '',
			placeholder: 'e.g. bay_1, bay_2',
			description: "The station's doors, separated by commas",
		},
		{
			displayName: 'Icon',
			name: 'icon',
			type: 'string',
			default: 'fas fa-building',
			description: 'A Font Awesome icon class for the map',
		},
		{
			displayName: 'Tones',
			name: 'tones',
			type: 'string',
			default: '',
			placeholder: 'e.g. tone_station_open.mp3',
			description: "The server's alert tones, separated by commas (the first item's count)",
		},
		{
			displayName: 'Unit Colors',
			name: 'unitPalette',
			type: 'string',
			default: '',
			placeholder: 'e.g. #2563eb, #ef4444',
			description: "The server's unit colors, separated by commas (the first item's count)",
		},
	],
	endpoint: SET_STATIONS_V2,
	wholeList: 'stations',
	read: (ctx, itemIndex) => {
		const serverId = readServerId(ctx, itemIndex);
		const name = parameterReader(ctx, itemIndex)(
			'stationName',
			'Station Name',
			text,
			'Map "Station Name" from the item.',
		);
		const location = {
			name,
			coordinates: readCoordinates(ctx, itemIndex, ['x', 'y', 'z']),
			doors: readList(ctx, itemIndex, 'doors', 'Doors'),
			icon: String(ctx.getNodeParameter('icon', itemIndex, '')),
		};
		const tones = readList(ctx, itemIndex, 'tones', 'Tones');
		const unitColors = readList(ctx, itemIndex, 'unitPalette', 'Unit Colors');
		return { params: { serverId }, entry: { location, tones, unitColors } };
	},
	body: (entries) => ({
		locations: entries.map((entry) => entry.location),
		tones: entries[0]?.tones ?? [],
		unitColors: entries[0]?.unitColors ?? [],
	}),
	settle: (_answer, entries) =>
		entries.map((entry) => ({ ...entry.location, stations: entries.length })),
});
