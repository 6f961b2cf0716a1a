import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { SonoranFailure } from '../../client/answers';
import type { SonoranConnection } from '../../client/connection';
import { deliverIsolating, isolate, type Batcher, type Outcomes } from './isolate';
import type { ItemResults } from './results';

/**
 * Requests that wait share. Executions of one n8n process that send compatible batches (the same
 * credential, endpoint, server and state) put their items into one open group; the group's
 * request leaves at the first free slot of the pace, carrying every item that joined by then (up
 * to the batch size). A request that finds the pace free leaves at once, alone: nothing waits
 * on purpose. The transport makes the body when the request takes its turn, which closes the
 * group; later items open the next one.
 *
 * Each item's outcome goes back to its own execution's ItemResults, isolated as in one execution
 * (a refusal that blames items splits the shared batch). A cancelled execution's items that have
 * not left are taken out; the group's waits end only when every member was cancelled.
 */

interface Member {
	ctx: IExecuteFunctions;
	results: ItemResults;
	cancelled: boolean;
	/** What its ItemResults threw (the node stops on its first error), rethrown in its execution. */
	thrown?: unknown;
}

/** A batch item, renumbered within its group, and whose it is. */
interface Entry {
	member: Member;
	itemIndex: number;
}

class Group<T extends { itemIndex: number }> implements Outcomes {
	/** The batch as it will leave: the members' items, each with its index in `entries`. */
	readonly batch: T[] = [];
	readonly entries: Entry[] = [];
	open = true;
	private succeeded = 0;
	private readonly controller = new AbortController();
	done!: Promise<void>;

	constructor(readonly capacity: number) {}

	get signal(): AbortSignal {
		return this.controller.signal;
	}

	get room(): number {
		return this.open ? this.capacity - this.batch.length : 0;
	}

	add(member: Member, items: T[]): void {
		for (const item of items) {
			this.batch.push({ ...item, itemIndex: this.entries.length });
			this.entries.push({ member, itemIndex: item.itemIndex });
		}
	}

	/** Opens the group again while its refused request waits to be sent anew. */
	reopen(): void {
		this.open = true;
	}

	/** Closes the group as its request leaves, without the items of members cancelled meanwhile. */
	leave(): T[] {
		this.open = false;
		const kept = this.batch.filter((item) => !this.entries[item.itemIndex].member.cancelled);
		this.batch.splice(0, this.batch.length, ...kept);
		return this.batch;
	}

	/** A member still running, whose helpers can send the group's requests. */
	running(): Member | undefined {
		return this.entries.find((entry) => !entry.member.cancelled)?.member;
	}

	cancel(member: Member): void {
		member.cancelled = true;
		if (this.entries.every((entry) => entry.member.cancelled)) this.controller.abort();
	}

	succeed(index: number, json: IDataObject): void {
		this.succeeded++;
		this.route(index, (results, itemIndex) => results.succeed(itemIndex, json));
	}

	failWith(index: number, failure: SonoranFailure, about?: object): void {
		this.route(index, (results, itemIndex) => results.failWith(itemIndex, failure, about));
	}

	get successCount(): number {
		return this.succeeded;
	}

	readonly byExecution = <I extends { itemIndex: number }>(items: I[]): I[][] => {
		const lists = new Map<Member, I[]>();
		for (const item of items) {
			const { member } = this.entries[item.itemIndex];
			lists.set(member, [...(lists.get(member) ?? []), item]);
		}
		return [...lists.values()];
	};

	readonly wanted = (index: number): boolean => !this.entries[index].member.cancelled;

	private route(index: number, record: (results: ItemResults, itemIndex: number) => void) {
		const { member, itemIndex } = this.entries[index];
		if (member.cancelled || member.thrown !== undefined) return;
		try {
			record(member.results, itemIndex);
		} catch (error) {
			member.thrown = error;
		}
	}
}

/** The open group per compatibility key, in this n8n process. */
const openGroups = new Map<string, Group<{ itemIndex: number }>>();

