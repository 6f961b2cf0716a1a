import { GET_DATABASE_SYNC_V2 } from '../../../client/endpoints';
import { readOperation } from '../../kinds/listing';

export const getDatabaseSync = readOperation({
	option: {
		name: 'Get Database Sync Settings',
		value: 'getDatabaseSync',
		action: 'Get the database sync settings',
		description:
			'Whether Database Sync is on for the community, and for characters, licenses and vehicle registrations; one output item (Sonoran never returns the connection details)',
	},
	endpoint: GET_DATABASE_SYNC_V2,
	what: 'database sync settings',
});
