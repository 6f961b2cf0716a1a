import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	failureToError,
	isObject,
	judge,
	unexpectedAnswer,
	type Verdict,
} from '../../../client/answers';
import { apiVersionProperty, readApiVersion } from '../../parameters/apiVersion';
import { openConnection } from '../../../client/connection';
import {
	GET_ACTIVE_UNITS_V1,
	GET_VERSION_V1,
	GET_VERSION_V2,
	KICK_UNIT_V1,
} from '../../../client/endpoints';
import type { SonoranOperation } from '../../kinds/operation';
import { planName } from '../../../client/plans';
import { optionsCollection, readRequestPolicy } from '../../parameters/requestOptions';
import { errorItemOrThrow } from '../../kinds/results';
import { requestV1, requestV2 } from '../../../client/transport';

/** v1 answers text that starts with the plan number; v2 answers `{version, name}`. */
function planOf(verdict: Verdict & { ok: true }): number | undefined {
	const version = isObject(verdict.json) ? verdict.json.version : verdict.answer.match(/^\d+/)?.[0];
	const plan = Number(version);
	return Number.isInteger(plan) ? plan : undefined;
}

function planItem(plan: number, verdict: Verdict & { ok: true }): IDataObject {
	return {
		plan,
		planName: planName(plan),
		allows: {
			kickUnit: plan >= KICK_UNIT_V1.minPlan,
			getActiveUnits: plan >= GET_ACTIVE_UNITS_V1.minPlan,
		},
		// As returned: v1's text, v2's JSON object.
		answer: typeof verdict.json === 'object' ? (verdict.json as IDataObject) : verdict.answer,
	};
}

/** One request for the whole execution: the plan is the same for every input item. */
async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const api = readApiVersion(this);
	let json: IDataObject | undefined;
	let failure: unknown;
	try {
		const connection = await openConnection(this, readRequestPolicy(this));
		const endpoint = api === 'v1' ? GET_VERSION_V1 : GET_VERSION_V2;
		const verdict = judge(
			endpoint,
			api === 'v1'
				? await requestV1(this, connection, endpoint, [])
				: await requestV2(this, connection, endpoint),
		);
		const plan = verdict.ok ? planOf(verdict) : undefined;
		if (!verdict.ok) failure = failureToError(this.getNode(), verdict.failure, 0);
		else if (plan === undefined) {
			const unexpected = unexpectedAnswer(endpoint, 'a plan number', verdict.answer);
			failure = failureToError(this.getNode(), unexpected, 0);
		} else json = planItem(plan, verdict);
	} catch (error) {
		failure = error;
	}
	return items.map((_, itemIndex) =>
		json ? { json, pairedItem: { item: itemIndex } } : errorItemOrThrow(this, failure, itemIndex),
	);
}

export const getPlan: SonoranOperation = {
	option: {
		name: 'Get Plan',
		value: 'getPlan',
		action: "Get the community's Sonoran plan",
		description:
			"Find out the community's Sonoran plan (FREE to SONORAN ONE) and which operations it allows; works on every plan",
	},
	properties: [apiVersionProperty, optionsCollection()],
	execute,
};
