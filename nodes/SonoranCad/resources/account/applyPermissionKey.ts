import { APPLY_PERMISSION_KEY_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { accountTarget } from '../../parameters/accountTarget';
import { text, valueChecker } from '../../parameters/validate';

const whose = accountTarget(['communityUserId', 'discord', 'roblox'], 'to give the key to');

export const applyPermissionKey = perItemOperation({
	option: {
		name: 'Apply Permission Key',
		value: 'applyPermissionKey',
		action: 'Apply a permission key to a member',
		description:
			"Give an account the permissions of one of the community's permission keys (as an approved application form would); one account per input item. Not sent twice after an unclear answer.",
	},
	properties: [
		...whose.properties,
		{
			displayName: 'Permission Key',
			name: 'permissionKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"One of the community's permission keys (Admin → Permission Keys in Sonoran CAD)",
		},
	],
	endpoint: APPLY_PERMISSION_KEY_V2,
	read: (ctx, itemIndex) => {
		const account = whose.read(ctx, itemIndex);
		const permissionKey = valueChecker(ctx, itemIndex)(
			ctx.getNodeParameter('permissionKey', itemIndex),
			'Permission Key',
			text,
			"Give one of the community's permission keys.",
		);
		return { call: { body: { ...account, permissionKey } }, echo: { ...account } };
	},
	shape: (answer) => answer,
});
