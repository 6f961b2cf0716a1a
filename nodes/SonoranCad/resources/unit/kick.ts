import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { openConnection } from '../../../client/connection';
import { KICK_UNIT_V1, KICK_UNIT_V2 } from '../../../client/endpoints';
import type { SonoranOperation } from '../../kinds/operation';
import { optionsCollection, readRequestPolicy } from '../../parameters/requestOptions';
import { batchSizeOption, readBatching, shareRequestsOption } from '../../parameters/batchSize';
import { ItemResults } from '../../kinds/results';
import { readServerId, serverIdProperty } from '../../parameters/server';
import {
	choiceIn,
	identifier,
	parameterReader,
	text,
	valueChecker,
	wholeNumber,
	type Check,
} from '../../parameters/validate';
import { kickByApiId } from './kickByApiId';
import { kickByIdentity } from './kickByIdentity';
import type { IdentityField, KickTarget } from './kickTarget';

/** Each way to name a unit: its parameter's label, check and fix. */
const IDENTITIES: Record<
	IdentityField,
	{ label: string; check: Check<string | number>; fix: string }
> = {
	apiId: {
		label: 'API ID',
		check: identifier,
		fix: 'Set "API ID" to the unit\'s API ID (for example a Steam hex, Discord or FiveM ID, as on the player\'s Sonoran account). By default it is read from the "apiId" field of the incoming item.',
	},
	communityUserId: {
		label: 'Community User ID',
		check: identifier,
		fix: 'Set "Community User ID" to the ID the player linked to Sonoran with /link. By default it is read from the "communityUserId" field of the incoming item.',
	},
	discord: {
		label: 'Discord User ID',
		check: identifier,
		fix: 'Set "Discord User ID" to the player\'s Discord user ID, as text. By default it is read from the "discord" field of the incoming item.',
	},
	roblox: {
		label: 'Roblox User ID',
		check: wholeNumber,
		fix: 'Set "Roblox User ID" to the player\'s numeric Roblox user ID. By default it is read from the "roblox" field of the incoming item.',
	},
};

function readTarget(ctx: IExecuteFunctions, itemIndex: number, field: IdentityField): KickTarget {
	const read = parameterReader(ctx, itemIndex);
	const { label, check, fix } = IDENTITIES[field];
	return {
		itemIndex,
		field,
		identity: read(field, label, check, fix),
		reason: read(
			'reason',
			'Reason',
			text,
			'Set "Reason"; the player sees "You have been kicked for <reason>".',
		),
		serverId: readServerId(ctx, itemIndex),
	};
}

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const field = valueChecker(this, 0)(
		this.getNodeParameter('identifyBy', 0, 'apiId'),
		'Identify Units By',
		choiceIn(IDENTITIES),
		'Pick from the list how the items name the units.',
	);
	const results = new ItemResults(
		this,
		items.length,
		(kicked) => `${kicked} unit(s) earlier in this run were already kicked.`,
	);
	const targets: KickTarget[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			targets.push(readTarget(this, itemIndex, field));
		} catch (error) {
			results.fail(itemIndex, error);
		}
	}
	if (targets.length === 0) return results.toArray();

	const connection = await openConnection(this, readRequestPolicy(this));
	const kick = field === 'apiId' ? kickByApiId : kickByIdentity;
	await kick(this, connection, results, targets, readBatching(this));
	return results.toArray();
}

export const kick: SonoranOperation = {
	endpoints: [KICK_UNIT_V1, KICK_UNIT_V2],
	option: {
		name: 'Kick',
		value: 'kick',
		action: 'Kick units off duty by API ID or linked ID',
		description:
			'Force active units off duty, back to the community menu; one unit per input item (Sonoran plan STANDARD or higher)',
	},
	properties: [
		{
			displayName: 'Identify Unit By',
			name: 'identifyBy',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'API ID (V1 API)',
					value: 'apiId',
					description:
						"The API ID on the player's Sonoran account, such as a Steam hex or FiveM ID",
				},
				{
					name: 'Community User ID (V2 API)',
					value: 'communityUserId',
					description: 'The ID the player linked to Sonoran with /link',
				},
				{
					name: 'Discord User ID (V2 API)',
					value: 'discord',
					description: "The player's Discord user ID",
				},
				{
					name: 'Roblox User ID (V2 API)',
					value: 'roblox',
					description: "The player's numeric Roblox user ID",
				},
			],
			default: 'apiId',
			description:
				"How the input items name the unit to kick. API ID uses Sonoran's v1 API; the others its v2 API.",
		},
		{
			displayName: 'API ID',
			name: 'apiId',
			type: 'string',
			default: '={{ $json.apiId }}',
			required: true,
			displayOptions: { show: { identifyBy: ['apiId'] } },
			description:
				"The unit's API ID as set on the player's Sonoran account, for example a Steam hex, Discord or FiveM ID. One unit per input item.",
		},
		{
			displayName: 'Community User ID',
			name: 'communityUserId',
			type: 'string',
			default: '={{ $json.communityUserId }}',
			required: true,
			displayOptions: { show: { identifyBy: ['communityUserId'] } },
			description: 'The community user ID the player linked to Sonoran. One unit per input item.',
		},
		{
			displayName: 'Discord User ID',
			name: 'discord',
			type: 'string',
			default: '={{ $json.discord }}',
			required: true,
			displayOptions: { show: { identifyBy: ['discord'] } },
			description: "The player's Discord user ID, as text. One unit per input item.",
		},
		{
			displayName: 'Roblox User ID',
			name: 'roblox',
			type: 'string',
			default: '={{ $json.roblox }}',
			required: true,
			displayOptions: { show: { identifyBy: ['roblox'] } },
			description: "The player's numeric Roblox user ID. One unit per input item.",
		},
		{
			displayName: 'Reason',
			name: 'reason',
			type: 'string',
			default: 'an automated check',
			required: true,
			description: 'Shown to the player as "You have been kicked for &lt;reason&gt;"',
		},
		{
			...serverIdProperty,
			description: "The community's server the unit is active on, as configured in Sonoran CAD",
		},
		optionsCollection([
			batchSizeOption(
				'How many units to kick per request to Sonoran (1 to 100). Fewer, larger requests stay further from the rate limit. Kicks by Discord or Roblox ID always go one per request.',
			),
			shareRequestsOption,
		]),
	],
	execute,
};
