import { judge, type SonoranFailure } from '../../../shared/answers';
import { KICK_UNIT_V1 } from '../../../shared/endpoints';
import { chunk } from '../../shared/results';
import { requestV1 } from '../../../shared/transport';
import { targetFields, type KickDelivery, type KickTarget } from './kickTarget';

/**
 * Kicks by API ID through v1 KICK_UNIT: many units per request. When Sonoran refuses a batch
 * because of some of its units (404), the batch is split in halves until each unknown unit is
 * alone, so the good units are still kicked. A half that must hold an unknown unit (its sibling
 * went through) is split without being sent whole.
 */
export const kickByApiId: KickDelivery = async (ctx, connection, results, targets, batchSize) => {
	async function settle(batch: KickTarget[], knownFailure?: SonoranFailure, ambiguous = false) {
		if (results.fatal) return failAll(batch, results.fatal);
		if (knownFailure) {
			return batch.length > 1
				? await split(batch, knownFailure, ambiguous)
				: failAll(batch, knownFailure);
		}
		const delivery = await requestV1(ctx, connection, KICK_UNIT_V1, batch.map(targetFields));
		// A unit of this batch may have been kicked by an earlier unclear attempt of its parent.
		const unclear = ambiguous || delivery.ambiguous;
		const verdict = judge(KICK_UNIT_V1, { ...delivery, ambiguous: unclear });
		if (verdict.ok) {
			for (const target of batch) {
				results.succeed(target.itemIndex, {
					...targetFields(target),
					kicked: true,
					answer: verdict.answer,
				});
			}
			return;
		}
		if (verdict.failure.blamesItems && batch.length > 1) {
			return await split(batch, verdict.failure, unclear);
		}
		failAll(batch, verdict.failure);
	}

	/** `failure` is the refusal of the whole batch, which one of its halves must have caused. */
	async function split(batch: KickTarget[], failure: SonoranFailure, ambiguous: boolean) {
		const half = Math.ceil(batch.length / 2);
		const [left, right] = [batch.slice(0, half), batch.slice(half)];
		const before = results.successCount;
		await settle(left, undefined, ambiguous);
		const leftWentThrough = results.successCount - before === left.length;
		await settle(right, leftWentThrough ? failure : undefined, ambiguous);
	}

	function failAll(batch: KickTarget[], failure: SonoranFailure) {
		for (const target of batch) results.failWith(target.itemIndex, failure);
	}

	for (const batch of chunk(targets, batchSize)) await settle(batch);
};
