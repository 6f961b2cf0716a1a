import type { INodeExecutionData } from 'n8n-workflow';

import { SonoranCadApi } from '../../credentials/SonoranCadApi.credentials';
import { SonoranCad } from '../../nodes/SonoranCad/SonoranCad.node';
import { SonoranCadCallTrigger } from '../../nodes/SonoranCadCallTrigger/SonoranCadCallTrigger.node';
import { EDITOR_CACHE_MS } from '../../nodes/editor/editorLookup';
import { editorFor, requestsTo } from '../support/editor';
import {
	credentialsFor,
	emulatorWithUnits,
	itemError,
	runKick,
	runSteps,
} from '../support/fixtures';
import { pollingTrigger } from '../support/n8n-harness';

const SERVERS_PATH = '/v2/general/servers';
const fromList = (value: string) => ({ __rl: true, mode: 'list', value, cachedResultName: 'x' });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Server ID: the list of servers in the editor', () => {
	it("lists the community's servers by name and ID through n8n-core's load-options context", async () => {
		const emulator = await emulatorWithUnits([], { servers: [1, 4] });
		const editor = editorFor(emulator, { resource: 'unit', operation: 'kick' });

		const { results } = await editor.listSearch('searchServers');

		expect(results).toEqual([
			{ name: 'Main Server (ID 1)', value: '1' },
			{ name: 'Server 4 (ID 4)', value: '4' },
		]);
		const [request] = requestsTo(emulator, SERVERS_PATH);
		expect(request.headers.authorization).toBe(`Bearer ${emulator.apiKey}`);
	});

	it('reads the list once a minute however often the dropdown opens or is filtered', async () => {
		const emulator = await emulatorWithUnits([], { servers: [1, 2, 3] });
		const editor = editorFor(emulator, { resource: 'call', operation: 'create911' });

		await editor.listSearch('searchServers');
		const filtered = await editor.listSearch('searchServers', 'main');
		await editor.listSearch('searchServers', '3');

		expect(filtered.results).toEqual([{ name: 'Main Server (ID 1)', value: '1' }]);
		expect(requestsTo(emulator, SERVERS_PATH)).toHaveLength(1);
	});

	it('asks again once the minute is over', async () => {
		const emulator = await emulatorWithUnits([], { servers: [1] });
		const editor = editorFor(emulator, { resource: 'unit', operation: 'kick' });
		await editor.listSearch('searchServers');
		emulator.set({ servers: [1, 2] });

		const later = Date.now() + EDITOR_CACHE_MS + 1_000;
		const clock = jest.spyOn(Date, 'now').mockReturnValue(later);
		try {
			expect((await editor.listSearch('searchServers')).results).toHaveLength(2);
		} finally {
			clock.mockRestore();
		}
		expect(requestsTo(emulator, SERVERS_PATH)).toHaveLength(2);
	});

	it('shows a wrong key as a readable error without the key, and does not keep the failure', async () => {
		const emulator = await emulatorWithUnits([]);
		const editor = editorFor(emulator, {}, SonoranCad, { apiKey: 'wrong-key-123' });

		const error = await editor.listSearch('searchServers').catch((caught: unknown) => caught);

		expect(error).toMatchObject({ message: 'Sonoran CAD rejected the API key (HTTP 401)' });
		expect(JSON.stringify(error)).not.toContain('wrong-key-123');
		await editor.listSearch('searchServers').catch(() => undefined);
		expect(requestsTo(emulator, SERVERS_PATH)).toHaveLength(2);
	});

	it('does not show a credential with a wrong key what one with the right key read', async () => {
		const emulator = await emulatorWithUnits([]);
		await editorFor(emulator, {}).listSearch('searchServers');

		const wrong = editorFor(emulator, {}, SonoranCad, { apiKey: 'another-key-456' });

		await expect(wrong.listSearch('searchServers')).rejects.toMatchObject({
			message: 'Sonoran CAD rejected the API key (HTTP 401)',
		});
		expect(requestsTo(emulator, SERVERS_PATH)).toHaveLength(2);
	});

	it('is offered by the Call Trigger too', async () => {
		const emulator = await emulatorWithUnits([], { servers: [7] });
		const editor = editorFor(emulator, { events: ['new911Call'] }, SonoranCadCallTrigger);

		expect((await editor.listSearch('searchServers')).results).toEqual([
			{ name: 'Server 7 (ID 7)', value: '7' },
		]);
	});
});

describe('Server ID: what the node sends', () => {
	const kickOne = { items: [{ apiId: 'A1' }] };

	it.each([
		['picked from the list', fromList('2'), 2],
		['typed by ID', byId(' 3 '), 3],
		['saved as a plain number by earlier versions', 2, 2],
		['given by an expression in By ID mode', byId('={{ $json.server }}'), 3],
	])('uses the server %s', async (_, serverId, expected) => {
		const emulator = await emulatorWithUnits([]);
		emulator.addUnits([{ apiId: 'A1', serverId: expected }]);

		const { output } = await runKick(emulator, {
			items: [{ apiId: 'A1', server: 3 }],
			parameters: { serverId },
		});

		expect(output.map((item: INodeExecutionData) => item.json.kicked)).toEqual([true]);
		expect(emulator.bodiesTo('/emergency/kick_unit')[0].data[0].serverId).toBe(expected);
	});

	it('is refused by n8n itself when a typed server ID is not a number', async () => {
		const emulator = await emulatorWithUnits(['A1']);

		await expect(
			runKick(emulator, { ...kickOne, parameters: { serverId: byId('main') } }),
		).rejects.toThrow("The 'Sonoran CAD' node has issues");
		expect(emulator.requests).toHaveLength(0);
	});

	it('refuses a server ID from an expression that is not a whole number, naming the item and the field', async () => {
		const emulator = await emulatorWithUnits(['A1']);

		const { output } = await runKick(emulator, {
			items: [{ apiId: 'A1', server: 'main' }],
			parameters: { serverId: byId('={{ $json.server }}') },
			onError: 'continueRegularOutput',
		});

		expect(itemError(output[0]).message).toBe(
			'Item 1: "Server ID" must be a whole number of 0 or more, not "main"',
		);
		expect(emulator.requests).toHaveLength(0);
	});

	it('sends v2 calls to the listed server', async () => {
		const emulator = await emulatorWithUnits([]);
		await runSteps(
			emulator,
			[{}],
			[
				{
					name: 'Sonoran CAD',
					parameters: {
						resource: 'call',
						operation: 'getMany',
						serverId: fromList('3'),
						options: { intervalMs: 0 },
					},
				},
			],
		);
		expect(emulator.requests.map((request) => request.path)).toEqual([
			'/v2/emergency/servers/3/calls',
		]);
	});

	it('watches the listed server in the Call Trigger', async () => {
		const emulator = await emulatorWithUnits([]);
		const trigger = pollingTrigger({
			nodeClass: SonoranCadCallTrigger,
			credentialClasses: [SonoranCadApi],
			credentials: credentialsFor(emulator),
			parameters: {
				serverId: fromList('2'),
				events: ['new911Call'],
				pollTimes: { item: [{ mode: 'everyMinute' }] },
			},
		});
		await trigger.poll();
		expect(emulator.requests[0].path).toBe('/v2/emergency/servers/2/calls');
		expect(trigger.staticData().serverId).toBe(2);
	});
});
