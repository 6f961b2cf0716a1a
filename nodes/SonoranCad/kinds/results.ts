import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { failureToError, type SonoranFailure } from '../../client/answers';

/**
 * The outcome of each input item of an operation that makes one output item per input item:
 * slots filled in any order, returned in input order, each paired to its input.
 */
export class ItemResults {
	private readonly slots: Array<INodeExecutionData | undefined>;

	private succeeded = 0;

	/** @param doneNote says what the items that already succeeded did, when the node stops. */
	constructor(
		private readonly ctx: IExecuteFunctions,
		itemCount: number,
		private readonly doneNote = (succeeded: number) =>
			`${succeeded} earlier item(s) of this run were already applied in Sonoran CAD.`,
	) {
		this.slots = new Array<INodeExecutionData | undefined>(itemCount);
	}

	succeed(itemIndex: number, json: IDataObject): void {
		this.slots[itemIndex] = { json, pairedItem: { item: itemIndex } };
		this.succeeded++;
	}

	get successCount(): number {
		return this.succeeded;
	}

	/** Records an error item, or throws when the node stops on errors (see errorItemOrThrow). */
	fail(itemIndex: number, error: unknown): void {
		this.slots[itemIndex] = errorItemOrThrow(this.ctx, error, itemIndex);
	}

	/**
	 * Fails an item for what Sonoran answered; `about` names the item's subject (its unit, call,
	 * account…) in the message, since an AI agent sees only the message.
	 */
	failWith(itemIndex: number, failure: SonoranFailure, about?: object): void {
		const stopping = !keepsGoing(this.ctx) && this.succeeded > 0;
		const named = namedFor(failure, about);
		const shown = stopping
			? { ...named, description: `${named.description} ${this.doneNote(this.succeeded)}` }
			: named;
		this.fail(itemIndex, failureToError(this.ctx.getNode(), shown, itemIndex));
	}

	/** All slots, in input order. An unfilled slot is a bug in the operation, not a lost item. */
	toArray(): INodeExecutionData[] {
		return this.slots.map((slot, itemIndex) => {
			if (slot === undefined) throw new RangeError(`Item ${itemIndex} has no result`);
			return slot;
		});
	}
}

/**
 * The error item for a failed input item when the node continues on fail (either error mode);
 * otherwise throws, which stops the node as n8n users expect. n8n itself reduces an error item's
 * json to `{ error: message }` and keeps the error (with its description) beside it.
 *
 * As an AI agent's tool the node never throws for an item: the model gets `{ error, whatToDo }`
 * as the tool's answer and can tell the user, where a thrown error ends the agent's whole run on
 * n8n 1.x.
 */
export function errorItemOrThrow(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): INodeExecutionData {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	if (!keepsGoing(ctx)) throw nodeError;
	if (isTool(ctx)) {
		// Without `error` beside it: n8n would cut the item down to its message.
		const json: IDataObject = { error: nodeError.message };
		if (nodeError.description) json.whatToDo = nodeError.description;
		return { json, pairedItem: { item: itemIndex } };
	}
	return { json: { error: nodeError.message }, error: nodeError, pairedItem: { item: itemIndex } };
}

/** The node runs as an AI agent's tool (n8n's `…Tool` variant of it). */
const isTool = (ctx: IExecuteFunctions): boolean => ctx.getNode().type.endsWith('Tool');

/** Whether a failed item becomes an error item rather than stopping the node. */
const keepsGoing = (ctx: IExecuteFunctions): boolean => ctx.continueOnFail() || isTool(ctx);

/** Splits a list into consecutive chunks of at most `size`, keeping order. */
export function chunk<T>(list: readonly T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size) {
		chunks.push(list.slice(start, start + size));
	}
	return chunks;
}

/** The fields that name what an item is about, in the order a message names them. */
const SUBJECT_LABELS: Array<[string, string]> = [
	['apiId', 'API ID'],
	['communityUserId', 'community user ID'],
	['communityUserIds', 'community user IDs'],
	['identIds', 'units'],
	['accounts', 'accounts'],
	['discord', 'Discord ID'],
	['roblox', 'Roblox ID'],
	['username', 'username'],
	['accountUuid', 'account'],
	['callId', 'call'],
	['recordId', 'record'],
	['identId', 'unit'],
	['blipId', 'blip'],
	['panelKey', 'panel'],
	['instanceKey', 'instance'],
	['eventId', 'action'],
	['characterId', 'character'],
	['syncId', 'link'],
	['groupName', 'group'],
	['templateId', 'template'],
	['code', 'code'],
	['serverId', 'server'],
];

/** "API ID STEAM:1, server 1": what an item is about, from its identifying fields. */
export function subjectOf(about: object | undefined): string | undefined {
	if (!about) return undefined;
	const fields: Record<string, unknown> = {};
	// A query may hold its account as an object ({ discord: "…" }): its fields name it too.
	for (const [name, value] of Object.entries(about)) {
		if (value && typeof value === 'object' && !Array.isArray(value)) Object.assign(fields, value);
		else fields[name] = value;
	}
	// A kick's target and a unit change name their kind of ID beside the ID.
	if (typeof fields.field === 'string') fields[fields.field] = fields.identity;
	if (typeof fields.unitsBy === 'string') fields[fields.unitsBy] = fields.units;
	const named = SUBJECT_LABELS.flatMap(([field, label]) => {
		const value = fields[field];
		const shown = Array.isArray(value) ? value.join(', ') : value;
		if (shown === undefined || shown === null || shown === '' || typeof shown === 'object') {
			return [];
		}
		return [`${label} ${String(shown).slice(0, 60)}`];
	});
	return named.length ? named.join(', ') : undefined;
}

/** The failure with its message naming the item's subject. */
export function namedFor(failure: SonoranFailure, about: object | undefined): SonoranFailure {
	const subject = subjectOf(about);
	return subject ? { ...failure, message: `${failure.message}: ${subject}` } : failure;
}
