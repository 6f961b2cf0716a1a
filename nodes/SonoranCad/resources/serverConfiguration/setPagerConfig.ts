import { SET_PAGER_CONFIG_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { jsonObject, parameterReader } from '../../parameters/validate';

const EXAMPLE = JSON.stringify(
	{
		natureWords: {
			Emergency: 'Emergency',
			NonEmergency: 'Non-Emergency',
			Administrative: 'Administrative',
		},
		maxAddresses: 5,
		maxBodyLength: 250,
	},
	null,
	2,
);

export const setPagerConfig = perItemOperation({
	option: {
		name: 'Set Pager Config',
		value: 'setPagerConfig',
		action: "Set a server's pager configuration",
		description:
			"Replace a server's Inferno pager configuration; without nodes, Sonoran keeps the server's tree of pager addresses. Sonoran allows 2 a minute.",
	},
	properties: [
		serverIdProperty,
		{
			displayName: 'Configuration (JSON)',
			name: 'pagerConfig',
			type: 'json',
			default: EXAMPLE,
			required: true,
			description:
				"The configuration as Sonoran's Set Pager Config page shows it: natureWords, maxAddresses, maxBodyLength and, to replace the address tree, nodes",
		},
	],
	endpoint: SET_PAGER_CONFIG_V2,
	read: (ctx, itemIndex) => {
		const serverId = readServerId(ctx, itemIndex);
		const body = parameterReader(ctx, itemIndex)(
			'pagerConfig',
			'Configuration (JSON)',
			jsonObject(256 * 1024),
			"Give the pager configuration as a JSON object, as Sonoran's Get Pager Config returns it.",
		);
		return { call: { params: { serverId }, body }, echo: { serverId } };
	},
	shape: (answer) => answer,
});
