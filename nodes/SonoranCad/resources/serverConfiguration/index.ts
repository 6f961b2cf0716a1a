import type { SonoranResource } from '../../kinds/operation';
import { getPagerConfig } from './getPagerConfig';
import { replaceCallouts } from './replaceCallouts';
import { replaceStations } from './replaceStations';
import { replaceStreetSignConfig } from './replaceStreetSignConfig';
import { setPagerConfig } from './setPagerConfig';
import { updateStreetSigns } from './updateStreetSigns';

export const serverConfiguration: SonoranResource = {
	option: {
		name: 'Server Configuration',
		value: 'serverConfiguration',
		description: "A server's emergency configuration: pager, stations, ERS callouts, street signs",
	},
	operations: [
		updateStreetSigns,
		replaceStreetSignConfig,
		getPagerConfig,
		setPagerConfig,
		replaceStations,
		replaceCallouts,
	],
};
