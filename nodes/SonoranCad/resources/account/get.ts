import { GET_ACCOUNT_V2 } from '../../../client/endpoints';
import { accountTargetProperties, readAccountTarget } from '../../parameters/accountTarget';
import { perItemOperation } from '../../kinds/perItem';

export const get = perItemOperation({
	option: {
		name: 'Get Account',
		value: 'get',
		action: 'Get an account',
		description:
			"Find a player's Sonoran account by Discord ID, Roblox ID, community user ID, account UUID or username, one per input item; an account not found is that item's error (plan PLUS or higher assumed)",
	},
	properties: accountTargetProperties(
		['communityUserId', 'discord', 'roblox', 'accountUuid', 'username'],
		'to find',
	),
	endpoint: GET_ACCOUNT_V2,
	read: (ctx, itemIndex) => {
		const target = readAccountTarget(ctx, itemIndex);
		return {
			call: { qs: target },
			echo: {},
		};
	},
	shape: (account) => account,
});
