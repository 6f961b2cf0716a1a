import { BAN_ACCOUNT_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { accountTargetProperties, readAccountTarget } from '../../parameters/accountTarget';

export const ban = perItemOperation({
	option: {
		name: 'Ban',
		value: 'ban',
		action: 'Ban an account',
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
		...accountTargetProperties(
			['communityUserId', 'apiId', 'discord', 'roblox', 'accountUuid'],
			'to ban',
		),
	],
	endpoint: BAN_ACCOUNT_V2,
	read: (ctx, itemIndex) => {
		const target = readAccountTarget(ctx, itemIndex);
		return { call: { body: { ...target, isBan: true } }, echo: { ...target, banned: true } };
	},
	shape: (answer) => answer,
});
