import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';

import { LIST_PANELS_V2 } from '../client/endpoints';
import { editorGet, listMatching } from './editorLookup';

/**
 * Sonoran's rule for panel and instance keys: 2-80 lowercase letters, digits, dots, underscores,
 * hyphens; and never `..`, which fits that rule but would climb out of the route it is put in.
 */
export const PANEL_KEY_PATTERN = /^(?!\.\.$)[a-z0-9._-]{2,80}$/;

/** The Panel Key parameter: one of the community's panels, or a key typed or from an expression. */
export function panelKeyProperty(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Panel Key',
		name: 'panelKey',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description:
			"The Integration Panel's key, such as doors or example.fire-alarms (2-80 lowercase letters, digits, dots, underscores or hyphens)",
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a panel...',
				typeOptions: { searchListMethod: 'searchPanels', searchable: true },
			},
			{
				displayName: 'By Key',
				name: 'key',
				type: 'string',
				placeholder: 'e.g. doors',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: PANEL_KEY_PATTERN.source,
							errorMessage:
								'A panel key is 2-80 lowercase letters, digits, dots, underscores or hyphens',
						},
					},
				],
			},
		],
		...overrides,
	};
}

/** The community's panels for the Panel Key list (`GET /v2/integration-panels`, 120 a minute). */
export async function searchPanels(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const json = await editorGet(this, LIST_PANELS_V2);
	const panels = (Array.isArray(json) ? json : []).filter(
		(panel): panel is IDataObject => panel !== null && typeof panel === 'object',
	);
	return listMatching(
		panels.map((panel) => ({
			name: panel.name ? `${String(panel.name)} (${String(panel.key)})` : String(panel.key),
			value: String(panel.key),
		})),
		filter,
	);
}
