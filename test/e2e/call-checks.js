'use strict';
/**
 * The Call examples in a real n8n: the game server alarm → Create 911 Call webhook, and the
 * Call Trigger → Discord workflow, its Discord webhook pointed at a local catcher on 127.0.0.1
 * and its Poll Times at four a minute (at seconds 0, 15, 30 and 45: within Sonoran's 5, and each
 * once a minute as n8n requires) so the check is quick.
 */
const {
	check,
	exampleAs,
	executionCount,
	expect,
	postJson,
	sleep,
	startStandIn,
	waitUntil,
} = require('./helpers');

/** The sample a FiveM or ER:LC script posts for a store robbery alarm (docs/operations.md's example). */
const ROBBERY_ALARM = {
	callerName: 'Store Alarm',
	location: '24/7 Supermarket, Innocence Blvd',
	description: 'Silent alarm: armed robbery in progress',
	postal: '9001',
	coords: { x: 25.7, y: -1347.3, z: 29.5 },
};

/** Stands in for Discord's webhook: records what n8n posts to it. */
async function startCatcher() {
	return await startStandIn('/discord-webhook', () => ({ status: 204 }));
}

/** The example workflows of this file, as the e2e suite imports and publishes them. */
function callWorkflows(catcher) {
	const discord = exampleAs('new-911-call-to-discord.json', 'e2eCallTrigger01');
	for (const node of discord.nodes) {
		if (node.type === 'n8n-nodes-base.httpRequest') node.parameters.url = catcher.url;
		if (node.type === 'CUSTOM.sonoranCadCallTrigger') {
			node.parameters.pollTimes = {
				item: [0, 15, 30, 45].map((second) => ({
					mode: 'custom',
					cronExpression: `${second} * * * * *`,
				})),
			};
		}
	}
	return { alarm911: exampleAs('game-server-911-call.json', 'e2eAlarm9110001'), discord };
}

async function callChecks({ baseUrl, install, userFolder, emulator, workflows, catcher, server }) {
	const listings = () =>
		emulator.requests.filter((r) => r.path === '/v2/emergency/servers/1/calls' && r.status === 200);
	let callId;

	await check(
		'the Call Trigger polls the CAD once it is published (first poll: notes, emits nothing)',
		async () => {
			await waitUntil(() => listings().length >= 1, 40_000, 'the first poll').catch((error) => {
				const about = server
					.log()
					.split('\n')
					.filter((line) => /activat|poll|call trigger|e2eCallTrigger/i.test(line));
				throw new Error(`${error.message}; n8n logged:\n${about.join('\n').slice(-3000)}`);
			});
			expect(
				catcher.received.length === 0,
				`the first poll posted: ${JSON.stringify(catcher.received)}`,
			);
			const first = listings()[0];
			expect(
				first.headers.authorization === `Bearer ${emulator.apiKey}`,
				'the poll had no Bearer key',
			);
		},
	);

	await check(
		'the game server alarm example creates a 911 call from its webhook and answers with it',
		async () => {
			const { status, json } = await postJson(`${baseUrl}/webhook/sonoran-911`, ROBBERY_ALARM);
			expect(status === 200, `webhook answered ${status}: ${JSON.stringify(json)}`);
			expect(typeof json.callId === 'number', `no callId in ${JSON.stringify(json)}`);
			callId = json.callId;
			const stored = emulator.calls.emergency.get(callId);
			expect(stored, `call ${callId} is not in the CAD`);
			const expected = {
				isEmergency: true,
				caller: 'Store Alarm',
				location: ROBBERY_ALARM.location,
				description: ROBBERY_ALARM.description,
				deleteAfterMinutes: 30,
				metaData: { postal: '9001', x: '25.7', y: '-1347.3', z: '29.5' },
			};
			// The node marks each call it creates, to find it after an unclear failure.
			const { n8nRequestId, ...metaData } = stored.metaData ?? {};
			expect(typeof n8nRequestId === 'string', `no n8nRequestId in ${JSON.stringify(stored)}`);
			const seen = { ...stored, metaData };
			for (const [field, value] of Object.entries(expected)) {
				expect(
					JSON.stringify(seen[field]) === JSON.stringify(value),
					`${field}: ${JSON.stringify(seen[field])}, expected ${JSON.stringify(value)}`,
				);
			}
			expect(json.callerName === 'Store Alarm' && json.serverId === 1, JSON.stringify(json));
		},
	);

	await check(
		'the Call Trigger starts one execution for the new 911 call, which posts it to Discord',
		async () => {
			await waitUntil(() => catcher.received.length >= 1, 45_000, 'the Discord post');
			const [post] = catcher.received;
			const { content } = JSON.parse(post.body);
			expect(
				content.includes(`#${callId}`) &&
					content.includes('EMERGENCY') &&
					content.includes('Store Alarm') &&
					content.includes('[postal 9001]'),
				`Discord got: ${content}`,
			);
			const polls = listings().length;
			await waitUntil(() => listings().length >= polls + 1, 40_000, 'one more poll');
			await sleep(2000);
			expect(catcher.received.length === 1, `posted ${catcher.received.length} times`);
			expect(
				executionCount(install, userFolder, workflows.discord.id) === 1,
				'the trigger did not start exactly one execution',
			);
		},
	);
}

module.exports = { callChecks, callWorkflows, startCatcher };
