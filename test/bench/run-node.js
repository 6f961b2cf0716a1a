'use strict';
/**
 * One benchmark run of the Sonoran CAD node, in its own process so that its CPU time and peak
 * memory are its own: Item Source (N items) → Sonoran CAD Kick, through n8n-core, against an
 * emulator started by the parent. Prints one JSON line.
 *   node test/bench/run-node.js '{"n":1000,"url":"…","communityId":"…","apiKey":"…","options":{…}}'
 * With "profile": true it records a V8 CPU profile of the run and reports the package's own share
 * (the self time of functions in dist/). With "floor": true the Sonoran CAD node is replaced by a
 * stand-in that makes the same output items without any request: n8n's own cost for N items.
 */
const inspector = require('node:inspector');
const path = require('node:path');

const { outputsOf, runAgainstEmulator } = require('../support/n8n-harness');

const dist = path.join(__dirname, '..', '..', 'dist');
const { SonoranCad } = require(path.join(dist, 'nodes/SonoranCad/SonoranCad.node.js'));
const { SonoranCadApi } = require(path.join(dist, 'credentials/SonoranCadApi.credentials.js'));

/**
 * The same description as the real node, and an execute() that does only n8n's part of the work:
 * resolve the same parameters for every item and return the same output items. No request.
 */
class FloorStandIn extends SonoranCad {
	async execute() {
		return [
			this.getInputData().map((_, index) => ({
				json: {
					apiId: this.getNodeParameter('apiId', index),
					reason: this.getNodeParameter('reason', index),
					serverId: this.getNodeParameter('serverId', index),
					kicked: true,
					answer: 'UNIT KICKED',
				},
				pairedItem: { item: index },
			})),
		];
	}
}

function post(session, method, params) {
	return new Promise((resolve, reject) =>
		session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
	);
}

/** Self time (ms) of the profile's samples, in all and in functions of the package's dist/. */
function packageShare(profile) {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	let totalUs = 0;
	let ownUs = 0;
	profile.samples.forEach((id, i) => {
		const delta = profile.timeDeltas[i] ?? 0;
		const url = byId.get(id)?.callFrame.url ?? '';
		const name = byId.get(id)?.callFrame.functionName ?? '';
		// Idle and garbage collection are nobody's code.
		if (name === '(idle)' || name === '(program)') return;
		totalUs += delta;
		if (url.includes(dist + path.sep) || url.includes(`file://${dist}/`)) ownUs += delta;
	});
	return { totalMs: totalUs / 1000, ownMs: ownUs / 1000 };
}

async function main() {
	const { n, url, communityId, apiKey, options, profile, floor } = JSON.parse(process.argv[2]);
	const items = Array.from({ length: n }, (_, i) => ({ apiId: `U${i}` }));
	const session = profile ? new inspector.Session() : undefined;
	if (session) {
		session.connect();
		await post(session, 'Profiler.enable');
		await post(session, 'Profiler.setSamplingInterval', { interval: 100 });
		await post(session, 'Profiler.start');
	}
	const cpuBefore = process.cpuUsage();
	const started = Date.now();
	const run = await runAgainstEmulator({
		classes: {
			nodeClasses: [floor ? FloorStandIn : SonoranCad],
			credentialClasses: [SonoranCadApi],
		},
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
	const share = session ? packageShare((await post(session, 'Profiler.stop')).profile) : undefined;
	session?.disconnect();
	const output = outputsOf(run, 'Sonoran CAD')[0] ?? [];
	const paired = new Set(output.map((item) => item.pairedItem.item));
	process.stdout.write(
		`${JSON.stringify({
			status: run.status,
			outputs: output.length,
			pairedDistinct: paired.size,
			kickedItems: output.filter((item) => item.json.kicked === true).length,
			cpuMs: (cpu.user + cpu.system) / 1000,
			profiledMs: share?.totalMs,
			packageMs: share?.ownMs,
			wallMs,
			peakRssMb: process.resourceUsage().maxRSS / 1024,
		})}\n`,
	);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
