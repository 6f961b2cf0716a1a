import type { INodeProperties } from 'n8n-workflow';

/** The Server ID parameter of every v2 operation that acts on one of the community's servers. */
export const serverIdProperty: INodeProperties = {
	displayName: 'Server ID',
	name: 'serverId',
	type: 'number',
	default: 1,
	required: true,
	typeOptions: { minValue: 0, numberPrecision: 0 },
	description:
		"The community's server, as numbered in Sonoran CAD (Admin → Advanced → In-Game Integration); most communities have one server, number 1",
};
