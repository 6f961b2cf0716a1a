import { CHECK_COMMUNITY_LINK_V2 } from '../../../client/endpoints';
import { communityUserIdProperty, readCommunityUserId } from './communityUserId';
import { perItemOperation } from '../../kinds/perItem';

export const checkLink = perItemOperation({
	option: {
		name: 'Check Link',
		value: 'checkLink',
		action: 'Check whether a game ID is linked',
		description:
			'Check whether a community user ID is linked to a Sonoran account yet: each output item has linked (true or false) and the account UUID',
	},
	properties: [communityUserIdProperty('to check')],
	endpoint: CHECK_COMMUNITY_LINK_V2,
	read: (ctx, itemIndex) => {
		const communityUserId = readCommunityUserId(ctx, itemIndex);
		return {
			call: { body: { communityUserId } },
			echo: { communityUserId },
		};
	},
	shape: (answer) => ({ ...answer, linked: answer.linked === true }),
});
