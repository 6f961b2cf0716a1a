import { isObject, notSent } from '../../../client/answers';
import { REPLACE_ACCOUNT_PERMISSIONS_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { whoseGrants } from './getPermissions';
import {
	allowNoGrantsProperty,
	grantsProperty,
	readGrants,
	unknownGrants,
} from './permissionGrants';

export const replacePermissions = perItemOperation({
	option: {
		name: 'Replace Permissions',
		value: 'replacePermissions',
		action: "Replace a member's permissions",
		description:
			"Set an account's complete list of grants: any grant not listed is removed; an empty list clears them and makes an active member pending. One account per input item; grants are checked against the community's catalog first. Sonoran's bot or CMS role sync overwrites what this sets when both run.",
	},
	properties: [
		{
			displayName:
				"Replace Permissions sets the whole grant list. If Sonoran Bot or Sonoran CMS also syncs this community's roles, they overwrite each other: use one of them.",
			name: 'replaceNotice',
			type: 'notice',
			default: '',
		},
		...whoseGrants.properties,
		grantsProperty,
		allowNoGrantsProperty,
	],
	endpoint: REPLACE_ACCOUNT_PERMISSIONS_V2,
	read: (ctx, itemIndex) => {
		const account = whoseGrants.read(ctx, itemIndex);
		const grants = readGrants(ctx, itemIndex);
		return { call: { body: { version: 2, grants } }, echo: { ...account }, account };
	},
	prepare: async (ctx, connection, request) => {
		const grants = (request.call.body as { grants: string[] }).grants;
		const unknown = await unknownGrants(ctx, connection, grants);
		if (!Array.isArray(unknown)) {
			return {
				...unknown,
				message: `Could not read the permission catalog to check the grants: ${unknown.message}`,
			};
		}
		if (unknown.length === 0) return undefined;
		return notSent(
			`The grant${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in the community's permission catalog`,
			'Nothing was sent for this account: Sonoran refuses a whole replacement for one unknown grant. Grant IDs are case-sensitive and a template ID belongs to one community; see Account → Get Permission Catalog.',
		);
	},
	shape: (answer, request) => {
		const permissions = isObject(answer.permissions) ? answer.permissions : {};
		const sent = (request.call.body as { grants: string[] }).grants;
		const grants = Array.isArray(permissions.grants) ? permissions.grants : sent;
		return { grants, version: permissions.version ?? 2, cleared: grants.length === 0 };
	},
});
