'use strict';
/**
 * The Sonoran CAD Trigger in a running n8n: only events with the community key, and only chosen
 * ones, start executions; the callsign example kicks the bad callsign.
 */
const {
	check,
	executionCount,
	expect,
	postJson,
	sleep,
	storedBytes,
	waitForWebhook,
	waitUntil,
} = require('./helpers');

/** The webhook ID of the callsign example's trigger (examples/unit-login-callsign-check.json). */
const TRIGGER_WEBHOOK_ID = '9c3f8e31-5da4-4a3d-8a76-3d4e5f6a7b01';

async function triggerChecks({ install, baseUrl, userFolder, emulator, workflows, server }) {
	await check(
		'Sonoran CAD Trigger: only events with the community key, and only chosen ones, start executions',
		async () => {
			const url = `${baseUrl}/webhook/${TRIGGER_WEBHOOK_ID}/event`;
			await waitForWebhook(url, server);
			const event = (key, type, unitNum, apiId) => ({
				...(key === undefined ? {} : { key }),
				type,
				data: [
					{
						unit: { id: 1, status: 2, data: { apiIds: [apiId], unitNum, name: 'Test' } },
						isDispatch: false,
					},
				],
			});
			/** @type {Array<[{ status: number, json: unknown }, number]>} */
			const refused = [
				[
					await postJson(
						url,
						event('wrong-key', 'EVENT_UNIT_LOGIN', 'Bad Callsign', 'STEAM:login-bad'),
					),
					401,
				],
				[
					await postJson(
						url,
						event(undefined, 'EVENT_UNIT_LOGIN', 'Bad Callsign', 'STEAM:login-bad'),
					),
					401,
				],
				// n8n itself refuses a body it cannot parse, before the node runs.
				[await postJson(url, '{not json'), 422],
				[await postJson(url, { key: emulator.apiKey }), 400],
			];
			for (const [answer, status] of refused) {
				expect(
					answer.status === status,
					`expected ${status}, got ${answer.status} ${JSON.stringify(answer.json)}`,
				);
			}
			const ignored = await postJson(url, {
				key: emulator.apiKey.toUpperCase(),
				type: 'EVENT_UNIT_STATUS',
				data: { identIds: [1], status: 0 },
			});
			expect(
				ignored.status === 200 && ignored.json.started === false,
				`status event: ${JSON.stringify(ignored)}`,
			);
			await sleep(1000);
			expect(
				executionCount(install, userFolder, workflows.trigger.id) === 0,
				'a refused or unchosen event started an execution',
			);

			const bad = await postJson(
				url,
				event(emulator.apiKey, 'EVENT_UNIT_LOGIN', 'Bad Callsign', 'STEAM:login-bad'),
			);
			const good = await postJson(
				url,
				event(emulator.apiKey, 'EVENT_UNIT_LOGIN', '1A-12', 'STEAM:login-good'),
			);
			expect(
				bad.status === 200 && bad.json.started === true,
				`login answered ${JSON.stringify(bad)}`,
			);
			expect(
				good.status === 200 && good.json.started === true,
				`login answered ${JSON.stringify(good)}`,
			);
			await waitUntil(
				() => executionCount(install, userFolder, workflows.trigger.id) === 2,
				30_000,
				'two executions',
			);
			await waitUntil(
				() => emulator.kicks.some((kick) => kick.apiId === 'STEAM:login-bad'),
				30_000,
				'the kick of the bad callsign',
			);
			await sleep(1000);
			const kick = emulator.kicks.find((k) => k.apiId === 'STEAM:login-bad');
			expect(/Bad Callsign/.test(kick.reason), `reason: ${kick.reason}`);
			expect(
				!emulator.kicks.some((k) => k.apiId === 'STEAM:login-good'),
				'the unit with a good callsign was kicked',
			);
			expect(
				!storedBytes(userFolder).includes(emulator.apiKey),
				'the key is in the stored executions',
			);
		},
	);
}

module.exports = { triggerChecks };
