import type { SonoranResource } from '../../kinds/operation';
import { create } from './create';
import { lookup } from './lookup';

export const record: SonoranResource = {
	option: {
		name: 'Record',
		value: 'record',
		description:
			"The CAD's records: licenses, registrations, BOLOs, warrants, characters and custom records (v2 API)",
	},
	operations: [create, lookup],
};
