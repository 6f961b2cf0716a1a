import type { IExecuteFunctions } from 'n8n-workflow';

import { valueChecker, wholeNumber } from './validate';

export { serverIdProperty } from '../../editor/serverId';

/** The item's server: picked from the list, typed, or a plain number saved by older versions. */
export function readServerId(ctx: IExecuteFunctions, itemIndex: number): number {
	return valueChecker(ctx, itemIndex)(
		ctx.getNodeParameter('serverId', itemIndex, undefined, { extractValue: true }),
		'Server ID',
		wholeNumber,
		'Pick the server from the list, or set "Server ID" to the number of the community\'s server in Sonoran CAD (Admin → Advanced → In-Game Integration); most communities have one server, number 1.',
	);
}
