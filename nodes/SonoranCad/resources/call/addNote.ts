import { ADD_CALL_NOTE_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { optionalText, parameterReader, text } from '../../parameters/validate';
import { callIdProperty, readCallId } from './fields';
import { findAddedNote } from './findCreated';

export const addNote = perItemOperation({
	option: {
		name: 'Add Note',
		value: 'addNote',
		action: 'Add a note to a dispatch call',
		description:
			"Append a text note to a dispatch call's notes, such as an update from the game server or a Discord message; one note per input item",
	},
	properties: [
		serverIdProperty,
		callIdProperty,
		{
			displayName: 'Note',
			name: 'note',
			type: 'string',
			default: '',
			required: true,
			typeOptions: { rows: 2 },
			description: 'The text to add to the call',
		},
		{
			displayName: 'Label',
			name: 'label',
			type: 'string',
			default: 'n8n',
			description: 'Who or what the note comes from, as the CAD shows it beside the note',
		},
	],
	endpoint: ADD_CALL_NOTE_V2,
	read: (ctx, itemIndex) => {
		const readParameter = parameterReader(ctx, itemIndex);
		const serverId = readServerId(ctx, itemIndex);
		const callId = readCallId(ctx, itemIndex);
		const note = readParameter('note', 'Note', text, 'Set "Note" to the text to add to the call.');
		const label = readParameter(
			'label',
			'Label',
			optionalText,
			'Set "Label" to text, or leave it empty.',
		);
		return {
			call: {
				params: { serverId, callId },
				body: { note, noteType: 'text', ...(label ? { label } : {}) },
			},
			echo: { callId, serverId },
		};
	},
	shape: (answer) => ({ note: answer.note, answer }),
	recover: findAddedNote,
});
