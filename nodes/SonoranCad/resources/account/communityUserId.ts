import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { identifier, parameterReader } from '../../parameters/validate';

/** The community user ID of Sonoran's links: any in-game or Discord ID the community chooses. */
export function communityUserIdProperty(purpose: string): INodeProperties {
	return {
		displayName: 'Community User ID',
		name: 'communityUserId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. discord:123456789012345678',
		description: `The ID ${purpose}: the community chooses its form, such as a FiveM license, a Discord ID or "discord:&lt;ID&gt;"; usually from the incoming item`,
	};
}

export function readCommunityUserId(ctx: IExecuteFunctions, itemIndex: number): string {
	return parameterReader(ctx, itemIndex)(
		'communityUserId',
		'Community User ID',
		identifier,
		'Set "Community User ID" to the in-game or Discord ID to link, as text.',
	);
}
