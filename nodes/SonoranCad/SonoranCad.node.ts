import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resources } from './resources';
import { route } from './router';
import { CREDENTIAL_NAME } from '../shared/connection';
import { describeResource } from './shared/operation';

const defaultResource = resources[0].option.value;

export class SonoranCad implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sonoran CAD',
		name: 'sonoranCad',
		icon: { light: 'file:sonorancad.svg', dark: 'file:sonorancad.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["resource"] + ": " + $parameter["operation"] }}',
		description:
			'Act on Sonoran CAD from a workflow, such as kicking active units back to the community menu',
		defaults: { name: 'Sonoran CAD' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_NAME, required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resources.map((resource) => resource.option),
				default: defaultResource,
			},
			...resources.flatMap(describeResource),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await route.call(this)];
	}
}
