import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { valueChecker, wholeNumber } from '../../parameters/validate';

export const recordIdProperty: INodeProperties = {
	displayName: 'Record ID',
	name: 'recordId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 451',
	description: "The record's ID, as Create Record, Lookup and Get Characters give it",
};

export function readRecordId(ctx: IExecuteFunctions, itemIndex: number): number {
	return valueChecker(ctx, itemIndex)(
		ctx.getNodeParameter('recordId', itemIndex),
		'Record ID',
		wholeNumber,
		"Map the record's ID, such as {{ $json.recordId }} from Create Record or Lookup.",
	);
}
