import { GET_CURRENT_CALL_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { accountTarget } from '../../parameters/accountTarget';

const whose = accountTarget(
	['communityUserId', 'discord', 'roblox', 'accountUuid', 'username'],
	'whose call to get',
);

export const getCurrentCall = perItemOperation({
	option: {
		name: 'Get Current Call',
		value: 'getCurrentCall',
		action: "Get the call a member's unit is on",
		description:
			"The call an account's selected unit is attached to (a Discord /mycall): callId, or null and onCall false when it has none; an account with no unit on duty is the item's error",
	},
	properties: whose.properties,
	endpoint: GET_CURRENT_CALL_V2,
	read: (ctx, itemIndex) => {
		const account = whose.read(ctx, itemIndex);
		return { call: {}, echo: { ...account }, account };
	},
	shape: (answer) => {
		const callId = answer.CallId ?? answer.callId ?? null;
		return { identId: answer.IdentId ?? answer.identId, callId, onCall: callId !== null };
	},
});
