'use strict';
/**
 * The package through n8n's command line, before n8n serves anything: what a community install
 * loads, importing the credentials and examples, `n8n execute` of the sweep, and a run with a
 * wrong key (readable, and the key nowhere in what n8n stored or printed).
 */
const fs = require('node:fs');
const path = require('node:path');

const { check, expect, jsonIn, nodeOutput, storedBytes, WRONG_KEY } = require('./helpers');
const { runCli } = require('./n8n-process');

const ROOT = path.join(__dirname, '..', '..');

async function cliChecks({ install, env, workDir, userFolder, emulator, workflows }) {
	await check(
		"package.json's n8n section names the built node and credential (what a community install loads)",
		async () => {
			const { n8n } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
			for (const file of [...n8n.nodes, ...n8n.credentials]) {
				expect(fs.existsSync(path.join(ROOT, file)), `${file} was not built`);
				const exported = Object.values(require(path.join(ROOT, file)));
				expect(
					exported.length === 1 && typeof exported[0] === 'function',
					`${file} does not export one class`,
				);
			}
		},
	);

	await check('imports the credentials (encrypted by n8n) and every example workflow', async () => {
		const imported = await runCli(install, env, [
			'import:credentials',
			`--input=${path.join(workDir, 'credentials.json')}`,
		]);
		expect(imported.code === 0, `import:credentials failed:\n${imported.stdout}${imported.stderr}`);
		for (const name of Object.keys(workflows)) {
			const result = await runCli(install, env, [
				'import:workflow',
				`--input=${path.join(workDir, `${name}.json`)}`,
			]);
			expect(
				result.code === 0,
				`import:workflow ${name} failed:\n${result.stdout}${result.stderr}`,
			);
		}
		expect(
			!storedBytes(userFolder).includes(emulator.apiKey),
			'the API key is stored in plain text',
		);
	});

	await check(
		'runs the end-of-session sweep with `n8n execute`: kicks exactly the UNAVAILABLE units',
		async () => {
			const result = await runCli(install, env, [
				'execute',
				`--id=${workflows.sweep.id}`,
				'--rawOutput',
			]);
			expect(
				result.code === 0,
				`execute failed (${result.code}):\n${result.stdout.slice(-3000)}${result.stderr.slice(-3000)}`,
			);
			const run = jsonIn(result.stdout);
			const listed = nodeOutput(run, 'Active units');
			const kicked = nodeOutput(run, 'Kick them');
			// Server 1 has 11 of the emulator's 12 units.
			expect(listed.length === 11, `Active units listed ${listed.length} units, not 11`);
			expect(
				JSON.stringify(
					kicked.map((item) => [item.json.apiId, item.json.kicked, item.json.answer]),
				) ===
					JSON.stringify([
						['STEAM:sweep-1', true, 'UNIT KICKED'],
						['STEAM:sweep-3', true, 'UNIT KICKED'],
					]),
				`unexpected Kick output: ${JSON.stringify(kicked)}`,
			);
			const left = emulator.activeUnits().map((unit) => unit.apiId);
			expect(
				!left.includes('STEAM:sweep-1') && !left.includes('STEAM:sweep-3'),
				`still active: ${left}`,
			);
			expect(
				left.includes('STEAM:sweep-2') && left.includes('STEAM:sweep-4'),
				`kicked too many: ${left}`,
			);
		},
	);

	await check(
		'ends a run with a wrong API key in the readable error, with the key nowhere in what n8n stored or printed',
		async () => {
			const result = await runCli(install, env, [
				'execute',
				`--id=${workflows.wrongKey.id}`,
				'--rawOutput',
			]);
			const printed = result.stdout + result.stderr;
			expect(result.code !== 0, 'the run with a wrong key did not fail');
			expect(
				printed.includes('Sonoran CAD rejected the API key (INVALID API KEY)'),
				`no readable error in:\n${printed.slice(-3000)}`,
			);
			expect(printed.includes('paste the API key again'), 'the error does not say what to do');
			expect(!printed.includes(WRONG_KEY), 'n8n printed the API key');
			const stored = storedBytes(userFolder);
			expect(stored.includes('INVALID API KEY'), 'the failed execution was not stored');
			expect(
				!stored.includes(WRONG_KEY) && !stored.includes(emulator.apiKey),
				'an API key is in the database in plain text',
			);
		},
	);
}

module.exports = { cliChecks };
