'use strict';
/**
 * `npm run test:editor`: the package in n8n's editor, in a real browser. Starts the real n8n of the
 * e2e suite with the package, signs in, and in headless Chromium (Debian's `chromium`, driven by
 * playwright-core) searches the node creator for "Sonoran" and opens the panel of every operation
 * of the Sonoran CAD node and of both triggers. Fails on a parameter missing from a panel, a panel
 * that shows an error, or an error in the browser console; saves screenshots into docs/images/.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { chromium } = require('playwright-core');

const { startEmulator } = require('../emulator/sonoran-emulator');
const { ensureN8n } = require('../e2e/install-n8n');
const {
	check,
	emulatorCredential,
	exampleAs,
	expect,
	results,
	stageExtension,
} = require('../e2e/helpers');
const { freePort, n8nEnvironment, runCli, startServer, stopServer } = require('../e2e/n8n-process');

const ROOT = path.join(__dirname, '..', '..');
const IMAGES = path.join(ROOT, 'docs', 'images');
const OWNER = { email: 'owner@sonorancad-e2e.invalid', password: 'E2e-Password-1234' };

function ensureChromium() {
	if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
	console.log('installing Debian chromium...');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
		const result = spawnSync('apt-get', args, { env, stdio: 'inherit' });
		if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
	}
	return '/usr/bin/chromium';
}

/** Every panel to open: a one-node workflow per operation and per trigger, with what it must show. */
function panels() {
	const dist = path.join(ROOT, 'dist');
	const { SonoranCad } = require(path.join(dist, 'nodes/SonoranCad/SonoranCad.node.js'));
	const node = new SonoranCad().description;
	const list = [];
	const resources = node.properties.find((p) => p.name === 'resource').options;
	for (const resource of resources) {
		const operations = node.properties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value),
		).options;
		for (const operation of operations) {
			const shown = node.properties
				.filter((p) => p.type !== 'notice' && p.type !== 'collection')
				.filter((p) => {
					const show = p.displayOptions?.show ?? {};
					if (p.name === 'resource') return true;
					if (p.name === 'operation') return show.resource?.includes(resource.value);
					return (
						show.resource?.includes(resource.value) &&
						show.operation?.includes(operation.value) &&
						!Object.keys(show).some((k) => !['resource', 'operation'].includes(k))
					);
				})
				// n8n's field mapper heads its fields "Values to Send", not with the parameter's name.
				.map((p) => (p.type === 'resourceMapper' ? 'Values to Send' : p.displayName));
			list.push({
				slug: `${resource.value}-${operation.value}`,
				type: 'sonoranCad',
				parameters: { resource: resource.value, operation: operation.value },
				expected: shown,
			});
		}
	}
	// The fields of the chosen template, loaded by the resource mapper as the panel opens.
	for (const slug of ['record-create', 'record-update', 'record-sendDraft']) {
		const recordPanel = list.find((panel) => panel.slug === slug);
		recordPanel.parameters.templateId = {
			__rl: true,
			mode: 'list',
			value: '4',
			cachedResultName: 'License',
		};
		recordPanel.expected.push('First Name', 'License Type', 'Expiration');
	}
	const dispatchPanel = list.find((panel) => panel.slug === 'call-createCustomDispatch');
	dispatchPanel.parameters.dispatchTemplateId = {
		__rl: true,
		mode: 'list',
		value: '1',
		cachedResultName: 'UK Control Room (default)',
	};
	dispatchPanel.expected.push('Status', 'Priority', 'Caller Name', 'Description');
	// An empty Server ID list, for the check that opens it.
	list.find((panel) => panel.slug === 'unit-setStatus').parameters.serverId = {
		__rl: true,
		mode: 'list',
		value: '',
	};
	list.push(
		{
			// A workflow saved when Server ID was a plain number still opens as it was.
			slug: 'legacy-server-id',
			type: 'sonoranCad',
			parameters: { resource: 'unit', operation: 'kick', identifyBy: 'apiId', serverId: 2 },
			expected: ['Server ID', 'API ID', 'Reason'],
		},
		{
			slug: 'trigger',
			type: 'sonoranCadTrigger',
			parameters: { events: ['*'] },
			expected: ['Events'],
		},
		{
			slug: 'trigger-panel-action',
			type: 'sonoranCadTrigger',
			parameters: {
				events: ['EVENT_PANEL_*'],
				panelKey: { __rl: true, mode: 'list', value: '' },
				acknowledge: true,
			},
			expected: [
				'Events',
				'Only Panel',
				'Only Action IDs',
				'Acknowledge on Receipt',
				'Acknowledgement Message',
			],
		},
		{
			slug: 'call-trigger',
			type: 'sonoranCadCallTrigger',
			parameters: { events: ['new911Call'] },
			expected: ['Server ID', 'Events', 'Poll Times'],
		},
	);
	return list;
}

