'use strict';
/**
 * The configuration and custom dispatch examples in a real n8n: penal codes from a sheet (rows in
 * → one replace → the emulator holds exactly those codes; the same rows again leave the same) and
 * a dispatch call from a web form on the community's dispatch template.
 */
const { isDeepStrictEqual: sameJson } = require('node:util');

const { check, exampleAs, expect, postJson } = require('./helpers');

function configurationWorkflows() {
	return {
		penalCodes: exampleAs('penal-codes-from-sheet.json', 'e2ePenalCodes001'),
		dispatchForm: exampleAs('custom-dispatch-from-form.json', 'e2eDispatchForm1'),
	};
}

/** A sheet's rows as Google Sheets gives them: its header names, numbers partly as text. */
const SHEET = [
	{
		Code: '22107',
		Title: 'Unsafe Lane Change',
		Type: 'INFRACTION',
		'Bond Amount': '',
		'Jail Time': '',
	},
	{
		Code: '23152',
		Title: 'Driving Under the Influence',
		Type: 'MISDEMEANOR',
		'Bond Type': 'CASH',
		'Bond Amount': '500',
		'Jail Time': 30,
	},
	{
		Code: '187',
		Title: 'Murder',
		Type: 'FELONY',
		'Bond Type': 'NO BAIL',
		'Bond Amount': 0,
		'Jail Time': '999',
	},
];

const HELD = [
	{
		title: 'Unsafe Lane Change',
		code: '22107',
		type: 'INFRACTION',
		bondType: 'NONE',
		bondAmount: 0,
		jailTime: '0',
	},
	{
		title: 'Driving Under the Influence',
		code: '23152',
		type: 'MISDEMEANOR',
		bondType: 'CASH',
		bondAmount: 500,
		jailTime: '30',
	},
	{
		title: 'Murder',
		code: '187',
		type: 'FELONY',
		bondType: 'NO BAIL',
		bondAmount: 0,
		jailTime: '999',
	},
];

async function configurationChecks({ baseUrl, emulator }) {
	const requestsTo = (path) => emulator.requests.filter((request) => request.path === path);

	await check(
		'the penal codes example replaces the codes with the rows in one request; the same rows again leave the same',
		async () => {
			emulator.configuration.penalCodes = [
				{
					title: 'Retired',
					code: '1',
					type: 'INFRACTION',
					bondType: 'NONE',
					bondAmount: 0,
					jailTime: '0',
				},
			];
			const first = await postJson(`${baseUrl}/webhook/sonoran-penal-codes`, { rows: SHEET });
			expect(first.status === 200, `HTTP ${first.status} ${JSON.stringify(first.json)}`);
			const puts = requestsTo('/v2/general/penal-codes').filter((r) => r.method === 'PUT');
			expect(puts.length === 1, `${puts.length} requests for 3 rows`);
			expect(sameJson(JSON.parse(puts[0].rawBody), { codes: HELD }), `sent ${puts[0].rawBody}`);
			expect(
				sameJson(emulator.configuration.penalCodes, HELD),
				`the CAD holds ${JSON.stringify(emulator.configuration.penalCodes)}`,
			);
			expect(
				Array.isArray(first.json) &&
					first.json.length === 3 &&
					first.json.every((item) => item.updated === 3),
				`answered ${JSON.stringify(first.json)}`,
			);
			const again = await postJson(`${baseUrl}/webhook/sonoran-penal-codes`, { rows: SHEET });
			expect(again.status === 200, `again: HTTP ${again.status}`);
			expect(
				sameJson(emulator.configuration.penalCodes, HELD),
				`after the second run the CAD holds ${JSON.stringify(emulator.configuration.penalCodes)}`,
			);
			const bad = await postJson(`${baseUrl}/webhook/sonoran-penal-codes`, {
				rows: [SHEET[0], { ...SHEET[1], Code: '' }],
			});
			expect(
				Array.isArray(bad.json) &&
					/Not sent: the penal codes are replaced as a whole, and item 2 is not valid/.test(
						bad.json[0].error,
					) &&
					/"Code" is empty/.test(bad.json[1].error),
				`a bad row: ${JSON.stringify(bad.json)}`,
			);
			expect(sameJson(emulator.configuration.penalCodes, HELD), 'a bad row changed the codes');
			const sent = requestsTo('/v2/general/penal-codes').filter((r) => r.method === 'PUT').length;
			expect(sent === 2, `${sent} replaces for three runs (the third must send nothing)`);
		},
	);

	await check(
		"the dispatch form example opens a call on the community's dispatch template, attached to the unit named",
		async () => {
			emulator.addUnits([{ apiId: 'STEAM:form-1', communityUserId: 'cu-form' }]);
			const form = {
				callerName: 'Alex Smith',
				description: 'Reports of a disturbance outside the station.',
				priority: 'Immediate',
				grade: 'GRADE_1',
				assign: 'cu-form',
			};
			const created = await postJson(`${baseUrl}/webhook/sonoran-dispatch-form`, form);
			expect(
				created.status === 200 &&
					created.json.created === true &&
					Number.isInteger(created.json.callId),
				`HTTP ${created.status} ${JSON.stringify(created.json)}`,
			);
			const [sent] = requestsTo('/v2/emergency/servers/1/custom-dispatch-calls').map((r) =>
				JSON.parse(r.rawBody),
			);
			expect(
				sameJson(sent.values, {
					status: 'awaiting_deployment',
					priority: 'Immediate',
					description: form.description,
					caller_name: 'Alex Smith',
					code: 'GRADE_1',
				}) &&
					sent.templateId === 1 &&
					sameJson(sent.communityUserIds, ['cu-form']),
				`sent ${JSON.stringify(sent)}`,
			);
			const call = emulator.calls.active(1, created.json.callId);
			const unit = emulator
				.activeUnits()
				.find((candidate) => candidate.communityUserId === 'cu-form');
			expect(
				call &&
					call.statusId === 'awaiting_deployment' &&
					call.status === 0 &&
					sameJson(call.idents, [unit.identId]),
				`the CAD holds ${JSON.stringify(call)}`,
			);
			const wrong = await postJson(`${baseUrl}/webhook/sonoran-dispatch-form`, {
				...form,
				priority: 'Whenever',
			});
			expect(
				wrong.json.created === false && /^not created: /.test(wrong.json.message),
				`a priority not on the template: ${JSON.stringify(wrong.json)}`,
			);
		},
	);
}

module.exports = { configurationChecks, configurationWorkflows };
