'use strict';
/**
 * One simulated n8n process for the benchmark (a queue-mode worker, or the main process of a
 * regular install): its own process (so its pace and its shared requests are its own, as an
 * `n8n worker`'s are), running the executions the parent hands it, each a one-unit Kick through
 * n8n-core.
 *   fork('run-worker.js', [JSON.stringify({url, communityId, apiKey, options, api})])
 * Messages in: {job, id} and 'stop'; out: 'ready', {done: job, kicked, error}.
 */
const path = require('node:path');

const { outputsOf, runAgainstEmulator } = require('../support/n8n-harness');

const dist = path.join(__dirname, '..', '..', 'dist');
const { SonoranCad } = require(path.join(dist, 'nodes/SonoranCad/SonoranCad.node.js'));
const { SonoranCadApi } = require(path.join(dist, 'credentials/SonoranCadApi.credentials.js'));

const { url, communityId, apiKey, options, api } = JSON.parse(process.argv[2]);

/** The unit's ID goes in as the API ID (v1) or the community user ID (v2). */
async function kick(id) {
	const v2 = api === 'v2';
	const run = await runAgainstEmulator({
		classes: { nodeClasses: [SonoranCad], credentialClasses: [SonoranCadApi] },
		emulator: { url, communityId, apiKey },
		items: [v2 ? { communityUserId: id } : { apiId: id }],
		steps: [
			{
				name: 'Sonoran CAD',
				parameters: {
					resource: 'unit',
					operation: 'kick',
					...(v2 ? { apiVersion: 'v2', identifyBy: 'communityUserId' } : {}),
					options,
				},
				settings: { onError: 'continueRegularOutput' },
			},
		],
	});
	const [item] = outputsOf(run, 'Sonoran CAD')[0] ?? [];
	return { kicked: item?.json.kicked === true, error: item?.json.error };
}

process.on('message', (/** @type {'stop' | { id: string, job: number }} */ message) => {
	if (message === 'stop') {
		process.disconnect();
		return;
	}
	kick(message.id)
		.then((result) => process.send({ done: message.job, ...result }))
		.catch((error) => process.send({ done: message.job, kicked: false, error: String(error) }));
});
process.send('ready');