function workflowFor(panel, index) {
	const id = `editorPanel${String(index).padStart(5, '0')}`;
	return {
		id,
		name: `Panel ${panel.slug}`,
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {},
		nodes: [
			{
				id: `node-${panel.slug}`,
				name: 'Sonoran CAD',
				type: `CUSTOM.${panel.type}`,
				typeVersion: 1,
				position: [0, 0],
				parameters: panel.parameters,
				credentials: { sonoranCadApi: { id: 'sonoranCadCredential', name: 'Sonoran CAD account' } },
			},
		],
	};
}

async function main() {
	const executablePath = ensureChromium();
	const install = ensureN8n();
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sonorancad-editor-'));
	const userFolder = path.join(workDir, 'user');
	fs.mkdirSync(userFolder);
	const extensionsDir = stageExtension(workDir);
	const emulator = await startEmulator();
	emulator.panels.set('doors', { schemaVersion: 1, name: 'Door Locks', body: [] });
	const env = n8nEnvironment({
		install,
		userFolder,
		extensionsDir,
		port: await freePort(),
		brokerPort: await freePort(),
	});
	const baseUrl = `http://127.0.0.1:${env.N8N_PORT}`;
	const all = panels();
	let server;
	let browser;
	fs.mkdirSync(IMAGES, { recursive: true });
	try {
		fs.writeFileSync(
			path.join(workDir, 'credentials.json'),
			JSON.stringify([emulatorCredential(emulator)]),
		);
		const workflows = [...all.map(workflowFor), exampleAs('webhook-kick.json', 'editorCanvas0001')];
		fs.writeFileSync(path.join(workDir, 'workflows.json'), JSON.stringify(workflows));
		for (const args of [
			['import:credentials', `--input=${path.join(workDir, 'credentials.json')}`],
			['import:workflow', `--input=${path.join(workDir, 'workflows.json')}`],
		]) {
			const result = await runCli(install, env, args);
			if (result.code !== 0)
				throw new Error(`${args[0]} failed:\n${result.stdout}${result.stderr}`);
		}
		server = startServer(install, env);
		const deadline = Date.now() + 120_000;
		for (;;) {
			const ready = await fetch(`${baseUrl}/healthz/readiness`)
				.then((r) => r.ok)
				.catch(() => false);
			if (ready) break;
			if (Date.now() > deadline)
				throw new Error(`n8n did not start:\n${server.log().slice(-2000)}`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		const setup = await fetch(`${baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ ...OWNER, firstName: 'Editor', lastName: 'Check' }),
		});
		if (setup.status !== 200) throw new Error(`owner setup answered ${setup.status}`);

		browser = await chromium.launch({
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		});
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		const consoleErrors = [];
		page.on('console', (message) => {
			if (message.type() === 'error') consoleErrors.push(message.text());
		});
		page.on('pageerror', (error) => consoleErrors.push(String(error)));

		console.log("\nthe package in n8n's editor (Chromium)");
		await check('signs in through the /signin form', async () => {
			await page.goto(`${baseUrl}/signin`);
			await page
				.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]')
				.first()
				.fill(OWNER.email);
			await page.locator('input[type="password"]').first().fill(OWNER.password);
			await page.keyboard.press('Enter');
			await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
		});

		// n8n's node creator lists a node and its trigger under one entry named like the trigger without
		// "Trigger": "Sonoran CAD" (the node and the push trigger) and "Sonoran CAD Call".
		await check(
			'finds the package in the node creator by "Sonoran": Sonoran CAD and Sonoran CAD Call',
			async () => {
				await page.goto(`${baseUrl}/workflow/editorCanvas0001`);
				await page.getByText('Kick units').first().waitFor({ timeout: 30_000 });
				await page.locator('[data-test-id="node-creator-plus-button"]').first().click();
				const search = page.locator('input[data-test-id="node-creator-search-bar"]').first();
				await search.waitFor({ timeout: 10_000 });
				await search.fill('Sonoran');
				for (const name of ['Sonoran CAD', 'Sonoran CAD Call']) {
					const entry = page.getByText(name, { exact: true }).first();
					const found = await entry.waitFor({ timeout: 10_000 }).then(
						() => true,
						() => false,
					);
					expect(found, `"${name}" is not in the node creator`);
				}
				await page.screenshot({ path: path.join(IMAGES, 'node-creator.png') });
				// n8n shows the push trigger's description for the merged "Sonoran CAD" entry.
				const described = await page
					.getByText(/^Act on Sonoran CAD \(units, calls, accounts, records, panels\)/)
					.first()
					.waitFor({ timeout: 5_000 })
					.then(
						() => true,
						() => false,
					);
				expect(described, 'the "Sonoran CAD" entry does not describe the node and its trigger');
			},
		);

		const kept = new Set([
			'unit-kick',
			'trigger',
			'call-trigger',
			'call-create911',
			'record-create',
			'account-get',
			'panel-setState',
			'trigger-panel-action',
		]);
		for (const [index, panel] of all.entries()) {
			await check(
				`opens the ${panel.slug} panel with all its parameters and no error`,
				async () => {
					const before = consoleErrors.length;
					await page.goto(`${baseUrl}/workflow/${workflowFor(panel, index).id}/node-${panel.slug}`);
					const ndv = page
						.locator('[data-test-id="ndv"], .ndv-wrapper, [data-test-id="node-parameters"]')
						.first();
					await ndv.waitFor({ timeout: 30_000 });
					await page.waitForTimeout(800);
					const text = await ndv.innerText();
					if (kept.has(panel.slug))
						await page.screenshot({ path: path.join(IMAGES, `panel-${panel.slug}.png`) });
					const missing = panel.expected.filter((name) => !text.includes(name));
					expect(
						missing.length === 0,
						`missing from the panel: ${missing.join(', ')} (it shows: ${text.replace(/\s+/g, ' ').slice(0, 600)})`,
					);
					expect(
						!/Could not load|Error loading|Problem loading/i.test(text),
						`the panel shows an error: ${text.slice(0, 300)}`,
					);
					const errors = consoleErrors.slice(before);
					expect(errors.length === 0, `browser console errors: ${errors.slice(0, 3).join(' | ')}`);
				},
			);
		}

		/** Opens a resource locator's list in a panel and picks the entry it must show. */
		const opensList = async ({ slug, placeholder, shows, image }) => {
			const index = all.findIndex((panel) => panel.slug === slug);
			const before = consoleErrors.length;
			await page.goto(`${baseUrl}/workflow/${workflowFor(all[index], index).id}/node-${slug}`);
			await page.getByPlaceholder(placeholder).first().click({ timeout: 30_000 });
			const entry = page.getByText(shows).first();
			const shown = await entry.waitFor({ timeout: 15_000 }).then(
				() => true,
				() => false,
			);
			expect(shown, `the list does not show "${shows}"`);
			await page.screenshot({ path: path.join(IMAGES, image) });
			await entry.click();
			await page.waitForTimeout(500);
			const errors = consoleErrors.slice(before);
			expect(errors.length === 0, `browser console errors: ${errors.slice(0, 3).join(' | ')}`);
		};

		await check(
			"opens the Server ID list: the community's servers from Sonoran, by name and ID",
			async () => {
				await opensList({
					slug: 'unit-setStatus',
					placeholder: 'Select a server...',
					shows: 'Main Server (ID 1)',
					image: 'panel-server-list.png',
				});
				const listed = emulator.requests.filter((r) => r.path === '/v2/general/servers');
				expect(listed.length === 1, `${listed.length} requests for the server list`);
			},
		);

		await check(
			"opens the Panel Key list of the trigger: the community's panels from Sonoran",
			async () =>
				await opensList({
					slug: 'trigger-panel-action',
					placeholder: 'Select a panel...',
					shows: 'Door Locks (doors)',
					image: 'panel-panel-key-list.png',
				}),
		);

		await check('shows an example workflow on the canvas', async () => {
			await page.goto(`${baseUrl}/workflow/editorCanvas0001`);
			await page.locator('text=Kick units').first().waitFor({ timeout: 30_000 });
			await page.waitForTimeout(1000);
			await page.screenshot({ path: path.join(IMAGES, 'workflow-canvas.png') });
		});
	} finally {
		if (browser) await browser.close();
		if (server) await stopServer(server);
		await emulator.close();
		fs.rmSync(workDir, { recursive: true, force: true });
	}
	const passed = results.filter((result) => result.ok).length;
	console.log(`${passed} passed, ${results.length - passed} failed`);
	process.exitCode = passed === results.length && passed > 0 ? 0 : 1;
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
