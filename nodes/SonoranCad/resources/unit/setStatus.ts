import { SET_UNIT_STATUS_V2 } from '../../../client/endpoints';
import { statusName, UNIT_STATUS_OPTIONS } from '../../../client/unitStatus';
import { parameterReader, wholeNumber } from '../../parameters/validate';
import { unitStateOperation } from '../../kinds/unitState';

export const setStatus = unitStateOperation({
	option: {
		name: 'Set Status',
		value: 'setStatus',
		action: 'Set the status of units',
		description:
			"Set units' status, such as Available, En Route or On Scene, from a game event or a Discord command; items asking the same status go in one request",
	},
	properties: [
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: UNIT_STATUS_OPTIONS,
			default: 2,
			description:
				"The status to set, by Sonoran's numbers (a community may show them under its own names); an expression may give any status number",
		},
	],
	endpoint: SET_UNIT_STATUS_V2,
	readState: (ctx, itemIndex) => ({
		status: parameterReader(ctx, itemIndex)(
			'status',
			'Status',
			wholeNumber,
			"Pick a status from the list, or give Sonoran's status number (0 Unavailable, 1 Busy, 2 Available, 3 En Route, 4 On Scene, 100 Offline).",
		),
	}),
	describe: (state, answer) => ({
		status: typeof answer.status === 'string' ? answer.status : statusName(Number(state.status)),
		statusCode: state.status,
	}),
});
