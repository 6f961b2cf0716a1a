import { BAN_USER_V1 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { identifier, valueChecker } from '../../parameters/validate';

export const unban = perItemOperation({
	option: {
		name: 'Unban',
		value: 'unban',
		action: 'Unban a member by API ID',
		description:
			"Lift a community ban from a player's account, found by one of its API IDs (v1 BAN_USER: v2 has no unban route); one account per input item (plan PLUS or higher)",
	},
	properties: [
		{
			displayName: 'API ID',
			name: 'apiId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. steam:110000112345678',
			description:
				"One of the banned player's unit identifiers in Sonoran CAD, typically their Steam hex or FiveM license",
		},
	],
	endpoint: BAN_USER_V1,
	read: (ctx, itemIndex) => {
		const apiId = valueChecker(ctx, itemIndex)(
			ctx.getNodeParameter('apiId', itemIndex),
			'API ID',
			identifier,
			"Give one of the player's API IDs, such as steam:110000112345678.",
		);
		return { call: { body: { apiId, isBan: false } }, echo: { apiId, banned: false } };
	},
	shape: (answer) => answer,
});
