import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';

import { editorGet, listMatching } from './editorLookup';
import { GET_SERVERS_V2 } from '../client/endpoints';
import { numberLocator } from './numberLocator';

/**
 * The Server ID parameter of every operation that acts on one of the community's servers: a
 * list of the community's servers, or a number (typed or from an expression). Workflows saved
 * when this was a plain number keep that number: n8n hands it to the node unchanged.
 */
export const serverIdProperty: INodeProperties = {
	...numberLocator({
		displayName: 'Server ID',
		name: 'serverId',
		description:
			"The community's server, as configured in Sonoran CAD (Admin → Advanced → In-Game Integration); most communities have one server, number 1",
		listPlaceholder: 'Select a server...',
		searchListMethod: 'searchServers',
		idPlaceholder: 'e.g. 1',
		idError: 'A server ID is a whole number',
	}),
	// Most communities have one server, number 1: a new node works without a choice.
	default: { mode: 'id', value: '1' },
};

/**
 * The community's servers for the Server ID list (`GET /v2/general/servers`, 10 a minute per
 * key): read once a minute at most, and filtered here as the user types.
 */
export async function searchServers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const json = (await editorGet(this, GET_SERVERS_V2)) as IDataObject;
	const servers = Array.isArray(json?.servers) ? (json.servers as IDataObject[]) : [];
	return listMatching(
		servers.map((server) => ({
			name: `${String(server.name ?? 'Server')} (ID ${String(server.id)})`,
			value: String(server.id),
		})),
		filter,
	);
}
