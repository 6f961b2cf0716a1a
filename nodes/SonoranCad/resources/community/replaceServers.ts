import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../../../client/answers';
import { SET_SERVERS_V2 } from '../../../client/endpoints';
import { groupedOperation, WHOLE_LIST_NOTE } from '../../kinds/grouped';
import { jsonObject, parameterReader, text, wholeNumber } from '../../parameters/validate';

/** The settings of one server beyond its ID and name, as Sonoran's page lists them. */
const SETTINGS_EXAMPLE = JSON.stringify(
	{ description: 'Primary patrol server', enableMap: true, mapType: 'NORMAL', liveMapFormat: 0 },
	null,
	2,
);

export const replaceServers = groupedOperation<{ server: IDataObject; deployMap: boolean }>({
	option: {
		name: 'Replace Servers',
		value: 'replaceServers',
		action: "Replace the community's servers",
		description: `Set the community's servers to exactly the input items, one server per item. ${WHOLE_LIST_NOTE} A server left out is removed from the CAD, with its units and calls.`,
	},
	properties: [
		{
			displayName: 'Server ID',
			name: 'id',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1,
			required: true,
			description:
				"The server's number in Sonoran CAD (most communities have one server, number 1)",
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Main Server',
			description: 'The name dispatchers see',
		},
		{
			displayName: 'Settings (JSON)',
			name: 'settings',
			type: 'json',
			default: SETTINGS_EXAMPLE,
			description:
				"The server's other settings as Sonoran's Set Servers page names them: description, signal, mapUrl, mapIp, listenerPort, differingOutbound, outboundIp, enableMap, mapType, isStatic, liveMapFormat (0 GTA V, 1 Roblox)",
		},
		{
			displayName: 'Deploy Map',
			name: 'deployMap',
			type: 'boolean',
			default: false,
			description:
				"Whether Sonoran deploys the live map with the new settings (the first item's choice counts)",
		},
	],
	endpoint: SET_SERVERS_V2,
	wholeList: 'servers',
	read: (ctx, itemIndex) => {
		const read = parameterReader(ctx, itemIndex);
		const settings = read(
			'settings',
			'Settings (JSON)',
			jsonObject(64 * 1024),
			"Give the server's other settings as a JSON object, or {} for none.",
		);
		const id = read('id', 'Server ID', wholeNumber, 'Set "Server ID" to the server\'s number.');
		const name = read('name', 'Name', text, 'Set "Name" to the server\'s name.');
		const deployMap = ctx.getNodeParameter('deployMap', itemIndex, false) === true;
		return { params: {}, entry: { server: { ...settings, id, name }, deployMap } };
	},
	body: (entries) => ({
		deployMap: entries[0]?.deployMap === true,
		servers: entries.map((entry) => entry.server),
	}),
	settle: (answer, entries) => {
		const servers = Array.isArray(answer.servers) ? answer.servers.filter(isObject) : [];
		return entries.map(({ server }) => ({
			...server,
			...servers.find((saved) => saved.id === server.id),
		}));
	},
});
