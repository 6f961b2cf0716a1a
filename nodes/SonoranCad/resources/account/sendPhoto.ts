import { SEND_PHOTO_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { identifier, parameterReader, type Check } from '../../parameters/validate';

/** An absolute http(s) URL: Sonoran shows the photo from where it is hosted. */
const photoUrl: Check<string> = (value, reject) => {
	const url = identifier(value, reject);
	return /^https?:\/\/[^\s/]+\/?\S*$/i.test(url)
		? url
		: reject(`is "${url.slice(0, 80)}", not an http(s) URL`);
};

export const sendPhoto = perItemOperation({
	option: {
		name: 'Send Photo',
		value: 'sendPhoto',
		action: "Show a photo in a player's CAD",
		description:
			"Show a photo (by its URL, such as a mugshot) on every active connection of a player's account; one photo per input item. Not sent twice after an unclear answer.",
	},
	properties: [
		{
			displayName: 'Community User ID',
			name: 'communityUserId',
			type: 'string',
			default: '',
			required: true,
			description: 'The in-game ID linked to the account that should see the photo',
		},
		{
			displayName: 'Photo URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://cdn.example.com/mugshots/1234.png',
			description:
				'Where the photo is hosted: Sonoran takes a URL, not the file. Upload n8n binary data to your file host first (for example with its node), then map the URL here.',
		},
	],
	endpoint: SEND_PHOTO_V2,
	read: (ctx, itemIndex) => {
		const read = parameterReader(ctx, itemIndex);
		const communityUserId = read(
			'communityUserId',
			'Community User ID',
			identifier,
			"Give the player's community user ID.",
		);
		const url = read('url', 'Photo URL', photoUrl, 'Give the photo as an http(s) URL.');
		return { call: { body: { communityUserId, url } }, echo: { communityUserId, url } };
	},
	shape: (answer) => ({ sent: true, ...answer }),
});
