import type { SonoranResource } from '../../kinds/operation';
import { checkLink } from './checkLink';
import { createLinkCode } from './createLinkCode';
import { get } from './get';
import { getMany } from './getMany';

export const account: SonoranResource = {
	option: {
		name: 'Account',
		value: 'account',
		description:
			"Community members' Sonoran accounts and the links to their game or Discord IDs (v2 API)",
	},
	operations: [get, getMany, createLinkCode, checkLink],
};
