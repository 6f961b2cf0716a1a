import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../../../client/answers';
import { GET_ACCOUNT_PERMISSIONS_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { accountTarget } from '../../parameters/accountTarget';

/** Membership status as Sonoran numbers it; other statuses cannot be edited. */
export const MEMBER_STATUS: Record<number, string> = { 0: 'pending', 1: 'active' };

export const whoseGrants = accountTarget(
	['communityUserId', 'discord', 'roblox', 'accountUuid', 'username'],
	'whose permissions these are',
);

export const getPermissions = perItemOperation({
	option: {
		name: 'Get Permissions',
		value: 'getPermissions',
		action: "Get a member's permissions",
		description:
			"An account's granted permissions (grant IDs), whether it owns the community and whether its membership is pending or active; one account per input item. A failed read is the item's error, never an empty list.",
	},
	properties: whoseGrants.properties,
	endpoint: GET_ACCOUNT_PERMISSIONS_V2,
	read: (ctx, itemIndex) => {
		const account = whoseGrants.read(ctx, itemIndex);
		return { call: {}, echo: { ...account }, account };
	},
	shape: (answer) => {
		const permissions = isObject(answer.permissions) ? answer.permissions : {};
		const status = typeof answer.status === 'number' ? answer.status : undefined;
		return {
			grants: (Array.isArray(permissions.grants) ? permissions.grants : []) as IDataObject[string],
			version: permissions.version,
			owner: answer.owner,
			migrated: answer.migrated,
			status,
			statusName: status === undefined ? undefined : (MEMBER_STATUS[status] ?? 'not editable'),
		};
	},
});
