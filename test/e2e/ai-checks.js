'use strict';
/**
 * Sonoran CAD as an AI agent's tools in a real n8n: the AI dispatcher example (Webhook → AI Agent
 * with an OpenAI Chat Model pointed at a stand-in model server → the answer posted to a Discord
 * stand-in), a workflow that gives the agent Kick and Set Status tools as well (a test's, not an
 * example: destructive tools belong behind human review), and the MCP server example through the
 * official MCP SDK client, with its bearer token and without it.
 */
const { isDeepStrictEqual } = require('node:util');

const { check, exampleAs, expect, postJson, startStandIn } = require('./helpers');
const { startModelServer } = require('./model-server');

const OPENAI_CREDENTIAL_ID = 'openAiCredential';
const MCP_CREDENTIAL_ID = 'mcpBearerCredential';
const MCP_TOKEN = 'mcp-e2e-token-7f3a9c1d2b4e6f80';

const TOOL_NAMES = {
	create911: 'Create_a_911_call_from_a_report_in_Sonoran_CAD',
	activeUnits: 'List_the_units_on_duty_on_a_server_in_Sonoran_CAD',
	lookup: 'Look_up_people_or_vehicles_by_name_or_plate_in_Sonoran_CAD',
};

/** The stand-ins the agent checks talk to: the model and the Discord webhook the answer goes to. */
async function startAiStandIns() {
	const model = await startModelServer();
	const discord = await startStandIn('/discord-answer', () => ({ status: 204 }));
	return {
		model,
		discord,
		credentials: [
			{
				id: OPENAI_CREDENTIAL_ID,
				name: 'OpenAI account',
				type: 'openAiApi',
				data: { apiKey: 'sk-stand-in-model-key', url: model.url },
			},
			{
				id: MCP_CREDENTIAL_ID,
				name: 'MCP bearer token',
				type: 'httpBearerAuth',
				data: { token: MCP_TOKEN },
			},
		],
		close: async () => {
			await model.close();
			await discord.close();
		},
	};
}

function aiWorkflows(standIns) {
	const dispatcher = exampleAs('ai-dispatcher.json', 'e2eAiDispatcher1');
	for (const node of dispatcher.nodes) {
		if (node.type === 'n8n-nodes-base.httpRequest') node.parameters.url = standIns.discord.url;
	}
	// The same agent with destructive tools, for the checks only (never an example).
	const agentTools = JSON.parse(JSON.stringify(dispatcher));
	agentTools.id = 'e2eAiAgentTools1';
	agentTools.name = 'e2e: an agent with Kick and Set Status tools';
	const hook = agentTools.nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
	hook.parameters.path = 'sonoran-ai-tools';
	hook.webhookId = '8e1f2a3b-0000-4c5d-9e6f-0000000000a1';
	hook.id = hook.webhookId;
	const credentials = agentTools.nodes.find(
		(node) => node.type === 'CUSTOM.sonoranCadTool',
	).credentials;
	const tool = (name, parameters) => {
		agentTools.nodes.push({
			parameters: { ...parameters, options: {} },
			id: `8e1f2a3b-0000-4c5d-9e6f-0000000000b${agentTools.nodes.length}`,
			name,
			type: 'CUSTOM.sonoranCadTool',
			typeVersion: 1.1,
			position: [800, 240],
			credentials,
		});
		agentTools.connections[name] = {
			ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]],
		};
	};
	tool('Kick units off duty by API ID or linked ID in Sonoran CAD', {
		resource: 'unit',
		operation: 'kick',
		identifyBy: 'apiId',
		apiId: "={{ $fromAI('apiId', 'The unit API ID, such as STEAM:110000112345678', 'string') }}",
		reason: "={{ $fromAI('reason', 'Why the unit is kicked', 'string') }}",
		serverId: 1,
	});
	tool('Set the status of units in Sonoran CAD', {
		resource: 'unit',
		operation: 'setStatus',
		serverId: { __rl: true, mode: 'id', value: '1' },
		unitsBy: 'communityUserIds',
		units: "={{ $fromAI('communityUserId', 'The community user ID of the unit', 'string') }}",
		status:
			"={{ $fromAI('status', 'The status number: 2 available, 3 en route, 4 on scene', 'number') }}",
	});
	return {
		aiDispatcher: dispatcher,
		aiAgentTools: agentTools,
		mcpServer: exampleAs('mcp-server.json', 'e2eMcpServer0001'),
	};
}

const lines = (...calls) =>
	calls.map(([tool, args]) => `CALL ${tool} ${JSON.stringify(args)}`).join('\n');

