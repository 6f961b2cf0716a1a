import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isObject } from '../../../client/answers';
import { SET_PANEL_STATE_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { isPrototypeKey } from '../../../client/safeKeys';
import { choiceIn, jsonObject, text, valueChecker, type Check } from '../../parameters/validate';
import {
	instanceKeyProperty,
	panelKeyProperty,
	readInstanceKey,
	readPanelKey,
} from './panelParameters';

/** Sonoran keeps at most 512 KiB of state per instance. */
const MAX_STATE_BYTES = 512 * 1024;

/** Puts `value` at a dotted path (`summary.locked`) of `state`, making the objects on the way. */
function setPath(state: IDataObject, path: string[], value: unknown): void {
	const [head, ...rest] = path;
	if (rest.length === 0) {
		state[head] = value as IDataObject[string];
		return;
	}
	const inner = state[head];
	const next: IDataObject =
		inner !== null && typeof inner === 'object' && !Array.isArray(inner)
			? (inner as IDataObject)
			: {};
	state[head] = next;
	setPath(next, rest, value);
}

/** A state field's name as a path: dotted parts, none empty and none that reaches a prototype. */
const fieldPath: Check<string[]> = (value, reject) => {
	const path = text(value, reject).split('.');
	if (path.some((part) => part === '')) {
		return reject('has an empty part between dots', 'Name each part, such as summary.locked.');
	}
	const unsafe = path.find(isPrototypeKey);
	if (unsafe !== undefined) {
		return reject(
			`has the part "${unsafe}"; __proto__, constructor and prototype cannot be names in a state`,
			'Rename that part of the field: n8n and JavaScript treat these names specially.',
		);
	}
	return path;
};

function readState(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const check = valueChecker(ctx, itemIndex);
	const input = check(
		ctx.getNodeParameter('stateInput', itemIndex),
		'State Input',
		choiceIn(['json', 'fields']),
		'Pick JSON or Fields.',
	);
	if (input === 'json') {
		return check(
			ctx.getNodeParameter('state', itemIndex),
			'State',
			jsonObject(MAX_STATE_BYTES),
			'Give the whole state as a JSON object, such as {"doors": [{"id": "front", "locked": true}]} (at most 512 KiB).',
		);
	}
	const fields = check(
		ctx.getNodeParameter('stateFields.field', itemIndex, []),
		'State Fields',
		(value, reject) =>
			Array.isArray(value) && value.every(isObject)
				? (value as IDataObject[])
				: reject('must be a list of fields, each with a name and a value'),
		'Add the state fields one by one.',
	);
	const state: IDataObject = {};
	fields.forEach((field, index) => {
		const path = check(
			field.name,
			`State Field ${index + 1} Name`,
			fieldPath,
			'Give each state field a name, such as locked or summary.locked.',
		);
		setPath(state, path, field.value);
	});
	return check(state, 'State', jsonObject(MAX_STATE_BYTES), 'Send less state (at most 512 KiB).');
}

export const setState = perItemOperation({
	option: {
		name: 'Set State',
		value: 'setState',
		action: 'Set the state an integration panel shows',
		description:
			"Replace the live state of one panel instance on a server; dispatchers' CAD screens update at once. One state per input item; the panel must exist (Create or Replace Panel).",
	},
	properties: [
		serverIdProperty,
		panelKeyProperty(),
		instanceKeyProperty,
		{
			displayName: 'State Input',
			name: 'stateInput',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'JSON',
					value: 'json',
					description: 'The whole state as one JSON object',
				},
				{
					name: 'Fields',
					value: 'fields',
					description: 'The state built from fields mapped one by one',
				},
			],
			default: 'json',
		},
		{
			displayName: 'State',
			name: 'state',
			type: 'json',
			default: '{}',
			required: true,
			displayOptions: { show: { stateInput: ['json'] } },
			description:
				"The instance's whole new state, as the panel's bindings ($state.…) read it; it replaces the previous state entirely (at most 512 KiB)",
		},
		{
			displayName: 'State Fields',
			name: 'stateFields',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: { stateInput: ['fields'] } },
			description:
				'The fields of the new state; it replaces the previous state entirely. A name with dots (summary.locked) makes nested objects.',
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{
							displayName: 'Name',
							name: 'name',
							type: 'string',
							default: '',
							placeholder: 'e.g. summary.locked',
							description: 'Where the value goes in the state; dots make nested objects',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description:
								'The value; from an expression, a number, true/false, a list or an object keeps its type',
						},
					],
				},
			],
		},
	],
	endpoint: SET_PANEL_STATE_V2,
	read: (ctx, itemIndex) => {
		const serverId = readServerId(ctx, itemIndex);
		const panelKey = readPanelKey(ctx, itemIndex);
		const instanceKey = readInstanceKey(ctx, itemIndex);
		const state = readState(ctx, itemIndex);
		return {
			call: { params: { serverId, panelKey, instanceKey }, body: { state } },
			echo: { serverId, panelKey, instanceKey },
		};
	},
	shape: (answer) => answer,
});
