import type { IDataObject } from 'n8n-workflow';

import type { SonoranFailure, Verdict } from '../../client/answers';
import type { Delivery } from '../../client/delivery';
import { chunk } from './results';

/** Where a batch's outcomes go: an execution's ItemResults, or the members of a shared request. */
export interface Outcomes {
	succeed: (itemIndex: number, json: IDataObject) => void;
	failWith: (itemIndex: number, failure: SonoranFailure) => void;
	readonly successCount: number;
}

/**
 * A batch as its request leaves. `items()` is called as the request leaves (the transport makes
 * the body then) and answers the batch: a shared batch grows until then. `rateLimited()` is called
 * when Sonoran refused the request for the rate: nothing was applied, and a shared batch may grow
 * again until it is sent anew.
 */
export interface Leaving<T> {
	items: () => T[];
	rateLimited?: () => void;
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
	 */
	accept: (
		batch: T[],
		verdict: Verdict & { ok: true },
		outcomes: Outcomes,
	) => SonoranFailure | void;
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
		for (const item of items) outcomes.failWith(item.itemIndex, failure);
	}

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
		const delivery = await batcher.send(items, left);
		// An item of this batch may have been applied by an earlier unclear attempt of its parent.
		const unclear = ambiguous || delivery.ambiguous;
		const verdict = batcher.judge({ ...delivery, ambiguous: unclear });
		const failure = verdict.ok ? batcher.accept(items, verdict, outcomes) : verdict.failure;
		if (!failure) return;
		if (failure.blamesItems && items.length > 1) return await split(items, failure, unclear);
		failAll(items, failure);
	}

	/** `failure` is the refusal of the whole batch, which one of its halves must have caused. */
	async function split(items: T[], failure: SonoranFailure, ambiguous: boolean) {
		const half = Math.ceil(items.length / 2);
		const [left, right] = [items.slice(0, half), items.slice(half)];
		const before = outcomes.successCount;
		await settle(left, undefined, ambiguous);
		const leftWentThrough = outcomes.successCount - before === left.length;
		await settle(right, leftWentThrough ? failure : undefined, ambiguous);
	}

	await settle(batch, undefined, false, leaving);
}
