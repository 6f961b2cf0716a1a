import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionalText, parameterReader } from '../../parameters/validate';

const LINES = ['text1', 'text2', 'text3'] as const;

/** A street sign's three lines of text. */
export const signTextProperties: INodeProperties[] = LINES.map((name, line) => ({
	displayName: `Text Line ${line + 1}`,
	name,
	type: 'string',
	default: '',
	description: `Line ${line + 1} of the sign; empty leaves the line blank`,
}));

export function readSignText(ctx: IExecuteFunctions, itemIndex: number): Record<string, string> {
	const read = parameterReader(ctx, itemIndex);
	return Object.fromEntries(
		LINES.map((name, line) => [
			name,
			read(
				name,
				`Text Line ${line + 1}`,
				optionalText,
				'Set the line to text, or leave it empty.',
			) ?? '',
		]),
	);
}
