'use strict';
/**
 * The account and record examples in a real n8n, and the editor's dropdowns answered through
 * n8n's own REST API: the Discord verify button (Webhook → Get Account → the account, or "not
 * linked"), the DMV bot (Webhook → Create Record from the License template with mapped fields),
 * the Server ID list and the template's fields as the editor asks for them.
 */
const { check, exampleAs, expect, ownerCookie, postJson, restPost } = require('./helpers');

const ALICE = {
	uuid: '5f0e8a1c-1111-4c2d-9e3f-0a1b2c3d4e5f',
	username: 'AliceRP',
	discord: '228541962184122368',
	communityUserId: 'cu-alice',
	permissions: { police: true, civilian: true },
};
const BOB = {
	uuid: '6a1f9b2d-2222-4d3e-8f40-1b2c3d4e5f60',
	username: 'BobTheCop',
	communityUserId: 'cu-bob',
};

/** The community accounts the emulator starts with for these checks. */
const PEOPLE_ACCOUNTS = [ALICE, BOB];

function peopleWorkflows() {
	return {
		verify: exampleAs('discord-verify.json', 'e2eVerify0000001'),
		dmv: exampleAs('dmv-license.json', 'e2eDmvLicense001'),
		ban: exampleAs('discord-ban.json', 'e2eDiscordBan001'),
		roleSync: exampleAs('discord-role-sync.json', 'e2eRoleSync00001'),
		roster: exampleAs('roster-callsigns.json', 'e2eRoster0000001'),
	};
}

