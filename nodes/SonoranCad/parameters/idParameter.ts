import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { valueChecker, type Check } from './validate';

/**
 * A parameter that names one thing by its ID (a record, an identifier, a character), and how an
 * item's is read and checked: the item's error names the parameter and says what to map.
 */
export function idParameter<T>(
	property: Pick<INodeProperties, 'displayName' | 'name' | 'placeholder' | 'description'>,
	check: Check<T>,
	fix: string,
) {
	return {
		property: { ...property, type: 'string', default: '', required: true } as INodeProperties,
		read: (ctx: IExecuteFunctions, itemIndex: number): T =>
			valueChecker(ctx, itemIndex)(
				ctx.getNodeParameter(property.name, itemIndex),
				property.displayName,
				check,
				fix,
			),
	};
}
