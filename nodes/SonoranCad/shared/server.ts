import type { IExecuteFunctions } from 'n8n-workflow';

import { parameterReader, wholeNumber } from './validate';

export { serverIdProperty } from '../../shared/serverId';

export function readServerId(ctx: IExecuteFunctions, itemIndex: number): number {
	return parameterReader(ctx, itemIndex)(
		'serverId',
		'Server ID',
		wholeNumber,
		'Set "Server ID" to the number of the community\'s server in Sonoran CAD (Admin → Advanced → In-Game Integration); most communities have one server, number 1.',
	);
}