async function peopleChecks({ baseUrl, emulator }) {
	const requestsTo = (path) => emulator.requests.filter((request) => request.path === path);

	await check(
		'the Discord verify example answers with the linked account, or "not linked"',
		async () => {
			const linked = await postJson(`${baseUrl}/webhook/sonoran-verify`, {
				discordId: ALICE.discord,
			});
			expect(linked.status === 200, `linked: HTTP ${linked.status} ${JSON.stringify(linked.json)}`);
			expect(
				JSON.stringify(linked.json) ===
					JSON.stringify({
						linked: true,
						username: 'AliceRP',
						accountUuid: ALICE.uuid,
						police: true,
					}),
				`linked answer: ${JSON.stringify(linked.json)}`,
			);
			const stranger = await postJson(`${baseUrl}/webhook/sonoran-verify`, {
				discordId: '100000000000000001',
			});
			expect(
				stranger.status === 200 &&
					stranger.json.linked === false &&
					/^not linked/.test(stranger.json.message),
				`stranger: HTTP ${stranger.status} ${JSON.stringify(stranger.json)}`,
			);
			const asked = requestsTo('/v2/general/accounts/account').map((r) => r.query.discord);
			expect(
				JSON.stringify(asked) === JSON.stringify([ALICE.discord, '100000000000000001']),
				`asked for ${JSON.stringify(asked)}`,
			);
		},
	);

	await check(
		'the Discord ban example bans the linked account, and says why a stranger was not banned',
		async () => {
			const banned = await postJson(`${baseUrl}/webhook/sonoran-ban`, { discordId: ALICE.discord });
			expect(
				banned.status === 200 &&
					banned.json.banned === true &&
					banned.json.accountUuid === ALICE.uuid,
				`banned: HTTP ${banned.status} ${JSON.stringify(banned.json)}`,
			);
			expect(emulator.community.bans.has(ALICE.uuid), 'the emulator holds no ban of Alice');
			const stranger = await postJson(`${baseUrl}/webhook/sonoran-ban`, {
				discordId: '100000000000000001',
			});
			expect(
				stranger.status === 200 &&
					stranger.json.banned === false &&
					stranger.json.message ===
						'not banned: Sonoran CAD found no such account (HTTP 404): Discord ID 100000000000000001',
				`stranger: HTTP ${stranger.status} ${JSON.stringify(stranger.json)}`,
			);
			emulator.community.bans.clear();
		},
	);

	await check(
		"the Discord role sync example: a member's roles become exactly their grants; leaving clears them",
		async () => {
			const sync = async (body) => await postJson(`${baseUrl}/webhook/sonoran-role-sync`, body);
			const synced = await sync({ discordId: ALICE.discord, roles: ['Police', 'Dispatch'] });
			const expected = ['global.police', 'record.4.read', 'record.5.read', 'global.dispatch'];
			expect(
				synced.status === 200 &&
					synced.json.synced === true &&
					synced.json.accountUuid === ALICE.uuid &&
					JSON.stringify(synced.json.grants) === JSON.stringify(expected),
				`synced: HTTP ${synced.status} ${JSON.stringify(synced.json)}`,
			);
			const held = emulator.people.grants.get(ALICE.uuid);
			expect(
				JSON.stringify(held) === JSON.stringify(expected),
				`the emulator holds ${JSON.stringify(held)}`,
			);
			const [put] = emulator.bodiesTo(`/v2/general/permissions/accounts/${ALICE.uuid}`);
			expect(
				JSON.stringify(put) === JSON.stringify({ version: 2, grants: expected }),
				`sent: ${JSON.stringify(put)}`,
			);
			const left = await sync({ discordId: ALICE.discord, left: true });
			expect(
				left.status === 200 && left.json.cleared === true,
				`left: HTTP ${left.status} ${JSON.stringify(left.json)}`,
			);
			const account = emulator.community.findAccount('uuid', ALICE.uuid);
			expect(
				emulator.people.grants.get(ALICE.uuid)?.length === 0 && account.status === 0,
				`after leaving: ${JSON.stringify(emulator.people.grants.get(ALICE.uuid))}, status ${account.status}`,
			);
			const stranger = await sync({ discordId: '100000000000000001', roles: ['Police'] });
			expect(
				stranger.json.synced === false && /no such account/.test(stranger.json.message),
				`stranger: ${JSON.stringify(stranger.json)}`,
			);
			account.status = 1;
		},
	);

	await check(
		'the roster example updates one identifier per row, and a second run changes nothing more',
		async () => {
			const alice = emulator.people.createIdentifier(ALICE.uuid, {
				unitNum: '1A-01',
				rank: 'Officer',
			});
			const bob = emulator.people.createIdentifier(BOB.uuid, { unitNum: '1A-02', rank: 'Officer' });
			const rows = [
				{
					communityUserId: 'cu-alice',
					identId: alice.id,
					callsign: '2S-01',
					rank: 'Sergeant',
					department: 'LSPD',
				},
				{
					communityUserId: 'cu-bob',
					identId: bob.id,
					callsign: '1A-02',
					rank: 'Corporal',
					department: 'LSPD',
				},
			];
			const snapshot = () => JSON.stringify([...emulator.people.identifiers.values()]);
			const first = await postJson(`${baseUrl}/webhook/sonoran-roster`, { rows });
			expect(
				first.status === 200 &&
					Array.isArray(first.json) &&
					first.json.map((item) => item.unitNum).join() === '2S-01,1A-02',
				`first run: HTTP ${first.status} ${JSON.stringify(first.json)}`,
			);
			expect(
				alice.data.unitNum === '2S-01' &&
					alice.data.rank === 'Sergeant' &&
					bob.data.rank === 'Corporal',
				`identifiers: ${snapshot()}`,
			);
			const after = snapshot();
			const second = await postJson(`${baseUrl}/webhook/sonoran-roster`, { rows });
			expect(second.status === 200, `second run: HTTP ${second.status}`);
			const identifiers = [...emulator.people.identifiers.values()].flatMap((entry) => entry.list);
			expect(
				snapshot() === after && identifiers.length === 2,
				`the second run changed the roster: ${snapshot()}`,
			);
			const patches = emulator.requests.filter(
				(request) => request.method === 'PATCH' && /identifiers\/\d+$/.test(request.path),
			);
			expect(patches.length === 4, `${patches.length} updates for two runs of two rows`);
		},
	);

	await check(
		"the DMV example creates a License record with the player's mapped fields",
		async () => {
			const { status, json } = await postJson(`${baseUrl}/webhook/sonoran-dmv`, {
				discordId: ALICE.discord,
				firstName: 'Alice',
				lastName: 'Rivers',
				dateOfBirth: '04/12/1998',
			});
			expect(status === 200, `HTTP ${status}: ${JSON.stringify(json)}`);
			expect(json.recordId === 1000 && json.name === 'License', `answer: ${JSON.stringify(json)}`);
			const [body] = emulator.bodiesTo('/v2/general/records');
			const values = body?.replaceValues ?? {};
			expect(
				body?.discord === ALICE.discord &&
					body.recordTypeId === 4 &&
					values.first === 'Alice' &&
					values.last === 'Rivers' &&
					values.dob === '04/12/1998' &&
					values.licenseType === 'Class C' &&
					values.licenseStatus === 'Valid' &&
					/^\d\d\/\d\d\/\d{4}$/.test(values.expiration),
				`sent: ${JSON.stringify(body)}`,
			);
			const [record] = emulator.community.records;
			expect(record?.accountUuid === ALICE.uuid, "the record is not on Alice's account");
		},
	);

	await check(
		"the editor's dropdowns answer through n8n's REST API: servers (read once for two openings) and the template's fields",
		async () => {
			const cookie = await ownerCookie(baseUrl);
			const credentials = {
				sonoranCadApi: { id: 'sonoranCadCredential', name: 'sonoranCadCredential' },
			};
			const nodeTypeAndVersion = { name: 'CUSTOM.sonoranCad', version: 1 };
			const servers = (filter) =>
				restPost(baseUrl, cookie, 'dynamic-node-parameters/resource-locator-results', {
					path: 'parameters.serverId',
					nodeTypeAndVersion,
					currentNodeParameters: { resource: 'unit', operation: 'kick' },
					methodName: 'searchServers',
					credentials,
					...(filter ? { filter } : {}),
				});
			const first = await servers();
			const filtered = await servers('Server 2');
			expect(
				first.status === 200 &&
					JSON.stringify(first.data.results?.map((server) => server.value)) ===
						JSON.stringify(['1', '2', '3']) &&
					first.data.results[0].name === 'Main Server (ID 1)',
				`servers: HTTP ${first.status} ${JSON.stringify(first.data)}`,
			);
			expect(
				JSON.stringify(filtered.data.results) ===
					JSON.stringify([{ name: 'Server 2 (ID 2)', value: '2' }]),
				`filtered: ${JSON.stringify(filtered.data)}`,
			);
			expect(
				requestsTo('/v2/general/servers').length === 1,
				`${requestsTo('/v2/general/servers').length} requests for two openings`,
			);
			const mapped = await restPost(
				baseUrl,
				cookie,
				'dynamic-node-parameters/resource-mapper-fields',
				{
					path: 'parameters.fields',
					nodeTypeAndVersion,
					currentNodeParameters: {
						resource: 'record',
						operation: 'create',
						templateId: { __rl: true, mode: 'list', value: '4' },
					},
					methodName: 'getTemplateFields',
					credentials,
				},
			);
			const labels = mapped.data.fields?.map((field) => `${field.id}=${field.displayName}`);
			expect(
				mapped.status === 200 && labels?.[0] === 'first=First Name' && labels.length === 6,
				`fields: HTTP ${mapped.status} ${JSON.stringify(mapped.data)}`,
			);
		},
	);
}

module.exports = { PEOPLE_ACCOUNTS, peopleChecks, peopleWorkflows };
