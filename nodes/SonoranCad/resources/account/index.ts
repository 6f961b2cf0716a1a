import type { SonoranResource } from '../../kinds/operation';
import { ban } from './ban';
import { checkLink } from './checkLink';
import { createLinkCode } from './createLinkCode';
import { get } from './get';
import { getCharacters } from './getCharacters';
import { getMany } from './getMany';
import { unban } from './unban';

export const account: SonoranResource = {
	option: {
		name: 'Account',
		value: 'account',
		description:
			"Community members' Sonoran accounts and the links to their game or Discord IDs (v2 API)",
	},
	operations: [get, getMany, getCharacters, createLinkCode, checkLink, ban, unban],
};
