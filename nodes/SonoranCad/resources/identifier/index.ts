import type { SonoranResource } from '../../kinds/operation';
import { createIdentifier } from './createIdentifier';
import { deleteIdentifier } from './deleteIdentifier';
import { getIdentifiers } from './getIdentifiers';
import { selectIdentifier } from './selectIdentifier';
import { setIdentifierGroup } from './setIdentifierGroup';
import { updateIdentifier } from './updateIdentifier';

export const identifier: SonoranResource = {
	option: {
		name: 'Identifier',
		value: 'identifier',
		description:
			"Accounts' unit identifiers (callsigns): rosters, promotions and groups from a sheet or Discord (v2 API)",
	},
	operations: [
		getIdentifiers,
		createIdentifier,
		updateIdentifier,
		deleteIdentifier,
		selectIdentifier,
		setIdentifierGroup,
	],
};
