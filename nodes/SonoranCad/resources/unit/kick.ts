import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	failureToError,
	judgeV1Answer,
	type EndpointAnswers,
	type SonoranFailure,
} from '../../shared/answers';
import { openConnection } from '../../shared/connection';
import type { SonoranOperation } from '../../shared/operation';
import { chunk, ItemResults } from '../../shared/results';
import { postV1 } from '../../shared/transport';
import { requireIdentifier, requireText, requireWholeNumber } from '../../shared/validate';

/** Sonoran documents no maximum for `data`; 100 is the largest page it allows anywhere. */
export const MAX_BATCH_SIZE = 100;

const KICK_ANSWERS: EndpointAnswers = {
	operation: 'Kick Unit',
	plan: 'STANDARD',
	isSuccess: (text) => text.toUpperCase() === 'UNIT KICKED',
	notFound: {
		message: 'Sonoran CAD found no active unit for an API ID in this request (HTTP 404)',
		description:
			"Each API ID must belong to a unit that is logged in on the given server. Check the API ID (as set on the player's Sonoran account) and the Server ID; a unit that already logged out cannot be kicked.",
	},
};

interface KickTarget {
	itemIndex: number;
	apiId: string;
	reason: string;
	serverId: number;
}

function readTarget(ctx: IExecuteFunctions, itemIndex: number): KickTarget {
	return {
		itemIndex,
		apiId: requireIdentifier(
			ctx,
			itemIndex,
			'API ID',
			ctx.getNodeParameter('apiId', itemIndex),
			'Set "API ID" to the unit\'s API ID (for example a Steam hex, Discord or FiveM ID, as on the player\'s Sonoran account). By default it is read from the "apiId" field of the incoming item.',
		),
		reason: requireText(
			ctx,
			itemIndex,
			'Reason',
			ctx.getNodeParameter('reason', itemIndex),
			'Set "Reason"; the player sees "You have been kicked for <reason>".',
		),
		serverId: requireWholeNumber(
			ctx,
			itemIndex,
			'Server ID',
			ctx.getNodeParameter('serverId', itemIndex),
			'Set "Server ID" to the number of the community\'s server in Sonoran CAD (Admin → Advanced → In-Game Integration); most communities have one server, number 1.',
		),
	};
}

function targetFields(target: KickTarget): IDataObject {
	return { apiId: target.apiId, reason: target.reason, serverId: target.serverId };
}

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const results = new ItemResults(this, items.length);
	const targets: KickTarget[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			targets.push(readTarget(this, itemIndex));
		} catch (error) {
			const itemError =
				error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			results.fail(itemIndex, itemError);
		}
	}
	if (targets.length === 0) return results.toArray();

	const connection = await openConnection(this);
	const batchSize = this.getNodeParameter('options.batchSize', 0, MAX_BATCH_SIZE) as number;
	let kickedSoFar = 0;
	let fatal: SonoranFailure | undefined;

	for (const batch of chunk(
		targets,
		Math.min(Math.max(1, Math.floor(batchSize)), MAX_BATCH_SIZE),
	)) {
		let failure = fatal;
		if (!failure) {
			const answer = await postV1(
				this,
				connection,
				'emergency/kick_unit',
				'KICK_UNIT',
				batch.map(targetFields),
			);
			const verdict = judgeV1Answer(KICK_ANSWERS, answer);
			if (verdict.ok) {
				for (const target of batch) {
					results.succeed(target.itemIndex, {
						...targetFields(target),
						kicked: true,
						answer: verdict.answer,
					});
				}
				kickedSoFar += batch.length;
				continue;
			}
			failure = verdict.failure;
			if (failure.fatal) fatal = failure;
		}
		const stopped = withProgress(failure, kickedSoFar);
		for (const target of batch) {
			results.fail(
				target.itemIndex,
				failureToError(this.getNode(), this.continueOnFail() ? failure : stopped, target.itemIndex),
			);
		}
	}
	return results.toArray();
}

/** When the node stops on an error, say which kicks of this run were already applied. */
function withProgress(failure: SonoranFailure, kickedSoFar: number): SonoranFailure {
	if (kickedSoFar === 0) return failure;
	return {
		...failure,
		description: `${failure.description} ${kickedSoFar} unit(s) earlier in this run were already kicked.`,
	};
}

export const kick: SonoranOperation = {
	option: {
		name: 'Kick',
		value: 'kick',
		action: 'Kick a unit',
		description:
			'Force active units off duty, back to the community menu (Sonoran plan STANDARD or higher)',
	},
	properties: [
		{
			displayName: 'API ID',
			name: 'apiId',
			type: 'string',
			default: '={{ $json.apiId }}',
			required: true,
			description:
				"The unit's API ID as set on the player's Sonoran account, for example a Steam hex, Discord or FiveM ID. One unit per input item.",
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
			displayName: 'Server ID',
			name: 'serverId',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 0, numberPrecision: 0 },
			description: "The community's server the unit is active on, as numbered in Sonoran CAD",
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Batch Size',
					name: 'batchSize',
					type: 'number',
					default: MAX_BATCH_SIZE,
					typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE, numberPrecision: 0 },
					description:
						'How many units to kick per request to Sonoran (1 to 100). Fewer, larger requests stay further from the rate limit.',
				},
			],
		},
	],
	execute,
};
