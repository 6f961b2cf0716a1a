'use strict';
/**
 * `npm run demo`: the main job on the embedded default. Starts the local Sonoran CAD emulator
 * with a few active units, runs a real workflow through n8n-core (Webhook Items → Sonoran CAD,
 * Unit → Kick) using the built package in dist/, and prints what was sent, each output item,
 * and the emulator's units before and after. Needs no Sonoran account and no network.
 */
const path = require('node:path');

const { startEmulator } = require('./emulator/sonoran-emulator');
const { outputsOf, runAgainstEmulator } = require('./support/n8n-harness');

const dist = path.join(__dirname, '..', 'dist');
const { SonoranCad } = require(path.join(dist, 'nodes/SonoranCad/SonoranCad.node.js'));
const { SonoranCadApi } = require(path.join(dist, 'credentials/SonoranCadApi.credentials.js'));

const ACTIVE_UNITS = [
	{ apiId: 'STEAM:11000010a1b2c3d', name: '1A-12 Officer Reyes' },
	{ apiId: 'DISCORD:228541962184122368', name: 'E-4 Firefighter Cole' },
	{ apiId: 'FIVEM:1234567', name: 'M-7 Paramedic Osei' },
];

/** What a game server's webhook might send: two players who left the server. */
const WEBHOOK_ITEMS = [
	{ apiId: 'STEAM:11000010a1b2c3d', player: 'Reyes', event: 'playerDropped' },
	{ apiId: 'FIVEM:1234567', player: 'Osei', event: 'playerDropped' },
];

function printUnits(title, units) {
	console.log(`\n${title}`);
	for (const unit of units)
		console.log(`  - ${unit.apiId.padEnd(28)} ${unit.name ?? ''} (server ${unit.serverId})`);
	if (units.length === 0) console.log('  (none)');
}

async function main() {
	const emulator = await startEmulator({ units: ACTIVE_UNITS });
	try {
		console.log(`Sonoran CAD emulator on ${emulator.url} (community "${emulator.communityId}")`);
		printUnits('Active units before:', emulator.activeUnits());

		const run = await runAgainstEmulator({
			classes: { nodeClasses: [SonoranCad], credentialClasses: [SonoranCadApi] },
			emulator,
			items: WEBHOOK_ITEMS,
			steps: [
				{
					name: 'Sonoran CAD',
					parameters: {
						resource: 'unit',
						operation: 'kick',
						apiId: '={{ $json.apiId }}',
						reason: '={{ "leaving the server (" + $json.player + ")" }}',
						serverId: 1,
					},
				},
			],
		});

		console.log('\nSent to Sonoran CAD:');
		for (const request of emulator.requests) {
			const body = request.rawBody.split(emulator.apiKey).join('**hidden**');
			console.log(`  ${request.method} ${request.path}\n  ${body}`);
		}

		console.log(`\nWorkflow finished: ${run.status}`);
		if (run.data.resultData.error) console.log(`  error: ${run.data.resultData.error.message}`);
		console.log('Output items of "Sonoran CAD":');
		for (const item of outputsOf(run, 'Sonoran CAD')[0] ?? []) {
			console.log(`  [${item.pairedItem.item}] ${JSON.stringify(item.json)}`);
		}

		printUnits('Active units after:', emulator.activeUnits());
		if (run.status !== 'success') process.exitCode = 1;
	} finally {
		await emulator.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
