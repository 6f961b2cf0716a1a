import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { PANEL_KEY_PATTERN } from '../../../editor/panelKey';
import { keyMatching, valueChecker } from '../../parameters/validate';

export { panelKeyProperty } from '../../../editor/panelKey';

const KEY_RULE = 'a key is 2-80 lowercase letters, digits, dots, underscores or hyphens';

/** The item's panel key: picked from the list, typed, or from an expression. */
export function readPanelKey(ctx: IExecuteFunctions, itemIndex: number): string {
	return valueChecker(ctx, itemIndex)(
		ctx.getNodeParameter('panelKey', itemIndex, undefined, { extractValue: true }),
		'Panel Key',
		keyMatching(PANEL_KEY_PATTERN, KEY_RULE),
		'Pick the panel from the list, or give its key, such as doors (2-80 lowercase letters, digits, dots, underscores or hyphens).',
	);
}

export const instanceKeyProperty: INodeProperties = {
	displayName: 'Instance Key',
	name: 'instanceKey',
	type: 'string',
	default: 'default',
	required: true,
	description:
		'Which copy of the panel on this server, such as mission-row for one building of a door panel; most panels have one, "default"',
};

export function readInstanceKey(ctx: IExecuteFunctions, itemIndex: number): string {
	return valueChecker(ctx, itemIndex)(
		ctx.getNodeParameter('instanceKey', itemIndex),
		'Instance Key',
		keyMatching(PANEL_KEY_PATTERN, KEY_RULE),
		'Give the instance key, such as default (2-80 lowercase letters, digits, dots, underscores or hyphens).',
	);
}
