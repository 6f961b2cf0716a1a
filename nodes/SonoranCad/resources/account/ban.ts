import { BAN_ACCOUNT_V2, BAN_USER_V1 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { accountTarget } from '../../parameters/accountTarget';

/** The v2 page takes exactly one of these but the API ID; by API ID the ban goes through v1. */
const target = accountTarget(
	['communityUserId', 'apiId', 'discord', 'roblox', 'accountUuid'],
	'to ban',
);

export const ban = perItemOperation({
	option: {
		name: 'Ban',
		value: 'ban',
		action: 'Ban a member from the community',
		description:
			"Ban a player's account from the community in Sonoran CAD: they can no longer join it or use the CAD for it until unbanned. One account per input item (plan PLUS or higher assumed).",
	},
	properties: [
		{
			displayName:
				"A ban removes the player's account from the community in Sonoran CAD and keeps it from joining again until it is lifted (Account → Unban, by API ID). It does not ban the player on Discord or the game server: do that with their own nodes in the same workflow.",
			name: 'banNotice',
			type: 'notice',
			default: '',
		},
		...target.properties,
	],
	endpoint: BAN_ACCOUNT_V2,
	read: (ctx, itemIndex) => {
		const account = target.read(ctx, itemIndex);
		return {
			call: { body: { ...account, isBan: true } },
			echo: { ...account, banned: true },
			endpoint: account.apiId === undefined ? BAN_ACCOUNT_V2 : BAN_USER_V1,
		};
	},
	shape: (answer) => answer,
});
