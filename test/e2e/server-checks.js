'use strict';
/**
 * The package in a running n8n: its loaded types, the v1 and v2 webhook kick examples, and n8n's
 * own credential test through the REST API as the editor calls it.
 */
const fs = require('node:fs');
const path = require('node:path');

const {
	check,
	emulatorCredential,
	expect,
	ownerCookie,
	postJson,
	restPost,
	WRONG_KEY,
} = require('./helpers');

async function serverChecks({ install, baseUrl, userFolder, emulator }) {
	await check(
		'lists the Sonoran CAD node, its AI tool variant, both triggers and the credential among its loaded types',
		async () => {
			const types = path.join(userFolder, '.cache', 'n8n', 'public', 'types');
			const nodes = JSON.parse(fs.readFileSync(path.join(types, 'nodes.json'), 'utf8')).map(
				(node) => node.name,
			);
			const credentials = JSON.parse(
				fs.readFileSync(path.join(types, 'credentials.json'), 'utf8'),
			).map((c) => c.name);
			expect(nodes.includes('CUSTOM.sonoranCad'), 'CUSTOM.sonoranCad is not among the node types');
			expect(
				nodes.includes('CUSTOM.sonoranCadTool'),
				'CUSTOM.sonoranCadTool (usable as an AI tool) is missing',
			);
			for (const trigger of ['CUSTOM.sonoranCadTrigger', 'CUSTOM.sonoranCadCallTrigger']) {
				expect(nodes.includes(trigger), `${trigger} is not among the node types`);
			}
			expect(
				credentials.includes('sonoranCadApi'),
				'sonoranCadApi is not among the credential types',
			);
		},
	);

	await check(
		'kicks the units POSTed to the v1 webhook and answers with one result per unit',
		async () => {
			const before = emulator.requests.length;
			const { status, json } = await postJson(`${baseUrl}/webhook/sonoran-kick`, {
				units: [
					{ apiId: 'STEAM:web-1', reason: 'leaving the server' },
					{ apiId: 'STEAM:web-2' },
					{ apiId: 'STEAM:web-3', serverId: 2 },
					{ apiId: 'STEAM:not-on-duty' },
				],
			});
			expect(status === 200, `webhook answered ${status}: ${JSON.stringify(json)}`);
			expect(
				Array.isArray(json) && json.length === 4,
				`expected 4 results, got ${JSON.stringify(json)}`,
			);
			expect(
				json.slice(0, 3).every((item) => item.kicked === true),
				`not all kicked: ${JSON.stringify(json)}`,
			);
			expect(
				/no active unit with this API ID/.test(json[3].error ?? ''),
				`unknown unit not reported: ${JSON.stringify(json[3])}`,
			);
			const kicks = emulator.kicks
				.slice(-3)
				.map((kick) => `${kick.apiId}@${kick.serverId}:${kick.reason}`);
			expect(
				JSON.stringify(kicks) ===
					JSON.stringify([
						'STEAM:web-1@1:leaving the server',
						'STEAM:web-2@1:leaving the server',
						'STEAM:web-3@2:leaving the server',
					]),
				`emulator kicks: ${kicks}`,
			);
			// Only this webhook's kicks: the published Call Trigger polls (v2, Bearer) meanwhile.
			const sent = emulator.requests
				.slice(before)
				.filter((request) => request.path === '/emergency/kick_unit');
			expect(sent.length > 0, 'no v1 kick request was sent');
			expect(
				sent.every((request) => request.headers.authorization === undefined),
				'v1 requests carried a Bearer header',
			);
		},
	);

	await check(
		'kicks linked players through the v2 webhook, with the key only as a Bearer token',
		async () => {
			const before = emulator.requests.length;
			const { status, json } = await postJson(`${baseUrl}/webhook/sonoran-kick-linked`, {
				players: [{ communityUserId: 'cu-1' }, { communityUserId: 'cu-2', reason: 'AFK' }],
			});
			expect(
				status === 200 && json.length === 2,
				`webhook answered ${status}: ${JSON.stringify(json)}`,
			);
			expect(
				json.every((item) => item.kicked === true && typeof item.identId === 'number'),
				JSON.stringify(json),
			);
			const sent = emulator.requests
				.slice(before)
				.filter((request) => request.path.endsWith('/units/kick'));
			expect(
				sent.length === 1 && sent[0].path === '/v2/emergency/servers/1/units/kick',
				`sent: ${sent.map((r) => r.path)}`,
			);
			expect(sent[0].headers.authorization === `Bearer ${emulator.apiKey}`, 'no Bearer key');
			expect(!sent[0].rawBody.includes(emulator.apiKey), 'the v2 body carries the key');
			expect(
				!emulator.activeUnits().some((unit) => unit.communityUserId),
				'linked players still active',
			);
		},
	);
	await check(
		"n8n's own credential test (REST, as the editor calls it) answers each case readably",
		async () => {
			const cookie = await ownerCookie(baseUrl);
			const test = async (data) =>
				(
					await restPost(baseUrl, cookie, 'credentials/test', {
						credentials: {
							...emulatorCredential(emulator),
							data: { ...emulatorCredential(emulator).data, ...data },
						},
					})
				).data;
			const ok = await test({});
			expect(ok.status === 'OK', `valid credential: ${JSON.stringify(ok)}`);
			const wrongKey = await test({ apiKey: WRONG_KEY });
			// n8n 2.x and 1.85 show the credential's own words; 1.123's tester answers an HTTP 400
			// with its generic "Bad request", whatever the rules say.
			const ownWords = /refused these credentials/.test(wrongKey.message);
			const genericOn1x =
				install.version.startsWith('1.') &&
				wrongKey.status === 'Error' &&
				/Bad request/.test(wrongKey.message);
			const refusedReadably = ownWords || genericOn1x;
			expect(refusedReadably, `wrong key: ${JSON.stringify(wrongKey)}`);
			expect(!JSON.stringify(wrongKey).includes(WRONG_KEY), 'the test result shows the key');
			const withPath = await test({ baseUrl: `${emulator.url}/api` });
			expect(
				/Backend Service Reached/.test(withPath.message),
				`base URL with a path: ${JSON.stringify(withPath)}`,
			);
			emulator.set({ plan: 1 });
			const starter = await test({});
			emulator.set({ plan: 4 });
			expect(/STARTER plan/.test(starter.message), `plan STARTER: ${JSON.stringify(starter)}`);
		},
	);
}

module.exports = { serverChecks };
