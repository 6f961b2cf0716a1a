/**
 * The node as an AI agent's tool: what n8n tells a model about each operation (the tool's name
 * and description come from the operation's action), the Simplify default of the tool variant,
 * which operations are destructive, and that no example gives a model a destructive tool.
 */
import type { INode, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers, nodeNameToToolName } from 'n8n-workflow';

import { SonoranCad } from '../nodes/SonoranCad/SonoranCad.node';
import { isDestructive } from '../nodes/SonoranCad/kinds/operation';
import { resources } from '../nodes/SonoranCad/resources';
import { emulatorWithUnits, resourceRunner } from './support/fixtures';
import { exampleWorkflows, repoText } from './support/repo-files';

const description = new SonoranCad().description;
const operations = resources.flatMap((resource) =>
	resource.operations.map((operation) => ({ resource: resource.option.value, operation })),
);

/** The tool variant n8n builds for `usableAsTool` (its name ends in Tool). */
const toolDescription: INodeTypeDescription = {
	...description,
	name: `${description.name}Tool`,
	displayName: `${description.displayName} Tool`,
	inputs: [],
	outputs: [NodeConnectionTypes.AiTool],
};

function parametersOf(nodeType: INodeTypeDescription, parameters: object, typeVersion: number) {
	const node = { parameters, typeVersion, type: nodeType.name, name: 'n' } as unknown as INode;
	return NodeHelpers.getNodeParameters(
		nodeType.properties as INodeProperties[],
		parameters as never,
		true,
		false,
		node,
		nodeType,
	);
}

describe('every operation as a tool', () => {
	it('gets a tool name n8n keeps whole (at most 64 characters) and different from every other', () => {
		const names = operations.map(({ resource, operation }) => {
			const name = NodeHelpers.makeNodeName(
				{ resource, operation: operation.option.value },
				toolDescription,
			);
			expect(name).toBe(`${operation.option.action} in Sonoran CAD`);
			return nodeNameToToolName(name);
		});
		for (const name of names) expect(name.length).toBeLessThanOrEqual(64);
		expect(names.filter((name) => name.endsWith('_'))).toEqual([]);
		expect(new Set(names).size).toBe(names.length);
	});

	it('is described to the model by its action', () => {
		const described = NodeHelpers.makeDescription(
			{ resource: 'record', operation: 'lookup', descriptionType: 'auto' },
			toolDescription,
		);
		expect(described).toBe('Look up people or vehicles by name or plate in Sonoran CAD');
	});
});

describe('Simplify', () => {
	const listings = [
		['unit', 'getActiveUnits'],
		['call', 'getMany'],
		['account', 'getMany'],
		['record', 'lookup'],
		['panel', 'list'],
		['panel', 'getActions'],
	];

	it.each(listings)(
		'%s → %s: off in version 1, off for the node and on for the AI tool from 1.1',
		(resource, operation) => {
			const asked = { resource, operation };
			expect(parametersOf(description, asked, 1)?.simplify).toBe(false);
			expect(parametersOf(toolDescription, asked, 1)?.simplify).toBe(false);
			expect(parametersOf(description, asked, 1.1)?.simplify).toBe(false);
			expect(parametersOf(toolDescription, asked, 1.1)?.simplify).toBe(true);
		},
	);

	it('keeps only the fields a person or a model needs from each unit', async () => {
		const emulator = await emulatorWithUnits(['STEAM:1']);
		const run = resourceRunner('unit');
		const parameters = { serverId: { __rl: true, mode: 'id', value: '1' } };
		const full = await run(emulator, [{}], 'getActiveUnits', parameters);
		const simple = await run(emulator, [{}], 'getActiveUnits', { ...parameters, simplify: true });
		expect(Object.keys(full.output[0].json)).toEqual(
			expect.arrayContaining(['accId', 'aop', 'data', 'isDispatch']),
		);
		expect(simple.output[0].json).toEqual({
			id: 1,
			unitNum: 'U-1',
			name: 'Unit 1',
			status: 2,
			statusName: 'AVAILABLE',
			isPanic: false,
			location: 'Mission Row PD',
			apiId: 'STEAM:1',
			communityUserId: '',
			serverId: 1,
		});
	});
});

describe('destructive operations', () => {
	const destructive = operations
		.filter(({ operation }) => isDestructive(operation))
		.map(({ resource, operation }) => `${resource}.${operation.option.value}`);

	it('are the ones that take away or replace, declared once with the endpoints', () => {
		expect(destructive).toEqual(
			expect.arrayContaining([
				'unit.kick',
				'call.close',
				'call.remove911',
				'account.ban',
				'account.replacePermissions',
				'record.delete',
				'panel.delete',
				'map.deleteBlips',
				'community.replacePenalCodes',
			]),
		);
		for (const safe of [
			'call.create911',
			'unit.getActiveUnits',
			'record.lookup',
			'unit.setStatus',
		]) {
			expect(destructive).not.toContain(safe);
		}
	});

	it('are listed in the AI agents guide, all of them and no other', () => {
		const guide = repoText('docs/ai-agents.md');
		const section = guide.split('<!-- destructive -->')[1]?.split('<!-- /destructive -->')[0] ?? '';
		const listed = [...section.matchAll(/`([a-zA-Z]+\.[a-zA-Z0-9]+)`/g)].map((match) => match[1]);
		expect(listed.sort()).toEqual([...destructive].sort());
	});

	it('are never a tool in an example workflow', () => {
		const tools = exampleWorkflows().flatMap(({ workflow }) =>
			(workflow.nodes as Array<{ type: string; parameters: Record<string, string> }>)
				.filter((node) => node.type.endsWith('.sonoranCadTool'))
				.map((node) => `${node.parameters.resource}.${node.parameters.operation}`),
		);
		expect(tools.filter((tool) => destructive.includes(tool))).toEqual([]);
	});
});
