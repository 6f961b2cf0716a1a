import type { SonoranResource } from '../../kinds/operation';
import { ban } from './ban';
import { checkLink } from './checkLink';
import { createLinkCode } from './createLinkCode';
import { get } from './get';
import { getCharacters } from './getCharacters';
import { getMany } from './getMany';
import { unban } from './unban';
import { applyPermissionKey } from './applyPermissionKey';
import { getCharacterLinks, removeCharacterLink, setCharacterLink } from './characterLinks';
import { deleteCharacter } from './deleteCharacter';
import { selectCharacter } from './selectCharacter';
import { sendPhoto } from './sendPhoto';
import { setLink } from './setLink';
import { verifySecret } from './verifySecret';
import { getPermissionCatalog } from './getPermissionCatalog';
import { getPermissions } from './getPermissions';
import { modifyPermissions } from './modifyPermissions';
import { replacePermissions } from './replacePermissions';

export const account: SonoranResource = {
	option: {
		name: 'Account',
		value: 'account',
		description:
			"Community members' Sonoran accounts, their links to game or Discord IDs, and their permissions (v2 API)",
	},
	operations: [
		get,
		getMany,
		getCharacters,
		selectCharacter,
		deleteCharacter,
		getCharacterLinks,
		setCharacterLink,
		removeCharacterLink,
		createLinkCode,
		checkLink,
		setLink,
		verifySecret,
		sendPhoto,
		ban,
		unban,
		getPermissionCatalog,
		getPermissions,
		replacePermissions,
		modifyPermissions,
		applyPermissionKey,
	],
};
