import {
	emulatorWithUnits,
	itemError,
	runError,
	runKick,
	type Emulator,
} from '../support/fixtures';

/** No pacing, so tests do not wait out the v2 limits; the emulator still enforces them. */
const UNPACED = { options: { intervalMs: 0, retryDelayMs: 50 } };

const V2_KICK = (serverId: number) => `/v2/emergency/servers/${serverId}/units/kick`;

async function emulatorWithPlayers(settings: object = {}): Promise<Emulator> {
	const emulator = await emulatorWithUnits([], settings);
	emulator.addUnits([
		{ apiId: 'STEAM:1', communityUserId: 'cu-1', discord: '228541962184122368', roblox: 1001 },
		{ apiId: 'STEAM:2', communityUserId: 'cu-2', discord: '228541962184122369', roblox: 1002 },
		{
			apiId: 'STEAM:3',
			communityUserId: 'cu-3',
			discord: '228541962184122370',
			roblox: 1003,
			serverId: 2,
		},
	]);
	return emulator;
}

describe('Unit → Kick through the v2 API', () => {
	it('kicks by community user ID in one request per server, with the key as a Bearer token only', async () => {
		const emulator = await emulatorWithPlayers();
		const { run, output } = await runKick(emulator, {
			items: [
				{ communityUserId: 'cu-1', server: 1 },
				{ communityUserId: 'cu-3', server: 2 },
				{ communityUserId: 'cu-2', server: 1 },
			],
			parameters: {
				identifyBy: 'communityUserId',
				serverId: '={{ $json.server }}',
				reason: 'the sweep',
				...UNPACED,
			},
		});

		expect(run.status).toBe('success');
		expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`POST ${V2_KICK(1)}`,
			`POST ${V2_KICK(2)}`,
		]);
		for (const request of emulator.requests) {
			expect(request.headers.authorization).toBe(`Bearer ${emulator.apiKey}`);
			expect(request.rawBody).not.toContain(emulator.apiKey);
			expect(request.rawBody).not.toContain(emulator.communityId);
		}
		expect(emulator.bodiesTo(V2_KICK(1))).toEqual([
			[
				{ communityUserId: 'cu-1', reason: 'the sweep' },
				{ communityUserId: 'cu-2', reason: 'the sweep' },
			],
		]);
		expect(
			output.map((item) => [
				item.pairedItem,
				item.json.communityUserId,
				item.json.kicked,
				item.json.serverId,
			]),
		).toEqual([
			[{ item: 0 }, 'cu-1', true, 1],
			[{ item: 1 }, 'cu-3', true, 2],
			[{ item: 2 }, 'cu-2', true, 1],
		]);
		expect(output[0].json.answer).toEqual({
			identId: expect.any(Number),
			communityUserId: 'cu-1',
			reason: 'the sweep',
		});
		expect(emulator.activeUnits()).toEqual([]);
	});

	it('fails only the units Sonoran did not name in its kicked list', async () => {
		const emulator = await emulatorWithPlayers();
		const { output } = await runKick(emulator, {
			items: [
				{ communityUserId: 'cu-1' },
				{ communityUserId: 'cu-unlinked' },
				{ communityUserId: 'cu-2' },
			],
			parameters: { identifyBy: 'communityUserId', ...UNPACED },
			onError: 'continueRegularOutput',
		});

		expect(emulator.requests).toHaveLength(1);
		expect(output[0].json.kicked).toBe(true);
		expect(itemError(output[1]).message).toBe(
			'Sonoran CAD did not kick the unit of community user ID cu-unlinked',
		);
		expect(itemError(output[1]).description).toMatch(/linked to this community user ID/);
		expect(output[2].json.kicked).toBe(true);
	});

	it.each([
		['discord', 'discord', ['228541962184122368', '228541962184122369']],
		['roblox', 'roblox', [1001, '1002']],
	])('kicks by %s ID one unit per request, as a single object', async (identifyBy, field, ids) => {
		const emulator = await emulatorWithPlayers();
		const { output } = await runKick(emulator, {
			items: ids.map((id) => ({ [field]: id })),
			parameters: { identifyBy, ...UNPACED },
		});

		const expected = ids.map((id) => ({
			[field]: field === 'roblox' ? Number(id) : id,
			reason: 'an automated check',
		}));
		expect(emulator.bodiesTo(V2_KICK(1))).toEqual(expected);
		expect(output.map((item) => item.json.kicked)).toEqual([true, true]);
		expect(output[0].json.identId).toEqual(expect.any(Number));
	});

	it("reports a Discord ID with no active unit as that item's error (404)", async () => {
		const emulator = await emulatorWithPlayers();
		const { output } = await runKick(emulator, {
			items: [{ discord: '1' }, { discord: '228541962184122368' }],
			parameters: { identifyBy: 'discord', ...UNPACED },
			onError: 'continueRegularOutput',
		});
		expect(itemError(output[0]).message).toBe(
			'Sonoran CAD found no such server or unit (HTTP 404): Discord ID 1, server 1',
		);
		expect(itemError(output[0]).description).toMatch(/No active unit matches the given identity/);
		expect(output[1].json.kicked).toBe(true);
	});

	it('refuses a Discord ID that lost digits as a JSON number, and a Roblox ID that is not a number', async () => {
		const emulator = await emulatorWithPlayers();
		const discord = await runKick(emulator, {
			items: [{ discord: 228541962184122368 }],
			parameters: { identifyBy: 'discord', ...UNPACED },
		});
		expect(runError(discord.run)?.message).toMatch(
			/"Discord User ID" is the number .* which is not exact/,
		);
		const roblox = await runKick(emulator, {
			items: [{ roblox: 'abc' }],
			parameters: { identifyBy: 'roblox', ...UNPACED },
		});
		expect(runError(roblox.run)?.message).toMatch(/"Roblox User ID" must be a whole number/);
		expect(emulator.requests).toEqual([]);
	});

	it.each([
		[
			'a wrong key (401)',
			{ credential: { apiKey: 'wrong' } },
			{},
			/rejected the API key \(HTTP 401\)/,
			/paste the API key again/,
		],
		[
			'a plan below STANDARD (403)',
			{},
			{ plan: 1 },
			/Kick Unit is not included in this community's Sonoran plan \(HTTP 403/,
			/needs the STANDARD plan/,
		],
	])('stops every request after %s', async (_name, options, settings, message, description) => {
		const emulator = await emulatorWithPlayers(settings);
		const { output } = await runKick(emulator, {
			items: [{ discord: '228541962184122368' }, { discord: '228541962184122369' }],
			parameters: { identifyBy: 'discord', ...UNPACED },
			onError: 'continueRegularOutput',
			...options,
		});
		expect(emulator.requests).toHaveLength(1);
		for (const item of output) {
			expect(itemError(item).message).toMatch(message);
			expect(itemError(item).description).toMatch(description);
		}
	});

	it('says when the server is not configured (404 problem)', async () => {
		const emulator = await emulatorWithPlayers({ servers: [1] });
		const { run } = await runKick(emulator, {
			items: [{ communityUserId: 'cu-3' }],
			parameters: { identifyBy: 'communityUserId', serverId: 9, ...UNPACED },
		});
		expect(runError(run)?.message).toBe(
			'Sonoran CAD found no such server or unit (HTTP 404): community user ID cu-3, server 9',
		);
		expect(runError(run)?.description).toMatch(/Server 9 is not configured for this community/);
	});

	it("fails the batch as rate limited when Sonoran's per-minute limit is spent and Retry-After is too long", async () => {
		const emulator = await emulatorWithPlayers();
		emulator.set({ v2Limits: { kick: 1 } });
		const { output } = await runKick(emulator, {
			items: [{ discord: '228541962184122368' }, { discord: '228541962184122369' }],
			parameters: { identifyBy: 'discord', options: { intervalMs: 0, maxRetryWaitMs: 2000 } },
			onError: 'continueRegularOutput',
		});
		expect(output[0].json.kicked).toBe(true);
		expect(itemError(output[1]).message).toBe(
			'Sonoran CAD kept rate limiting this request (HTTP 429) for longer than Max Retry Wait (1 attempt, 0 s of waiting): Discord ID 228541962184122369, server 1',
		);
		expect(itemError(output[1]).description).toMatch(/Kick Unit allows 20 requests per minute/);
		expect(emulator.requests.map((r) => r.status)).toEqual([200, 429]);
	});
});