/** Everything a model or Discord received, to look for the API key in. */
const everythingSeen = (standIns) =>
	JSON.stringify([standIns.model.requests, standIns.discord.received]);

async function aiChecks({ baseUrl, emulator, standIns }) {
	const { model, discord } = standIns;
	const calls911 = () =>
		[...emulator.calls.emergency.values()].filter((call) => call.location === 'Legion Square');

	await check(
		'the AI dispatcher example: three tools offered with their names, descriptions and arguments; each tool call acts once; the answer reaches Discord',
		async () => {
			emulator.addUnits([
				{ apiId: 'STEAM:ai-on-duty', communityUserId: 'cu-ai-duty', unitNum: '2A-11' },
			]);
			const before = model.chats().length;
			const answer = await postJson(`${baseUrl}/webhook/sonoran-ai-dispatch`, {
				content: lines(
					[
						TOOL_NAMES.create911,
						{
							callerName: 'Dispatch Bot',
							location: 'Legion Square',
							description: 'Shots fired near the fountain',
						},
					],
					[TOOL_NAMES.activeUnits, {}],
					[TOOL_NAMES.lookup, { plate: 'AI123' }],
				),
			});
			expect(answer.status === 200, `HTTP ${answer.status} ${JSON.stringify(answer.json)}`);
			const chats = model.chats().slice(before);
			expect(chats.length === 2, `${chats.length} model requests (a tool round and an answer)`);
			const offered = chats[0].body.tools.map((tool) => tool.function);
			expect(
				isDeepStrictEqual(
					offered.map((tool) => tool.name).sort(),
					Object.values(TOOL_NAMES).sort(),
				),
				`tools offered: ${JSON.stringify(offered.map((tool) => tool.name))}`,
			);
			for (const tool of offered) {
				const args = Object.entries(tool.parameters?.properties ?? {}).map(
					([name, schema]) => `${name}: ${schema.type}`,
				);
				console.log(`      tool ${tool.name} "${tool.description}" (${args.join(', ')})`);
			}
			const create = offered.find((tool) => tool.name === TOOL_NAMES.create911);
			expect(
				create.description === 'Create a 911 call from a report in Sonoran CAD' &&
					isDeepStrictEqual(Object.keys(create.parameters.properties).sort(), [
						'callerName',
						'description',
						'location',
					]) &&
					/street, a place or a postal/.test(create.parameters.properties.location.description),
				`the 911 tool as offered: ${JSON.stringify(create)}`,
			);
			expect(calls911().length === 1, `${calls911().length} 911 calls at Legion Square`);
			const lookups = emulator.requests.filter(
				(r) => r.path === '/v2/general/lookups' && /AI123/.test(r.rawBody),
			);
			expect(lookups.length === 1, `${lookups.length} plate lookups`);
			const results = chats[1].body.messages.filter((message) => message.role === 'tool');
			const resultText = results.map((message) => JSON.stringify(message.content)).join('\n');
			expect(
				results.length === 3 &&
					resultText.includes(String(calls911()[0].callId)) &&
					resultText.includes('2A-11'),
				`tool results given back to the model: ${resultText.slice(0, 1500)}`,
			);
			// Simplified for the tool: a unit without the CAD's every field.
			expect(
				!resultText.includes('aop') && !resultText.includes('isDispatch'),
				'units came back unsimplified',
			);
			const posted = discord.received.map((post) => JSON.parse(post.body).content);
			expect(
				posted.length === 1 && /^RESULTS/.test(posted[0]),
				`Discord got ${JSON.stringify(posted)}`,
			);
			expect(
				!everythingSeen(standIns).includes(emulator.apiKey),
				'the API key reached the model or Discord',
			);
		},
	);

	await check(
		"an agent's kick and status change act once each; a refused kick reaches the model as text naming the unit",
		async () => {
			emulator.addUnits([
				{ apiId: 'STEAM:ai-kick', status: 2 },
				{ apiId: 'STEAM:ai-status', communityUserId: 'cu-ai-status', status: 2 },
			]);
			const before = model.chats().length;
			const kicksBefore = emulator.kicks.length;
			const answer = await postJson(`${baseUrl}/webhook/sonoran-ai-tools`, {
				content: lines(
					['Kick_units', { apiId: 'STEAM:ai-kick', reason: 'AFK in the station' }],
					['Kick_units', { apiId: 'STEAM:ai-ghost', reason: 'AFK' }],
					['Set_the_status', { communityUserId: 'cu-ai-status', status: 3 }],
				),
			});
			expect(answer.status === 200, `HTTP ${answer.status} ${JSON.stringify(answer.json)}`);
			const kicked = emulator.kicks.slice(kicksBefore).map((kick) => kick.apiId);
			expect(isDeepStrictEqual(kicked, ['STEAM:ai-kick']), `kicked ${JSON.stringify(kicked)}`);
			const unit = emulator
				.activeUnits()
				.find((candidate) => candidate.communityUserId === 'cu-ai-status');
			const statusRequests = emulator.requests.filter(
				(r) => r.path === '/v2/emergency/servers/1/units/status',
			);
			expect(
				unit?.status === 3 && statusRequests.length === 1,
				`status ${unit?.status}, ${statusRequests.length} requests`,
			);
			const chats = model.chats().slice(before);
			const results = chats[chats.length - 1].body.messages.filter(
				(message) => message.role === 'tool',
			);
			const ghost = results
				.map((message) => JSON.stringify(message.content))
				.find((text) => text.includes('STEAM:ai-ghost'));
			console.log(`      the model read: ${String(ghost).slice(0, 400)}`);
			expect(
				ghost !== undefined &&
					/found no active unit/.test(ghost) &&
					/whatToDo/.test(ghost) &&
					/Check the API ID/.test(ghost),
				`the refused kick as the model saw it: ${JSON.stringify(results.map((message) => message.content))}`,
			);
			expect(!everythingSeen(standIns).includes(emulator.apiKey), 'the API key reached the model');
		},
	);

	await check(
		'the MCP server example: an MCP SDK client with the bearer token lists the three tools and runs each; without it, refused',
		async () => {
			const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
			const {
				StreamableHTTPClientTransport,
			} = require('@modelcontextprotocol/sdk/client/streamableHttp.js');
			const url = new URL(`${baseUrl}/mcp/sonoran-cad`);
			const connect = async (headers) => {
				const client = new Client({ name: 'sonorancad-e2e', version: '1.0.0' });
				await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers } }));
				return client;
			};
			let refused;
			try {
				const stranger = await connect({});
				await stranger.listTools();
				await stranger.close();
			} catch (error) {
				refused = error;
			}
			expect(
				refused !== undefined &&
					/401|403|Unauthorized|Forbidden|Authorization data is wrong/i.test(String(refused)),
				`without the token: ${refused}`,
			);

			const client = await connect({ Authorization: `Bearer ${MCP_TOKEN}` });
			try {
				const { tools } = await client.listTools();
				expect(
					isDeepStrictEqual(
						tools.map((tool) => tool.name).sort(),
						Object.values(TOOL_NAMES).sort(),
					),
					`MCP tools: ${JSON.stringify(tools.map((tool) => tool.name))}`,
				);
				const lookupTool = tools.find((tool) => tool.name === TOOL_NAMES.lookup);
				expect(
					lookupTool.description === 'Look up people or vehicles by name or plate in Sonoran CAD' &&
						Object.keys(lookupTool.inputSchema.properties ?? {}).includes('plate'),
					`the lookup tool: ${JSON.stringify(lookupTool)}`,
				);
				const text = (result) => (result.content ?? []).map((part) => part.text ?? '').join('\n');
				const units = await client.callTool({ name: TOOL_NAMES.activeUnits, arguments: {} });
				expect(
					/2A-11/.test(text(units)) && !/"aop"/.test(text(units)),
					`units over MCP: ${text(units).slice(0, 500)}`,
				);
				const before = calls911().length;
				const created = await client.callTool({
					name: TOOL_NAMES.create911,
					arguments: {
						callerName: 'MCP client',
						location: 'Legion Square',
						description: 'A crash with injuries',
					},
				});
				expect(
					calls911().length === before + 1 && /callId/.test(text(created)),
					`911 over MCP: ${text(created).slice(0, 500)}`,
				);
				const refusedCall = await client.callTool({
					name: TOOL_NAMES.create911,
					arguments: { callerName: 'MCP client', location: '', description: 'No place given' },
				});
				expect(
					/Location/.test(text(refusedCall)) && calls911().length === before + 1,
					`a 911 call without a location over MCP: ${JSON.stringify(refusedCall).slice(0, 500)}`,
				);
				const plate = await client.callTool({
					name: TOOL_NAMES.lookup,
					arguments: { plate: 'MCP42' },
				});
				expect(
					Array.isArray(plate.content),
					`lookup over MCP: ${JSON.stringify(plate).slice(0, 300)}`,
				);
				expect(
					!JSON.stringify([units, created, refusedCall, plate]).includes(emulator.apiKey),
					'the API key reached the MCP client',
				);
			} finally {
				await client.close();
			}
		},
	);
}

module.exports = { aiChecks, aiWorkflows, startAiStandIns };
