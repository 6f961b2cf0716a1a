import type { IDataObject } from 'n8n-workflow';

import type { SonoranFailure, Verdict } from '../../client/answers';
import type { Delivery } from '../../client/delivery';
import type { AttemptHooks } from '../../client/transport';
import { chunk } from './results';

/** Where a batch's outcomes go: an execution's ItemResults, or the members of a shared request. */
export interface Outcomes {
	succeed: (itemIndex: number, json: IDataObject) => void;
	/** `about` names the item's subject in the message (see ItemResults.failWith). */
	failWith: (itemIndex: number, failure: SonoranFailure, about?: object) => void;
	readonly successCount: number;
	/** A shared batch's items, one list per execution; undefined for one execution's batch. */
	byExecution?: <T extends { itemIndex: number }>(items: T[]) => T[][];
	/** Whether the item is still wanted: a cancelled execution's items are sent no more. */
	wanted?: (itemIndex: number) => boolean;
}

/**
 * A batch as its request leaves. `items()` is called as each attempt leaves (the transport makes
 * the body then) and answers the batch: a shared batch grows until then, and drops the items of
 * executions cancelled meanwhile. `rateLimited()` is called when Sonoran refused the request for
 * the rate: nothing was applied, and a shared batch may grow again until it is sent anew.
 */
export interface Leaving<T> extends AttemptHooks {
	items: () => T[];
}

/** How one batching operation sends a batch and records one that Sonoran accepted. */
export interface Batcher<T extends { itemIndex: number }> {
	send: (batch: T[], leaving: Leaving<T>) => Promise<Delivery>;
	/** Reads a batch's answer; `ambiguous` when an attempt of it or of a batch it came from was unclear. */
	judge: (delivery: Delivery) => Verdict;
	/**
	 * Records a batch that Sonoran accepted. It may instead answer a failure that blames some of
	 * the batch's items without naming them (such as a count short of what was asked): the batch
	 * is then split like a refused one, so only operations that are safe to repeat may do so.
	 * `sentUnclear` tells whether an item was in an attempt without a clear answer, which may
	 * have applied it.
	 */
	accept: (
		batch: T[],
		verdict: Verdict & { ok: true },
		outcomes: Outcomes,
		sentUnclear: (item: T) => boolean,
	) => SonoranFailure | void | Promise<SonoranFailure | void>;
}

/**
 * A refusal (4xx) that names no item. In a batch shared by executions it may be any one's doing,
 * so each execution's items are sent on their own before anyone's fail.
 */
function refusedWithoutBlame(failure: SonoranFailure): boolean {
	const { statusCode } = failure;
	return !failure.fatal && !failure.blamesItems && statusCode >= 400 && statusCode < 429;
}

/**
 * Sends items in batches of `batchSize`, each isolated (see `isolate`).
 */
export async function deliverIsolating<T extends { itemIndex: number }>(
	outcomes: Outcomes,
	items: T[],
	batchSize: number,
	batcher: Batcher<T>,
): Promise<void> {
	for (const batch of chunk(items, batchSize)) await isolate(outcomes, batch, batcher);
}

/**
 * Sends one batch. When Sonoran refuses it because of some of its items (a 404 that blames
 * items), the batch is split in halves until each bad item is alone, so the good items still go
 * through. A half that must hold a bad item (its sibling went through whole) is split without
 * being sent whole. `leaving` is called as the first request leaves (see Batcher.send).
 */
export async function isolate<T extends { itemIndex: number }>(
	outcomes: Outcomes,
	batch: T[],
	batcher: Batcher<T>,
	leaving: Leaving<T> = { items: () => batch },
): Promise<void> {
	function failAll(items: T[], failure: SonoranFailure) {
		for (const item of items) outcomes.failWith(item.itemIndex, failure, item);
	}

	/** Items that were in an attempt without a clear answer (it may have applied them). */
	const unclear = new Set<number>();
	const sentUnclear = (item: T) => unclear.has(item.itemIndex);
	function tracked(left: Leaving<T>): Leaving<T> {
		let sent: T[] = [];
		return {
			...left,
			items: () => (sent = left.items()),
			unclear: () => {
				for (const item of sent) unclear.add(item.itemIndex);
				left.unclear?.();
			},
		};
	}

	const wanted = (items: T[]) =>
		outcomes.wanted ? items.filter((item) => outcomes.wanted!(item.itemIndex)) : items;

	async function settle(
		items: T[],
		knownFailure?: SonoranFailure,
		ambiguous = false,
		left: Leaving<T> = { items: () => items },
	) {
		if (knownFailure) {
			return items.length > 1
				? await split(items, knownFailure, ambiguous)
				: failAll(items, knownFailure);
		}
		if (items.length === 0) return;
		const delivery = await batcher.send(items, tracked(left));
		// An item of this batch may have been applied by an earlier unclear attempt of its parent.
		const afterUnclear = ambiguous || delivery.ambiguous;
		const verdict = batcher.judge({ ...delivery, ambiguous: afterUnclear });
		const failure = verdict.ok
			? await batcher.accept(items, verdict, outcomes, sentUnclear)
			: verdict.failure;
		if (!failure) return;
		if (failure.blamesItems && items.length > 1) return await split(items, failure, afterUnclear);
		const executions = outcomes.byExecution?.(items) ?? [items];
		if (executions.length > 1 && refusedWithoutBlame(failure)) {
			for (const own of executions) await settle(wanted(own), undefined, afterUnclear);
			return;
		}
		failAll(items, failure);
	}

	/** `failure` is the refusal of the whole batch, which one of its halves must have caused. */
	async function split(items: T[], failure: SonoranFailure, ambiguous: boolean) {
		const half = Math.ceil(items.length / 2);
		const [left, right] = [items.slice(0, half), items.slice(half)];
		const before = outcomes.successCount;
		await settle(wanted(left), undefined, ambiguous);
		const leftWentThrough = outcomes.successCount - before === left.length;
		// The bad item may have been one of a cancelled execution's, no longer sent: then look.
		const rest = wanted(right);
		const rightIsToBlame = leftWentThrough && rest.length === right.length;
		await settle(rest, rightIsToBlame ? ownFailure(items, failure) : undefined, ambiguous);
	}

	/**
	 * The refusal of a batch, given to items it is inferred for. What Sonoran said about a batch
	 * shared by executions may name other executions' items: then it is left out.
	 */
	function ownFailure(items: T[], failure: SonoranFailure): SonoranFailure {
		const shared = (outcomes.byExecution?.(items).length ?? 1) > 1;
		return shared ? { ...failure, answer: '' } : failure;
	}

	await settle(batch, undefined, false, leaving);
}
