'use strict';
/**
 * The Integration Panel example in a real n8n: a dispatcher's press, pushed to the Sonoran CAD
 * Trigger as the FiveM resource forwards it, starts one execution (a repeat of the same event
 * starts none); the workflow tells a game-server stand-in, acknowledges the press and publishes
 * the doors' new state, which the emulator keeps with its revision.
 */
const {
	check,
	executionCount,
	exampleAs,
	expect,
	sleep,
	startStandIn,
	waitForWebhook,
	waitUntil,
} = require('./helpers');

/** The webhook ID of the door panel's trigger (examples/panel-door-locks.json). */
const DOORS_WEBHOOK_ID = '7b1e2d40-3c5a-4f61-9a7b-8c9d0e1f2a01';

/** The door panel as a community would define it (the example acts on `door.set-locked`). */
const DOORS_DEFINITION = {
	schemaVersion: 1,
	key: 'doors',
	name: 'Door Locks',
	body: [
		{
			type: 'repeat',
			source: '$state.doors',
			children: [
				{
					type: 'toggle',
					id: 'door-locked',
					label: '$item.name',
					value: '$item.locked',
					action: { id: 'door.set-locked', values: { doorId: '$item.id', locked: '$value' } },
				},
			],
		},
		{ type: 'button', label: 'Lock all', action: { id: 'doors.lock-all', values: {} } },
	],
};

/**
 * A game server's door controller on 127.0.0.1: `POST /doors/set-locked {doorId, locked}`
 * changes the door and answers with every door.
 */
async function startGameServer() {
	const doors = [
		{ id: 'mrpd-lobby', name: 'Lobby', locked: false },
		{ id: 'mrpd-cells', name: 'Cells', locked: true },
	];
	return await startStandIn('/doors/set-locked', (request) => {
		const body = JSON.parse(request.body || '{}');
		const door = doors.find((candidate) => candidate.id === body.doorId);
		if (!door) return { status: 404, json: { error: 'no such door' } };
		door.locked = body.locked === true;
		return { status: 200, json: { doors } };
	});
}

function panelWorkflows(gameServer) {
	const doors = exampleAs('panel-door-locks.json', 'e2ePanelDoors001');
	for (const node of doors.nodes) {
		if (node.type === 'n8n-nodes-base.httpRequest') node.parameters.url = gameServer.url;
	}
	return { doors };
}

async function panelChecks({
	install,
	baseUrl,
	userFolder,
	emulator,
	workflows,
	server,
	gameServer,
}) {
	await check(
		'the door panel example: one execution per pushed press, acknowledged, and the new state with its revision',
		async () => {
			const url = `${baseUrl}/webhook/${DOORS_WEBHOOK_ID}/event?serverId=1`;
			await waitForWebhook(url, server);
			emulator.panels.set('doors', DOORS_DEFINITION);
			const press = emulator.pressPanel({
				panelKey: 'doors',
				serverId: 1,
				instanceKey: 'mission-row',
				actionId: 'door.set-locked',
				values: { doorId: 'mrpd-lobby', locked: true },
			});
			const first = await emulator.pushEvent(url, 'EVENT_PANEL_DOORS', press);
			const repeat = await emulator.pushEvent(url, 'EVENT_PANEL_DOORS', press);
			const lockAll = await emulator.pushEvent(
				url,
				'EVENT_PANEL_DOORS',
				emulator.pressPanel({ panelKey: 'doors', serverId: 1, actionId: 'doors.lock-all' }),
			);
			expect(
				first.status === 200 && JSON.parse(first.body).started === true,
				`first push: ${first.status} ${first.body}`,
			);
			expect(
				repeat.status === 200 && JSON.parse(repeat.body).duplicate === true,
				`repeated push: ${repeat.status} ${repeat.body}`,
			);
			expect(JSON.parse(lockAll.body).started === false, `an action not chosen: ${lockAll.body}`);

			const stored = () => emulator.panels.actions.find((action) => action.id === press.id);
			const instance = () =>
				emulator.panels.panels.get('doors')?.instances.find((i) => i.instanceKey === 'mission-row');
			await waitUntil(() => instance() !== undefined, 30_000, 'the new panel state');
			await sleep(1000);
			expect(
				executionCount(install, userFolder, workflows.doors.id) === 1,
				`executions: ${executionCount(install, userFolder, workflows.doors.id)}`,
			);
			expect(
				JSON.stringify(stored()?.ack) ===
					JSON.stringify({ success: true, message: 'Door mrpd-lobby locked' }),
				`acknowledged: ${JSON.stringify(stored()?.ack)}`,
			);
			expect(
				gameServer.received.length === 1 &&
					JSON.stringify(JSON.parse(gameServer.received[0].body)) ===
						JSON.stringify({ doorId: 'mrpd-lobby', locked: true, by: press.actorName }),
				`the game server received ${JSON.stringify(gameServer.received)}`,
			);
			const { state, revision } = instance();
			expect(
				revision === 1 &&
					state.online === true &&
					state.summary.locked === 2 &&
					state.doors.every((door) => door.locked) &&
					state.lastAction.doorId === 'mrpd-lobby',
				`state: revision ${revision} ${JSON.stringify(state)}`,
			);
		},
	);
}

module.exports = { panelChecks, panelWorkflows, startGameServer };
