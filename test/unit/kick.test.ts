import { emulatorWithUnits, KICK_PATH, runKick, unitIds } from '../support/fixtures';

describe('Unit → Kick: requests and output', () => {
	it('sends one v1 KICK_UNIT request with the credential in the body and kicks the units', async () => {
		const emulator = await emulatorWithUnits(['STEAM:1', 'DISCORD:2', 'LEFT-ALONE']);
		const { run, output } = await runKick(emulator, {
			items: [{ apiId: 'STEAM:1' }, { apiId: 'DISCORD:2' }],
		});

		expect(run.status).toBe('success');
		expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${KICK_PATH}`]);
		expect(emulator.requests[0].headers['content-type']).toMatch(/application\/json/);
		expect(emulator.requests[0].headers.authorization).toBeUndefined();
		expect(emulator.bodiesTo(KICK_PATH)).toEqual([
			{
				id: emulator.communityId,
				key: emulator.apiKey,
				type: 'KICK_UNIT',
				data: [
					{ apiId: 'STEAM:1', reason: 'an automated check', serverId: 1 },
					{ apiId: 'DISCORD:2', reason: 'an automated check', serverId: 1 },
				],
			},
		]);
		expect(emulator.activeUnits().map((u) => u.apiId)).toEqual(['LEFT-ALONE']);
		expect(output).toEqual([
			{
				json: {
					apiId: 'STEAM:1',
					reason: 'an automated check',
					serverId: 1,
					kicked: true,
					answer: 'UNIT KICKED',
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					apiId: 'DISCORD:2',
					reason: 'an automated check',
					serverId: 1,
					kicked: true,
					answer: 'UNIT KICKED',
				},
				pairedItem: { item: 1 },
			},
		]);
	});

	it('resolves per-item expressions for every parameter', async () => {
		const emulator = await emulatorWithUnits([]);
		emulator.addUnits([
			{ apiId: 'A', serverId: 2 },
			{ apiId: 'B', serverId: 3 },
		]);
		const { output } = await runKick(emulator, {
			items: [
				{ player: { id: ' A ' }, why: 'AFK', server: 2 },
				{ player: { id: 'B' }, why: 'leaving', server: '3' },
			],
			parameters: {
				apiId: '={{ $json.player.id }}',
				reason: '={{ "being " + $json.why }}',
				serverId: '={{ $json.server }}',
			},
		});

		expect(emulator.bodiesTo(KICK_PATH)[0].data).toEqual([
			{ apiId: 'A', reason: 'being AFK', serverId: 2 },
			{ apiId: 'B', reason: 'being leaving', serverId: 3 },
		]);
		expect(output.map((item) => item.json.kicked)).toEqual([true, true]);
		expect(emulator.kicks).toEqual([
			{ apiId: 'A', reason: 'being AFK', serverId: 2 },
			{ apiId: 'B', reason: 'being leaving', serverId: 3 },
		]);
	});

	it('splits 250 items into 3 requests at batch size 100, in input order, one output per input', async () => {
		const ids = unitIds(250);
		const emulator = await emulatorWithUnits(ids);
		const { output } = await runKick(emulator, {
			items: ids.map((apiId) => ({ apiId })),
			parameters: { options: { batchSize: 100 } },
		});

		const batches = emulator
			.bodiesTo(KICK_PATH)
			.map((body) => body.data.map((unit: { apiId: string }) => unit.apiId));
		expect(batches.map((batch) => batch.length)).toEqual([100, 100, 50]);
		expect(batches.flat()).toEqual(ids);
		expect(output).toHaveLength(250);
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toMatchObject({ apiId: ids[index], kicked: true });
		});
		expect(emulator.activeUnits()).toEqual([]);
	});

	it('uses batches of 100 by default and honours a smaller batch size', async () => {
		const byDefault = await emulatorWithUnits(unitIds(101));
		await runKick(byDefault, { items: unitIds(101).map((apiId) => ({ apiId })) });
		expect(byDefault.bodiesTo(KICK_PATH).map((body) => body.data.length)).toEqual([100, 1]);

		const byTwo = await emulatorWithUnits(unitIds(5));
		await runKick(byTwo, {
			items: unitIds(5).map((apiId) => ({ apiId })),
			parameters: { options: { batchSize: 2 } },
		});
		expect(byTwo.bodiesTo(KICK_PATH).map((body) => body.data.length)).toEqual([2, 2, 1]);
	});

	it('maps each environment to its API root (checked without sending anything)', async () => {
		const { baseUrlFor, SONORAN_BASE_URLS } = await import('../../nodes/client/environments');
		expect(baseUrlFor(undefined, undefined)).toBe('https://api.sonorancad.com');
		expect(baseUrlFor('production', 'http://ignored')).toBe(SONORAN_BASE_URLS.production);
		expect(baseUrlFor('staging', '')).toBe('https://staging-api.dev.sonorancad.com');
		expect(baseUrlFor('custom', ' http://127.0.0.1:9/// ')).toBe('http://127.0.0.1:9');
		expect(baseUrlFor('custom', 'api.sonorancad.com')).toBeUndefined();
	});
});
