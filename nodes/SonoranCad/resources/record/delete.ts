import { DELETE_RECORD_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { readRecordId, recordIdProperty } from './recordId';

export const deleteRecord = perItemOperation({
	option: {
		name: 'Delete Record',
		value: 'delete',
		action: 'Delete a record by record ID',
		description:
			'Remove a record (a license, registration, BOLO, warrant, character…) from the CAD by its record ID; one record per input item (plan PLUS or higher assumed)',
	},
	properties: [recordIdProperty],
	endpoint: DELETE_RECORD_V2,
	read: (ctx, itemIndex) => {
		const recordId = readRecordId(ctx, itemIndex);
		return { call: { params: { recordId } }, echo: { recordId } };
	},
	shape: () => ({ deleted: true }),
});
