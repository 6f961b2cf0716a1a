import { judge } from '../../../client/answers';
import { KICK_UNIT_V1 } from '../../../client/endpoints';
import { requestV1 } from '../../../client/transport';
import { deliverIsolating } from '../../kinds/isolate';
import { targetFields, type KickDelivery } from './kickTarget';

/**
 * Kicks by API ID through v1 KICK_UNIT: many units per request; a unit Sonoran does not know
 * (404) is isolated by splitting its batch, so the other units are still kicked.
 */
export const kickByApiId: KickDelivery = async (ctx, connection, results, targets, batchSize) => {
	await deliverIsolating(results, targets, batchSize, {
		send: async (batch) => await requestV1(ctx, connection, KICK_UNIT_V1, batch.map(targetFields)),
		judge: (delivery) => judge(KICK_UNIT_V1, delivery),
		accept: (batch, verdict) => {
			for (const target of batch) {
				results.succeed(target.itemIndex, {
					...targetFields(target),
					kicked: true,
					answer: verdict.answer,
				});
			}
		},
	});
};
