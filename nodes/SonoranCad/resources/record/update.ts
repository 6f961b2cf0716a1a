import { UPDATE_RECORD_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { readFieldValues, recordFieldsProperty } from '../../parameters/templateFieldValues';
import { readRecordId, recordIdProperty } from './recordId';
import { readTemplateId, templateIdProperty } from './templates';

export const update = perItemOperation({
	option: {
		name: 'Update Record',
		value: 'update',
		action: 'Update fields of a record',
		description:
			"Change fields of an existing record (a license's status, a character's address…) by its record ID, with the fields of its template; fields not mapped keep their values. One record per input item (plan PLUS or higher assumed).",
	},
	properties: [recordIdProperty, templateIdProperty, recordFieldsProperty],
	endpoint: UPDATE_RECORD_V2,
	read: (ctx, itemIndex) => {
		const recordId = readRecordId(ctx, itemIndex);
		const templateId = readTemplateId(ctx, itemIndex);
		const replaceValues = readFieldValues(ctx, itemIndex);
		return {
			call: { params: { recordId }, body: { useDictionary: true, templateId, replaceValues } },
			echo: { recordId },
		};
	},
	shape: (record) => record,
});
