'use strict';
/**
 * One simulated queue-mode worker for the benchmark: its own process (so its pace is its own, as
 * an `n8n worker`'s is), running up to `concurrency` executions at once (n8n's default is 10),
 * each a one-unit Kick through n8n-core, as the parent hands out jobs like Bull does.
 *   fork('run-worker.js', [JSON.stringify({url, communityId, apiKey, options, concurrency})])
 * Messages in: {job, apiId} and 'stop'; out: {done: job, kicked, error}.
 */
const path = require('node:path');

const { outputsOf, runAgainstEmulator } = require('../support/n8n-harness');

const dist = path.join(__dirname, '..', '..', 'dist');
const { SonoranCad } = require(path.join(dist, 'nodes/SonoranCad/SonoranCad.node.js'));
const { SonoranCadApi } = require(path.join(dist, 'credentials/SonoranCadApi.credentials.js'));

const { url, communityId, apiKey, options } = JSON.parse(process.argv[2]);

async function kick(apiId) {
	const run = await runAgainstEmulator({
		classes: { nodeClasses: [SonoranCad], credentialClasses: [SonoranCadApi] },
		emulator: { url, communityId, apiKey },
		items: [{ apiId }],
		steps: [
			{
				name: 'Sonoran CAD',
				parameters: { resource: 'unit', operation: 'kick', options },
				settings: { onError: 'continueRegularOutput' },
			},
		],
	});
	const [item] = outputsOf(run, 'Sonoran CAD')[0] ?? [];
	return { kicked: item?.json.kicked === true, error: item?.json.error };
}

process.on('message', (/** @type {'stop' | { apiId: string, job: number }} */ message) => {
	if (message === 'stop') {
		process.disconnect();
		return;
	}
	kick(message.apiId)
		.then((result) => process.send({ done: message.job, ...result }))
		.catch((error) => process.send({ done: message.job, kicked: false, error: String(error) }));
});
process.send('ready');
