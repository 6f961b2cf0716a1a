import { GET_ACCOUNT_V2 } from '../../../client/endpoints';
import { accountTarget } from '../../parameters/accountTarget';
import { perItemOperation } from '../../kinds/perItem';

const target = accountTarget(
	['communityUserId', 'discord', 'roblox', 'accountUuid', 'username'],
	'to find',
);

export const get = perItemOperation({
	option: {
		name: 'Get Account',
		value: 'get',
		action: "Find a member's account by an ID",
		description:
			"Find a player's Sonoran account by Discord ID, Roblox ID, community user ID, account UUID or username, one per input item; an account not found is that item's error (plan PLUS or higher assumed)",
	},
	properties: target.properties,
	endpoint: GET_ACCOUNT_V2,
	read: (ctx, itemIndex) => {
		return {
			call: { qs: target.read(ctx, itemIndex) },
			echo: {},
		};
	},
	shape: (account) => account,
});
