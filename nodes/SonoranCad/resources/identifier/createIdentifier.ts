import { CREATE_IDENTIFIER_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import {
	identifierAccount,
	identifierFieldsProperty,
	readIdentifierFields,
} from './identifierFields';

export const createIdentifier = perItemOperation({
	option: {
		name: 'Create Identifier',
		value: 'createIdentifier',
		action: 'Create an identifier for a member',
		description:
			"Add a unit identifier (callsign) to an account, such as a new unit number after a promotion; fields not given take Sonoran's defaults. One identifier per input item; not sent twice after an unclear answer.",
	},
	properties: [
		...identifierAccount.properties,
		identifierFieldsProperty(
			"The new identifier's fields; those not given take Sonoran's defaults",
		),
	],
	endpoint: CREATE_IDENTIFIER_V2,
	read: (ctx, itemIndex) => {
		const account = identifierAccount.read(ctx, itemIndex);
		const fields = readIdentifierFields(ctx, itemIndex);
		return { call: { body: fields }, echo: { ...account, ...fields }, account };
	},
	shape: (answer) => ({ identId: answer.identId }),
});
