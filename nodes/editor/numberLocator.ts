import type { INodeProperties } from 'n8n-workflow';

/** What differs between the package's lists of numbered things (servers, record templates). */
interface NumberLocatorSpec {
	displayName: string;
	name: string;
	description: string;
	/** The list mode's placeholder and its listSearch method. */
	listPlaceholder: string;
	searchListMethod: string;
	/** The By ID mode's placeholder and the message for text that is not a whole number. */
	idPlaceholder: string;
	idError: string;
}

/**
 * A resource locator for something Sonoran numbers: *From List* (a searchable list read from
 * Sonoran) or *By ID* (a whole number, typed or from an expression).
 */
export function numberLocator(spec: NumberLocatorSpec): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: spec.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: spec.listPlaceholder,
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.idPlaceholder,
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*\\d+\\s*$', errorMessage: spec.idError },
					},
				],
			},
		],
	};
}
