import type { SonoranResource } from '../../kinds/operation';
import { addNote } from './addNote';
import { attachUnits } from './attachUnits';
import { close } from './close';
import { create911 } from './create911';
import { createCustomDispatch } from './createCustomDispatch';
import { createDispatch } from './createDispatch';
import { detachUnits } from './detachUnits';
import { getCurrentCall } from './getCurrentCall';
import { getDispatchTemplate } from './getDispatchTemplate';
import { getDispatchTemplates } from './getDispatchTemplates';
import { getMany } from './getMany';
import { remove911 } from './remove911';
import { setPostal } from './setPostal';
import { setPrimary } from './setPrimary';
import { update } from './update';

export const call: SonoranResource = {
	option: {
		name: 'Call',
		value: 'call',
		description: '911 calls and dispatch calls in the CAD (v2 API)',
	},
	operations: [
		create911,
		createDispatch,
		addNote,
		attachUnits,
		close,
		detachUnits,
		getMany,
		remove911,
		update,
		getCurrentCall,
		createCustomDispatch,
		getDispatchTemplates,
		getDispatchTemplate,
		setPostal,
		setPrimary,
	],
};
