import { VERIFY_SECRET_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { identifier, valueChecker } from '../../parameters/validate';

export const verifySecret = perItemOperation({
	option: {
		name: 'Verify Secret',
		value: 'verifySecret',
		action: 'Find an account by its secret',
		description:
			"Find which account a community secret belongs to (a player proving who they are); the output holds the account's UUID, never the secret. One secret per input item.",
	},
	properties: [
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: "The account's community secret (a UUID)",
		},
	],
	endpoint: VERIFY_SECRET_V2,
	read: (ctx, itemIndex) => {
		const secret = valueChecker(ctx, itemIndex)(
			ctx.getNodeParameter('secret', itemIndex),
			'Secret',
			identifier,
			"Give the account's community secret.",
		);
		return { call: { body: { secret } }, echo: {} };
	},
	// Sonoran answers an object keyed by the account's UUID, its value the secret: only the key is kept.
	shape: (answer) => {
		const [accountUuid] = Object.keys(answer);
		return { verified: accountUuid !== undefined, accountUuid };
	},
});
