import type { SonoranResource } from '../../kinds/operation';
import { create } from './create';
import { deleteRecord } from './delete';
import { lookup } from './lookup';
import { lookupCustom } from './lookupCustom';
import { sendDraft } from './sendDraft';
import { update } from './update';

export const record: SonoranResource = {
	option: {
		name: 'Record',
		value: 'record',
		description:
			"The CAD's records: licenses, registrations, BOLOs, warrants, characters and custom records (v2 API)",
	},
	operations: [create, lookup, update, deleteRecord, sendDraft, lookupCustom],
};
