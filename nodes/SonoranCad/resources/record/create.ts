import type { IDataObject } from 'n8n-workflow';

import { CREATE_RECORD_V2 } from '../../../client/endpoints';
import { accountTarget } from '../../parameters/accountTarget';
import { perItemOperation } from '../../kinds/perItem';
import { readTemplateId, templateIdProperty } from './templates';
import { readFieldValues, recordFieldsProperty } from '../../parameters/templateFieldValues';

const recordFor = accountTarget(
	['communityUserId', 'discord', 'roblox', 'accountUuid'],
	'the record is for',
);

export const create = perItemOperation({
	option: {
		name: 'Create Record',
		value: 'create',
		action: 'Create a record from a template',
		description:
			"Create a record from one of the community's templates (license, vehicle registration, BOLO, warrant, character…) for a player's account, its fields mapped from the input item; one record per input item (plan PLUS or higher assumed)",
	},
	properties: [templateIdProperty, ...recordFor.properties, recordFieldsProperty],
	endpoint: CREATE_RECORD_V2,
	read: (ctx, itemIndex) => {
		const recordTypeId = readTemplateId(ctx, itemIndex);
		const target = recordFor.read(ctx, itemIndex);
		const replaceValues = readFieldValues(ctx, itemIndex);
		const body: IDataObject = { ...target, useDictionary: true, recordTypeId, replaceValues };
		return { call: { body }, echo: {} };
	},
	shape: (record) => ({ recordId: record.id, ...record }),
});
