import { CREATE_COMMUNITY_LINK_V2 } from '../../../client/endpoints';
import { communityUserIdProperty, readCommunityUserId } from './communityUserId';
import { perItemOperation } from '../../kinds/perItem';

export const createLinkCode = perItemOperation({
	option: {
		name: 'Create Link Code',
		value: 'createLinkCode',
		action: 'Create a code to link a game ID',
		description:
			"Create a 4-character code, valid 10 minutes, that links an in-game or Discord ID to the player's Sonoran account once they open the link URL; one code per input item",
	},
	properties: [communityUserIdProperty('to link to a Sonoran account')],
	endpoint: CREATE_COMMUNITY_LINK_V2,
	read: (ctx, itemIndex) => {
		const communityUserId = readCommunityUserId(ctx, itemIndex);
		return {
			call: { body: { communityUserId } },
			echo: { communityUserId },
		};
	},
	// Where Sonoran's docs send the player: the page fills the code in for them.
	shape: (answer) => ({
		...answer,
		...(typeof answer.code === 'string'
			? { linkUrl: `https://sonorancad.com/id?code=${encodeURIComponent(answer.code)}` }
			: {}),
	}),
});
