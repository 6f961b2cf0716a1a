import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';

import { editorGet } from './editorLookup';
import { GET_SERVERS_V2 } from './endpoints';

/**
 * The Server ID parameter of every operation that acts on one of the community's servers: a
 * list of the community's servers, or a number (typed or from an expression). Workflows saved
 * when this was a plain number keep that number: n8n hands it to the node unchanged.
 */
export const serverIdProperty: INodeProperties = {
	displayName: 'Server ID',
	name: 'serverId',
	type: 'resourceLocator',
	default: { mode: 'id', value: '1' },
	required: true,
	description:
		"The community's server, as configured in Sonoran CAD (Admin → Advanced → In-Game Integration); most communities have one server, number 1",
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a server...',
			typeOptions: { searchListMethod: 'searchServers', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A server ID is a whole number' },
				},
			],
		},
	],
};

/**
 * The community's servers for the Server ID list (`GET /v2/general/servers`, 10 a minute per
 * key): read once a minute at most, and filtered here as the user types.
 */
export async function searchServers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const json = (await editorGet(this, GET_SERVERS_V2, 'v2/general/servers')) as IDataObject;
	const servers = Array.isArray(json?.servers) ? (json.servers as IDataObject[]) : [];
	const wanted = (filter ?? '').trim().toLowerCase();
	return {
		results: servers
			.map((server) => ({
				name: `${String(server.name ?? 'Server')} (ID ${String(server.id)})`,
				value: String(server.id),
			}))
			.filter((server) => !wanted || server.name.toLowerCase().includes(wanted)),
	};
}
