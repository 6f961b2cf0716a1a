import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { isObject, unexpectedAnswer, type SonoranFailure } from '../../../client/answers';
import type { SonoranConnection } from '../../../client/connection';
import { GET_PERMISSION_CATALOG_V2 } from '../../../client/endpoints';
import { cachedGet, editorGet } from '../../../editor/editorLookup';
import { valueChecker, type Check } from '../../parameters/validate';

/** One grant of the catalog, and the legacy flags that include it. */
export interface CatalogGrant extends IDataObject {
	grantId: string;
	label: string;
	templateId: number | null;
	templateName: string | null;
	action: string;
	legacyFlags: string[];
}

/** The catalog's grants, one object each; or undefined when the answer is not a catalog. */
export function catalogGrants(json: unknown): CatalogGrant[] | undefined {
	if (!isObject(json) || !Array.isArray(json.permissions)) return undefined;
	const legacy = isObject(json.legacyGrants) ? json.legacyGrants : {};
	return json.permissions.filter(isObject).map((grant) => ({
		grantId: String(grant.id),
		label: String(grant.label ?? ''),
		templateId: typeof grant.templateId === 'number' ? grant.templateId : null,
		templateName: typeof grant.templateName === 'string' ? grant.templateName : null,
		action: String(grant.action ?? ''),
		legacyFlags: Object.keys(legacy).filter(
			(flag) => Array.isArray(legacy[flag]) && (legacy[flag] as unknown[]).includes(grant.id),
		),
	}));
}

/** The Grants parameter's list: the community's catalog, read once a minute per key. */
export async function getPermissionGrants(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const grants = catalogGrants(await editorGet(this, GET_PERMISSION_CATALOG_V2)) ?? [];
	return grants.map((grant) => ({
		name: grant.templateName ? `${grant.templateName}: ${grant.label}` : `Global: ${grant.label}`,
		value: grant.grantId,
		description: grant.grantId,
	}));
}

/** Sonoran's grant IDs: `global.<field>` or `record.<templateId>.<action>`, case-sensitive. */
const GRANT_ID = /^(global\.[A-Za-z0-9_]+|record\.\d+\.[a-z]+(\.[a-z]+)?)$/;

/** A list of grant IDs (a list, or text separated by commas), each once; `[]` only when allowed. */
function grantList(allowNone: boolean): Check<string[]> {
	return (value, reject) => {
		const entries = Array.isArray(value)
			? value
			: typeof value === 'string'
				? value
						.split(',')
						.map((entry) => entry.trim())
						.filter(Boolean)
				: [value];
		const grants = entries.map((entry) =>
			typeof entry === 'string' && GRANT_ID.test(entry.trim())
				? entry.trim()
				: reject(
						`holds ${JSON.stringify(entry)}, which is not a grant ID such as global.police or record.4.read`,
					),
		);
		if (grants.length === 0 && !allowNone) {
			return reject(
				'is empty, which would clear every grant and make the member pending',
				'Give the grants to keep, or turn on "Allow No Grants" to clear them on purpose.',
			);
		}
		return [...new Set(grants)];
	};
}

export const grantsProperty: INodeProperties = {
	displayName: 'Grant Names or IDs',
	name: 'grants',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getPermissionGrants' },
	default: [],
	description:
		'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'The complete list of grants the account keeps: any grant not listed is removed. From an expression: a list, or IDs separated by commas.',
};

export const allowNoGrantsProperty: INodeProperties = {
	displayName: 'Allow No Grants',
	name: 'allowNoGrants',
	type: 'boolean',
	default: false,
	description:
		"Whether an empty list may be sent: it clears every grant and makes an active member pending. Off, an empty list is the item's error.",
};

export function readGrants(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const check = valueChecker(ctx, itemIndex);
	const allowNone = check(
		ctx.getNodeParameter('allowNoGrants', itemIndex, false),
		'Allow No Grants',
		(value, reject) => (typeof value === 'boolean' ? value : reject('must be true or false')),
		'Turn "Allow No Grants" on or off.',
	);
	return check(
		ctx.getNodeParameter('grants', itemIndex),
		'Grants',
		grantList(allowNone),
		'Choose the grants from the list, or give their IDs (such as global.police, record.4.read).',
	);
}

/**
 * The grants that are not in the community's catalog, read once a minute per key: checked before
 * sending, since Sonoran refuses the whole replacement for one unknown grant.
 */
export async function unknownGrants(
	ctx: IExecuteFunctions,
	connection: SonoranConnection,
	grants: string[],
): Promise<string[] | SonoranFailure> {
	const verdict = await cachedGet(ctx, connection, GET_PERMISSION_CATALOG_V2);
	if (!verdict.ok) return verdict.failure;
	const catalog = catalogGrants(verdict.json);
	if (!catalog)
		return unexpectedAnswer(GET_PERMISSION_CATALOG_V2, 'a permission catalog', verdict.answer);
	const known = new Set(catalog.map((grant) => grant.grantId));
	return grants.filter((grant) => !known.has(grant));
}
