import { judge } from '../../../client/answers';
import { KICK_UNIT_V1 } from '../../../client/endpoints';
import { requestV1 } from '../../../client/transport';
import { deliverShared } from '../../kinds/sharing';
import { targetFields, type KickDelivery } from './kickTarget';

/**
 * Kicks by API ID through v1 KICK_UNIT: many units per request, shared with other executions'
 * kicks that wait for the pace; a unit Sonoran does not know (404) is isolated by splitting its
 * batch, so the other units are still kicked.
 */
export const kickByApiId: KickDelivery = async (ctx, connection, results, targets, batching) => {
	await deliverShared(
		ctx,
		connection,
		results,
		targets,
		{ ...batching, batchKey: 'v1 kick' },
		{
			send: async (_batch, leaving) =>
				await requestV1(
					ctx,
					connection,
					KICK_UNIT_V1,
					() => leaving.items().map(targetFields),
					leaving,
				),
			judge: (delivery) => judge(KICK_UNIT_V1, delivery),
			accept: (batch, verdict, outcomes) => {
				for (const target of batch) {
					outcomes.succeed(target.itemIndex, {
						...targetFields(target),
						kicked: true,
						answer: verdict.answer,
					});
				}
			},
		},
	);
};
