import { judge, unexpectedAnswer } from '../../../client/answers';
import { GET_PERMISSION_CATALOG_V2 } from '../../../client/endpoints';
import { requestV2 } from '../../../client/transport';
import { listingOperation } from '../../kinds/listing';
import { optionsCollection } from '../../parameters/requestOptions';
import { catalogGrants } from './permissionGrants';

/** `GET /v2/general/permissions/catalog`: one output item per grant the community can give. */
export const getPermissionCatalog = listingOperation<object>({
	option: {
		name: 'Get Permission Catalog',
		value: 'getPermissionCatalog',
		action: 'List the grantable permissions',
		description:
			"The grants the community's accounts can be given, one output item per grant (grantId, label, template, action) with the legacy flags (POLICE, DISPATCH…) that include it; read it before Replace Permissions",
	},
	properties: [optionsCollection()],
	read: () => ({}),
	fetch: async (ctx, connection) => {
		const verdict = judge(
			GET_PERMISSION_CATALOG_V2,
			await requestV2(ctx, connection, GET_PERMISSION_CATALOG_V2),
		);
		if (!verdict.ok) return verdict.failure;
		return (
			catalogGrants(verdict.json) ??
			unexpectedAnswer(GET_PERMISSION_CATALOG_V2, 'a permission catalog', verdict.answer)
		);
	},
});
