import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	failureToError,
	judgeV1Answer,
	type EndpointAnswers,
	type SonoranFailure,
} from '../../shared/answers';
import { openConnection, type SonoranConnection } from '../../shared/connection';
import type { SonoranOperation } from '../../shared/operation';
import { readRequestPolicy, requestPolicyOptions } from '../../shared/requestPolicy';
import { chunk, ItemResults } from '../../shared/results';
import { requestV1 } from '../../shared/transport';
import { identifier, parameterReader, text, wholeNumber } from '../../shared/validate';

/** Sonoran documents no maximum for `data`; 100 is the largest page it allows anywhere. */
export const MAX_BATCH_SIZE = 100;

const KICK_ANSWERS: EndpointAnswers = {
	operation: 'Kick Unit',
	plan: 'STANDARD',
	isSuccess: (text) => text.toUpperCase() === 'UNIT KICKED',
	notFound: {
		message: 'Sonoran CAD found no active unit with this API ID (HTTP 404)',
		description:
			"The API ID must belong to a unit that is logged in on the given server. Check the API ID (as set on the player's Sonoran account) and the Server ID; a unit that already logged out cannot be kicked.",
	},
};

interface KickTarget {
	itemIndex: number;
	apiId: string;
	reason: string;
	serverId: number;
}

function readTarget(ctx: IExecuteFunctions, itemIndex: number): KickTarget {
	const read = parameterReader(ctx, itemIndex);
	return {
		itemIndex,
		apiId: read(
			'apiId',
			'API ID',
			identifier,
			'Set "API ID" to the unit\'s API ID (for example a Steam hex, Discord or FiveM ID, as on the player\'s Sonoran account). By default it is read from the "apiId" field of the incoming item.',
		),
		reason: read(
			'reason',
			'Reason',
			text,
			'Set "Reason"; the player sees "You have been kicked for <reason>".',
		),
		serverId: read(
			'serverId',
			'Server ID',
			wholeNumber,
			'Set "Server ID" to the number of the community\'s server in Sonoran CAD (Admin → Advanced → In-Game Integration); most communities have one server, number 1.',
		),
	};
}

function targetFields(target: KickTarget): IDataObject {
	return { apiId: target.apiId, reason: target.reason, serverId: target.serverId };
}

/** One execution's kicks: sends batches, isolates refused units, fills one result per item. */
class KickRun {
	private kicked = 0;

	/** A configuration error: every later request would fail the same way, so none is sent. */
	private fatal: SonoranFailure | undefined;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly connection: SonoranConnection,
		private readonly results: ItemResults,
	) {}

	/**
	 * Sends a batch. When Sonoran refuses it because of some of its units (404), it is split in
	 * halves until each unknown unit is alone, so the good units are still kicked. A half that
	 * must hold an unknown unit (its sibling went through) is split without being sent whole.
	 */
	async settle(
		batch: KickTarget[],
		knownFailure?: SonoranFailure,
		ambiguous = false,
	): Promise<void> {
		if (this.fatal) return this.failAll(batch, this.fatal);
		if (knownFailure) {
			return batch.length > 1
				? await this.split(batch, knownFailure, ambiguous)
				: this.failAll(batch, knownFailure);
		}

		const delivery = await requestV1(
			this.ctx,
			this.connection,
			'emergency/kick_unit',
			'KICK_UNIT',
			batch.map(targetFields),
		);
		// A unit of this batch may have been kicked by an earlier unclear attempt of its parent.
		const unclear = ambiguous || delivery.ambiguous;
		const verdict = judgeV1Answer(KICK_ANSWERS, { ...delivery, ambiguous: unclear });
		if (verdict.ok) {
			for (const target of batch) {
				this.results.succeed(target.itemIndex, {
					...targetFields(target),
					kicked: true,
					answer: verdict.answer,
				});
			}
			this.kicked += batch.length;
			return;
		}
		const { failure } = verdict;
		if (failure.fatal) this.fatal = failure;
		if (failure.blamesItems && batch.length > 1) {
			return await this.split(batch, failure, unclear);
		}
		this.failAll(batch, failure);
	}

	/** `failure` is the refusal of the whole batch, which one of its halves must have caused. */
	private async split(
		batch: KickTarget[],
		failure: SonoranFailure,
		ambiguous: boolean,
	): Promise<void> {
		const half = Math.ceil(batch.length / 2);
		const [left, right] = [batch.slice(0, half), batch.slice(half)];
		const kickedBefore = this.kicked;
		await this.settle(left, undefined, ambiguous);
		const leftWentThrough = this.kicked - kickedBefore === left.length;
		await this.settle(right, leftWentThrough ? failure : undefined, ambiguous);
	}

	private failAll(batch: KickTarget[], failure: SonoranFailure): void {
		// When the node stops here, say which kicks of this run were already applied.
		const stopping = !this.ctx.continueOnFail() && this.kicked > 0;
		const shown = stopping
			? {
					...failure,
					description: `${failure.description} ${this.kicked} unit(s) earlier in this run were already kicked.`,
				}
			: failure;
		for (const target of batch) {
			this.results.fail(
				target.itemIndex,
				failureToError(this.ctx.getNode(), shown, target.itemIndex),
			);
		}
	}
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

	const connection = await openConnection(this, readRequestPolicy(this));
	const batchSize = this.getNodeParameter('options.batchSize', 0, MAX_BATCH_SIZE) as number;
	const run = new KickRun(this, connection, results);
	for (const batch of chunk(
		targets,
		Math.min(Math.max(1, Math.floor(batchSize)), MAX_BATCH_SIZE),
	)) {
		await run.settle(batch);
	}
	return results.toArray();
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
				...requestPolicyOptions,
			],
		},
	],
	execute,
};
