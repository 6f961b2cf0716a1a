import type { SonoranFailure, Verdict } from '../../client/answers';
import type { Delivery } from '../../client/delivery';
import { chunk, type ItemResults } from './results';

/** How one batching operation sends a batch and records one that Sonoran accepted. */
export interface Batcher<T extends { itemIndex: number }> {
	send: (batch: T[]) => Promise<Delivery>;
	/** Reads a batch's answer; `ambiguous` when an attempt of it or of a batch it came from was unclear. */
	judge: (delivery: Delivery) => Verdict;
	/**
	 * Records a batch that Sonoran accepted. It may instead answer a failure that blames some of
	 * the batch's items without naming them (such as a count short of what was asked): the batch
	 * is then split like a refused one, so only operations that are safe to repeat may do so.
	 */
	accept: (batch: T[], verdict: Verdict & { ok: true }) => SonoranFailure | void;
}

/**
 * Sends items in batches of `batchSize`. When Sonoran refuses a batch because of some of its
 * items (a 404 that blames items), the batch is split in halves until each bad item is alone,
 * so the good items still go through. A half that must hold a bad item (its sibling went
 * through whole) is split without being sent whole.
 */
export async function deliverIsolating<T extends { itemIndex: number }>(
	results: ItemResults,
	items: T[],
	batchSize: number,
	batcher: Batcher<T>,
): Promise<void> {
	function failAll(batch: T[], failure: SonoranFailure) {
		for (const item of batch) results.failWith(item.itemIndex, failure);
	}

	async function settle(batch: T[], knownFailure?: SonoranFailure, ambiguous = false) {
		if (knownFailure) {
			return batch.length > 1
				? await split(batch, knownFailure, ambiguous)
				: failAll(batch, knownFailure);
		}
		const delivery = await batcher.send(batch);
		// An item of this batch may have been applied by an earlier unclear attempt of its parent.
		const unclear = ambiguous || delivery.ambiguous;
		const verdict = batcher.judge({ ...delivery, ambiguous: unclear });
		const failure = verdict.ok ? batcher.accept(batch, verdict) : verdict.failure;
		if (!failure) return;
		if (failure.blamesItems && batch.length > 1) return await split(batch, failure, unclear);
		failAll(batch, failure);
	}

	/** `failure` is the refusal of the whole batch, which one of its halves must have caused. */
	async function split(batch: T[], failure: SonoranFailure, ambiguous: boolean) {
		const half = Math.ceil(batch.length / 2);
		const [left, right] = [batch.slice(0, half), batch.slice(half)];
		const before = results.successCount;
		await settle(left, undefined, ambiguous);
		const leftWentThrough = results.successCount - before === left.length;
		await settle(right, leftWentThrough ? failure : undefined, ambiguous);
	}

	for (const batch of chunk(items, batchSize)) await settle(batch);
}
