import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resources } from './resources';
import { route } from './router';
import { CREDENTIAL_NAME } from '../client/connection';
import { describeResource } from './kinds/operation';
import { searchPanels } from '../editor/panelKey';
import { searchServers } from '../editor/serverId';
import {
	getDispatchTemplateFields,
	searchDispatchTemplates,
} from './resources/call/dispatchTemplates';
import { getTemplateFields, searchRecordTemplates } from './resources/record/templates';
import { getPermissionGrants } from './resources/account/permissionGrants';

const defaultResource = resources[0].option.value;

export class SonoranCad implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sonoran CAD',
		name: 'sonoranCad',
		icon: { light: 'file:sonorancad.svg', dark: 'file:sonorancad.dark.svg' },
		group: ['transform'],
		// 1.1: the AI tool variant's listings return simplified items by default.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ $parameter["resource"] + ": " + $parameter["operation"] }}',
		description:
			'Act on Sonoran CAD from a workflow: kick units and set their status, create and update calls, find and ban accounts, create, update and look up records, answer Integration Panels',
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

	methods = {
		listSearch: { searchServers, searchRecordTemplates, searchPanels, searchDispatchTemplates },
		resourceMapping: { getTemplateFields, getDispatchTemplateFields },
		loadOptions: { getPermissionGrants },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await route.call(this)];
	}
}
