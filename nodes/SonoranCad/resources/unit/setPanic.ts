import { SET_UNIT_PANIC_V2 } from '../../../client/endpoints';
import { parameterReader, yesNo } from '../../parameters/validate';
import { unitStateOperation } from '../../kinds/unitState';

export const setPanic = unitStateOperation({
	option: {
		name: 'Set Panic',
		value: 'setPanic',
		action: "Turn units' panic on or off",
		description:
			"Turn units' panic alarm on or off in the CAD, such as from an in-game panic button; items asking the same go in one request",
	},
	properties: [
		{
			displayName: 'Panic',
			name: 'isPanic',
			type: 'boolean',
			default: true,
			description: 'Whether to turn the panic alarm on (or off)',
		},
	],
	endpoint: SET_UNIT_PANIC_V2,
	readState: (ctx, itemIndex) => ({
		isPanic: parameterReader(ctx, itemIndex)(
			'isPanic',
			'Panic',
			yesNo,
			'Turn "Panic" on or off, or give true or false.',
		),
	}),
	describe: (state, answer) => ({
		isPanic: typeof answer.isPanic === 'boolean' ? answer.isPanic : state.isPanic,
	}),
});
