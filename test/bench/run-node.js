'use strict';
/**
 * One benchmark run of the Sonoran CAD node, in its own process so that its CPU time and peak
 * memory are its own: Item Source (N items) → Sonoran CAD Kick, through n8n-core, against an
 * emulator started by the parent. Prints one JSON line.
 *   node test/bench/run-node.js '{"n":1000,"url":"…","communityId":"…","apiKey":"…","options":{…}}'
 */
const path = require('node:path');

const { outputsOf, runAgainstEmulator } = require('../support/n8n-harness');

const dist = path.join(__dirname, '..', '..', 'dist');
const { SonoranCad } = require(path.join(dist, 'nodes/SonoranCad/SonoranCad.node.js'));
const { SonoranCadApi } = require(path.join(dist, 'credentials/SonoranCadApi.credentials.js'));

async function main() {
	const { n, url, communityId, apiKey, options } = JSON.parse(process.argv[2]);
	const items = Array.from({ length: n }, (_, i) => ({ apiId: `U${i}` }));
	const cpuBefore = process.cpuUsage();
	const started = Date.now();
	const run = await runAgainstEmulator({
		classes: { nodeClasses: [SonoranCad], credentialClasses: [SonoranCadApi] },
		emulator: { url, communityId, apiKey },
		items,
		steps: [
			{
				name: 'Sonoran CAD',
				parameters: { resource: 'unit', operation: 'kick', options },
				settings: { onError: 'continueRegularOutput' },
			},
		],
	});
	const wallMs = Date.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	const output = outputsOf(run, 'Sonoran CAD')[0] ?? [];
	const paired = new Set(output.map((item) => item.pairedItem.item));
	process.stdout.write(
		`${JSON.stringify({
			status: run.status,
			outputs: output.length,
			pairedDistinct: paired.size,
			kickedItems: output.filter((item) => item.json.kicked === true).length,
			cpuMs: (cpu.user + cpu.system) / 1000,
			wallMs,
			peakRssMb: process.resourceUsage().maxRSS / 1024,
		})}\n`,
	);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
