import { HEARTBEAT_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { parameterReader, wholeNumber } from '../../parameters/validate';

export const heartbeat = perItemOperation({
	option: {
		name: 'Send Heartbeat',
		value: 'heartbeat',
		action: "Send a server's heartbeat",
		description:
			"Tell Sonoran CAD that a game server is up and how many players it has, for servers without Sonoran's FiveM resource (Roblox, a web game); run it from a Schedule, at most 10 a minute",
	},
	properties: [
		serverIdProperty,
		{
			displayName: 'Player Count',
			name: 'playerCount',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'How many players are on the server now',
		},
	],
	endpoint: HEARTBEAT_V2,
	read: (ctx, itemIndex) => {
		const serverId = readServerId(ctx, itemIndex);
		const playerCount = parameterReader(ctx, itemIndex)(
			'playerCount',
			'Player Count',
			wholeNumber,
			'Set "Player Count" to the number of players on the server, such as {{ $json.players.length }}.',
		);
		return { call: { params: { serverId }, body: { playerCount } }, echo: { serverId } };
	},
	shape: (answer) => answer,
});
