import { SET_COMMUNITY_LINK_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { identifier, parameterReader, type Check } from '../../parameters/validate';

/** Sonoran takes a community user ID of at most 255 characters. */
const communityUserId: Check<string> = (value, reject) => {
	const id = identifier(value, reject);
	return id.length <= 255
		? id
		: reject(`is ${id.length} characters long; Sonoran takes at most 255`);
};

export const setLink = perItemOperation({
	option: {
		name: 'Set Link',
		value: 'setLink',
		action: 'Link an account to a game ID',
		description:
			"Link a player's account to their in-game ID (community user ID) directly, with the account's UUID and its community secret, for trusted server-side flows; an ID linked to another account moves to this one. One link per input item.",
	},
	properties: [
		{
			displayName: 'Account UUID',
			name: 'accountUuid',
			type: 'string',
			default: '',
			required: true,
			description: "The Sonoran account's UUID",
		},
		{
			displayName: 'Secret UUID',
			name: 'secretUuid',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"The account's secret for this community: it proves the player allowed the link. Never take it from an untrusted client.",
		},
		{
			displayName: 'Community User ID',
			name: 'communityUserId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. fivem:12345',
			description: 'The in-game ID to link to the account (at most 255 characters)',
		},
	],
	endpoint: SET_COMMUNITY_LINK_V2,
	read: (ctx, itemIndex) => {
		const read = parameterReader(ctx, itemIndex);
		const accountUuid = read('accountUuid', 'Account UUID', identifier, "Give the account's UUID.");
		const secretUuid = read('secretUuid', 'Secret UUID', identifier, "Give the account's secret.");
		const linkedId = read(
			'communityUserId',
			'Community User ID',
			communityUserId,
			'Give the in-game ID to link.',
		);
		return {
			call: { body: { accountUuid, secretUuid, communityUserId: linkedId } },
			echo: { accountUuid, communityUserId: linkedId },
		};
	},
	// Sonoran's answer; the secret is never in the output.
	shape: (answer) => ({ linked: answer.linked !== false }),
});
