import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { SET_PANEL_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { jsonObject, valueChecker, type Reject } from '../../parameters/validate';
import { panelKeyProperty, readPanelKey } from './panelParameters';

/** Sonoran's documented caps on a definition (Integration Panels, Limits). */
export const DEFINITION_LIMITS = { bytes: 128 * 1024, rootNodes: 200, sounds: 20, nameLength: 80 };

/**
 * Checks a definition against what Sonoran documents before it is sent: schema version 1 (added
 * when missing), its key the panel's, a name, a body of at most 200 root nodes, at most 20 sounds.
 */
function checkDefinition(panelKey: string) {
	const asObject = jsonObject(DEFINITION_LIMITS.bytes);
	return (value: unknown, reject: Reject): IDataObject => {
		const definition: IDataObject = { schemaVersion: 1, ...asObject(value, reject) };
		if (definition.schemaVersion !== 1) {
			reject(`has schemaVersion ${String(definition.schemaVersion)}; Sonoran takes version 1`);
		}
		if (definition.key !== undefined && definition.key !== panelKey) {
			reject(
				`has key "${String(definition.key)}", but the Panel Key is "${panelKey}"; they must match`,
			);
		}
		const { name, body, sounds } = definition;
		if (typeof name !== 'string' || name.trim() === '') reject('has no name');
		else if (name.length > DEFINITION_LIMITS.nameLength) {
			reject(`has a name of ${name.length} characters; Sonoran takes at most 80`);
		}
		if (!Array.isArray(body)) reject('has no body: a list of the nodes the panel shows');
		else if (body.length > DEFINITION_LIMITS.rootNodes) {
			reject(`has ${body.length} root nodes in its body; Sonoran takes at most 200`);
		}
		if (sounds !== undefined && Array.isArray(sounds) && sounds.length > DEFINITION_LIMITS.sounds) {
			reject(`has ${sounds.length} sounds; Sonoran takes at most 20`);
		}
		return definition;
	};
}

function readDefinition(ctx: IExecuteFunctions, itemIndex: number, panelKey: string): IDataObject {
	return valueChecker(ctx, itemIndex)(
		ctx.getNodeParameter('definition', itemIndex),
		'Definition',
		checkDefinition(panelKey),
		'Give the panel definition as JSON: {"schemaVersion": 1, "name": "Door Locks", "body": [...]}, as the Integration Panel Builder in Sonoran CAD exports it (at most 128 KiB).',
	);
}

export const setPanel = perItemOperation({
	option: {
		name: 'Create or Replace Panel',
		value: 'set',
		action: 'Create or replace an integration panel',
		description:
			"Publish an Integration Panel's definition (its layout, controls and actions) to the CAD, replacing the whole definition if the panel exists; one panel per input item",
	},
	properties: [
		panelKeyProperty({
			description:
				'The key of the panel to create or replace; a new key creates a panel (2-80 lowercase letters, digits, dots, underscores or hyphens)',
		}),
		{
			displayName: 'Definition',
			name: 'definition',
			type: 'json',
			default:
				'{\n  "schemaVersion": 1,\n  "name": "My Panel",\n  "body": [{ "type": "text", "text": "Connected to n8n." }]\n}',
			required: true,
			description:
				"The panel's whole definition as JSON (schema version 1), for example from Sonoran's Integration Panel Builder. Checked before sending: a name of at most 80 characters, a body of at most 200 root nodes, at most 20 sounds, 128 KiB in all.",
		},
	],
	endpoint: SET_PANEL_V2,
	read: (ctx, itemIndex) => {
		const panelKey = readPanelKey(ctx, itemIndex);
		const definition = readDefinition(ctx, itemIndex, panelKey);
		return { call: { params: { panelKey }, body: { definition } }, echo: { panelKey } };
	},
	shape: (panel) => panel,
});