/**
 * What makes two batches compatible: the credential (base URL, community, key), what the
 * operation says (endpoint, server, state), the Batch Size each asks for, and the Options that
 * decide how long and how often to wait and retry, so every member waits by its own.
 */
function keyOf(connection: SonoranConnection, batchKey: string, batchSize: number): string {
	const { baseUrl, communityId, apiKey, policy } = connection;
	return JSON.stringify([baseUrl, communityId, apiKey, batchKey, batchSize, policy]);
}

/**
 * Delivers an execution's items in batches, sharing each batch with other executions that wait
 * for the same pace when `share` is on; else as one execution alone (deliverIsolating).
 */
export async function deliverShared<T extends { itemIndex: number }>(
	ctx: IExecuteFunctions,
	connection: SonoranConnection,
	results: ItemResults,
	items: T[],
	{ batchSize, batchKey, share }: { batchSize: number; batchKey: string; share: boolean },
	batcher: Batcher<T>,
): Promise<void> {
	// A batch size that is not a whole number of 1 or more would never take an item (a bug).
	if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize');
	if (!share) return await deliverIsolating(results, items, batchSize, batcher);
	const key = keyOf(connection, batchKey, batchSize);
	const member: Member = { ctx, results, cancelled: false };
	for (let next = 0; next < items.length; ) {
		let group = openGroups.get(key) as Group<T> | undefined;
		if (!group || group.room === 0) {
			group = new Group<T>(batchSize);
			openGroups.set(key, group);
		}
		const mine = items.slice(next, next + group.room);
		next += mine.length;
		group.add(member, mine);
		if (!group.done) {
			group.done = drive(group, key, connection, batcher);
			// Handled here too: a group whose members were all cancelled ends with nobody waiting.
			group.done.catch(() => undefined);
		}
		await memberWait(ctx, group, member);
		if (member.thrown !== undefined) throw member.thrown;
	}
}

/**
 * Sends the group's batch with the connection of the execution that opened it (which waits on
 * the group too, so its connection sends nothing else meanwhile): its waits end only when every
 * member was cancelled, and its requests go through a member still running.
 */
async function drive<T extends { itemIndex: number }>(
	group: Group<T>,
	key: string,
	connection: SonoranConnection,
	batcher: Batcher<T>,
): Promise<void> {
	// Let the members that join in this same tick join before the turn is asked for.
	await Promise.resolve();
	const own = {
		signal: connection.signal,
		sendVia: connection.sendVia,
		joinable: connection.joinable,
	};
	connection.signal = group.signal;
	connection.sendVia = () => group.running()?.ctx;
	connection.joinable = () => group.room > 0;
	const leaving = {
		items: () => {
			if (openGroups.get(key) === group) openGroups.delete(key);
			return group.leave();
		},
		rateLimited: () => {
			// Unless a newer group is open already: then the waiting join that one.
			if (openGroups.has(key)) return;
			group.reopen();
			openGroups.set(key, group as Group<{ itemIndex: number }>);
		},
	};
	try {
		await isolate(group, group.batch, batcher, leaving);
	} finally {
		Object.assign(connection, own);
		if (openGroups.get(key) === group) openGroups.delete(key);
	}
}

/** Waits for the group to settle, or for this execution to be cancelled. */
async function memberWait<T extends { itemIndex: number }>(
	ctx: IExecuteFunctions,
	group: Group<T>,
	member: Member,
): Promise<void> {
	const signal = 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal() : undefined;
	if (!signal) return await group.done;
	let onAbort!: () => void;
	const aborted = new Promise<void>((resolve) => (onAbort = resolve));
	signal.addEventListener('abort', onAbort, { once: true });
	try {
		await Promise.race([group.done, aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
	if (!signal.aborted) return;
	group.cancel(member);
	throw new NodeOperationError(ctx.getNode(), 'The execution was canceled', {
		description: 'Its items that had not been sent to Sonoran CAD yet were not sent.',
	});
}
