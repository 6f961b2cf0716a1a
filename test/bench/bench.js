'use strict';
/**
 * `npm run bench`: how close a kick list comes to the fewest requests and the shortest time that
 * Sonoran allows, next to what a user would otherwise build with n8n's HTTP Request node.
 *
 * Against the local emulator with a simulated round trip (BENCH_LATENCY_MS, default 50) and a
 * simulated v1 limit (a burst of 3, then one request a second; 429 with Retry-After beyond).
 * So that the large rows finish in minutes, a time scale shrinks the round trip, the emulator's
 * limit and the pacing together: BENCH_NODE_SCALE (default 1, real time) for this node's rows,
 * BENCH_TIME_SCALE (default 0.01) for the far slower baseline rows. Times are reported in
 * real-time equivalents (measured ÷ scale). CPU time and memory are not scaled.
 *
 * The baseline runs the real HTTP Request node in the real n8n that `npm run test:e2e` installs;
 * where that n8n is not installed, its rows say so.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { startEmulator } = require('../emulator/sonoran-emulator');
const { cachedN8n } = require('../e2e/install-n8n');
const { freePort, n8nEnvironment, runCli } = require('../e2e/n8n-process');
const { burstRows, burstTable } = require('./workers');

const dist = path.join(__dirname, '..', '..', 'dist');
const { DEFAULT_V1_INTERVAL_MS } = require(path.join(dist, 'nodes/client/pacing.js'));

const SCALE = Number(process.env.BENCH_TIME_SCALE ?? 0.01);
const NODE_SCALE = Number(process.env.BENCH_NODE_SCALE ?? 1);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const SIZES = (process.env.BENCH_SIZES ?? '1,10,100,1000,10000')
	.split(',')
	.filter(Boolean)
	.map(Number);
const OVERHEAD_SIZES = (process.env.BENCH_OVERHEAD_SIZES ?? '1000,10000,100000')
	.split(',')
	.filter(Boolean)
	.map(Number);
const BATCH = 100;
const SONORAN_BURST = 3;
const SONORAN_PACE_MS = 1000;

/** An emulator with N active units, the simulated round trip and v1 limit, at a time scale. */
async function benchEmulator(n, { scale, limited = true, latencyMs = LATENCY_MS * scale }) {
	return await startEmulator({
		units: Array.from({ length: n }, (_, i) => ({ apiId: `U${i}` })),
		latencyMs,
		v1Limit: limited ? { burst: SONORAN_BURST, intervalMs: SONORAN_PACE_MS * scale } : undefined,
	});
}

/** What the emulator saw: requests, 429s, the span from first request to last answer, kicks. */
function observed(emulator, n, scale) {
	const { requests, kicks } = emulator;
	const unique = new Set(kicks.map((kick) => kick.apiId)).size;
	const first = Math.min(...requests.map((r) => r.at));
	const last = Math.max(...requests.map((r) => r.answeredAt ?? r.at));
	return {
		requests: requests.length,
		tooMany: requests.filter((r) => r.status === 429).length,
		/** Real-time equivalent. */
		spanMs: requests.length ? (last - first) / scale : 0,
		lost: n - unique,
		duplicated: kicks.length - unique,
	};
}

async function runChild(args) {
	return await new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
		let out = '';
		child.stdout.on('data', (chunk) => (out += chunk));
		child.on('close', (code) =>
			code === 0
				? resolve(JSON.parse(out.trim().split('\n').pop()))
				: reject(new Error(`exit ${code}`)),
		);
	});
}

/**
 * The Sonoran CAD node, its defaults but for the time scale.
 * @param {number} n
 * @param {{ limited?: boolean, paced?: boolean, latencyMs?: number, profile?: boolean, floor?: boolean }} [options]
 */
async function runOurs(n, { limited = true, paced = true, latencyMs, profile, floor } = {}) {
	const scaled = (ms) => ms * NODE_SCALE;
	const emulator = await benchEmulator(n, { scale: NODE_SCALE, limited, latencyMs });
	try {
		// The node's default pace (a little under the limit), its default waits, all scaled.
		const options = paced
			? {
					intervalMs: scaled(DEFAULT_V1_INTERVAL_MS),
					retryDelayMs: scaled(1000),
					maxRetryWaitMs: scaled(300_000),
				}
			: { intervalMs: 0 };
		const child = await runChild([
			path.join(__dirname, 'run-node.js'),
			JSON.stringify({
				n,
				url: emulator.url,
				communityId: emulator.communityId,
				apiKey: emulator.apiKey,
				options,
				profile,
				floor,
			}),
		]);
		const seen = observed(emulator, n, NODE_SCALE);
		const lostInOutput = n - child.pairedDistinct + (child.outputs - child.pairedDistinct);
		return {
			...seen,
			lost: Math.max(seen.lost, lostInOutput),
			cpuPerItemMs: child.cpuMs / n,
			packagePerItemMs: child.packageMs === undefined ? undefined : child.packageMs / n,
			profiledPerItemMs: child.profiledMs === undefined ? undefined : child.profiledMs / n,
			peakRssMb: child.peakRssMb,
		};
	} finally {
		await emulator.close();
	}
}

/** What a user would build: Manual Trigger → Code (N items) → HTTP Request, one request per item. */
function baselineWorkflow(id, n, url, emulator, throttled) {
	const options = throttled
		? { batching: { batch: { batchSize: 1, batchInterval: Math.round(1000 * SCALE) } } }
		: {};
	return {
		id,
		name: id,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'a',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'b',
				name: 'Units',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: {
					jsCode: `return Array.from({ length: ${n} }, (_, i) => ({ json: { apiId: 'U' + i } }));`,
				},
			},
			{
				id: 'c',
				name: 'Kick',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [400, 0],
				parameters: {
					method: 'POST',
					url: `${url}/emergency/kick_unit`,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: `={{ JSON.stringify({ id: '${emulator.communityId}', key: '${emulator.apiKey}', type: 'KICK_UNIT', data: [{ apiId: $json.apiId, reason: 'bench', serverId: 1 }] }) }}`,
					options,
				},
			},
		],
		connections: {
			Start: { main: [[{ node: 'Units', type: 'main', index: 0 }]] },
			Units: { main: [[{ node: 'Kick', type: 'main', index: 0 }]] },
		},
	};
}

async function runBaseline(install, n, throttled) {
	const emulator = await benchEmulator(n, { scale: SCALE });
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sonorancad-bench-'));
	try {
		const env = n8nEnvironment({
			install,
			userFolder: workDir,
			extensionsDir: path.join(workDir, 'none'),
			port: await freePort(),
			brokerPort: await freePort(),
		});
		const id = `bench${throttled ? 'T' : 'D'}${String(n).padStart(10, '0')}`;
		const file = path.join(workDir, 'workflow.json');
		fs.writeFileSync(
			file,
			JSON.stringify(baselineWorkflow(id, n, emulator.url, emulator, throttled)),
		);
		const imported = await runCli(install, env, ['import:workflow', `--input=${file}`]);
		if (imported.code !== 0) throw new Error(`import failed: ${imported.stderr}`);
		const run = await runCli(install, env, ['execute', `--id=${id}`, '--rawOutput'], 3_600_000);
		return { ...observed(emulator, n, SCALE), stopped: run.code !== 0 };
	} finally {
		await emulator.close();
		fs.rmSync(workDir, { recursive: true, force: true });
	}
}

function lowerBound(n) {
	const requests = Math.ceil(n / BATCH);
	return { requests, ms: Math.max(0, requests - SONORAN_BURST) * SONORAN_PACE_MS + LATENCY_MS };
}

const seconds = (ms) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 0)} s`;

function row(label, n, result, bound) {
	const realMs = result.spanMs;
	return [
		label,
		n,
		`${result.requests} (${(result.requests / bound.requests).toFixed(2)}×)`,
		result.tooMany,
		`${seconds(realMs)} (${(realMs / bound.ms).toFixed(2)}×)`,
		`${result.lost}${result.stopped ? ' (run stopped)' : ''} / ${result.duplicated}`,
		result.cpuPerItemMs === undefined ? '—' : `${(result.cpuPerItemMs * 1000).toFixed(0)} µs`,
		result.peakRssMb === undefined ? '—' : `${result.peakRssMb.toFixed(0)} MB`,
		`${bound.requests} req, ${seconds(bound.ms)}`,
	];
}

function table(header, rows) {
	const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
	for (const cells of rows) lines.push(`| ${cells.join(' | ')} |`);
	return lines.join('\n');
}

async function main() {
	const started = Date.now();
	const install = cachedN8n();
	console.log(
		`Benchmark: round trip ${LATENCY_MS} ms, Sonoran v1 limit simulated as a burst of ${SONORAN_BURST} then 1 request/s, ` +
			`time scale ${NODE_SCALE} for the node, ${SCALE} for the baseline (times below are real-time equivalents), batch size ${BATCH}.`,
	);
	console.log(
		`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}` +
			`${install ? `; baseline: real n8n ${install.version} (Node 24)` : ''}.\n`,
	);
	const rows = [];
	for (const n of SIZES) {
		const bound = lowerBound(n);
		rows.push(row('Sonoran CAD node', n, await runOurs(n), bound));
		if (!install) {
			rows.push([
				'HTTP Request (default / 1 per 1000 ms)',
				n,
				'n8n not installed: run `npm run test:e2e` once',
				'',
				'',
				'',
				'',
				'',
				'',
			]);
			continue;
		}
		rows.push(row('HTTP Request, default', n, await runBaseline(install, n, false), bound));
		rows.push(
			row('HTTP Request, batching 1 per 1000 ms', n, await runBaseline(install, n, true), bound),
		);
		process.stderr.write(`  N = ${n} done (${seconds(Date.now() - started)} so far)\n`);
	}
	console.log(
		table(
			[
				'Way',
				'N',
				'Requests (× fewest)',
				'429s',
				'Wall time (× shortest)',
				'Lost / duplicated',
				'CPU per item',
				'Peak memory',
				'Lower bound',
			],
			rows,
		),
	);

	// The package's own CPU from a V8 profile (its share of a profiled run), beside the whole run's
	// CPU, and peak memory against n8n's own floor: the same run with a stand-in node that makes
	// the same output items and sends nothing. No latency, no limit, no pacing.
	const overhead = [];
	const us = (ms) => `${(ms * 1000).toFixed(1)} µs`;
	for (const n of OVERHEAD_SIZES) {
		const quiet = { limited: false, paced: false, latencyMs: 0 };
		const profiled = await runOurs(n, { ...quiet, profile: true });
		const plain = await runOurs(n, quiet);
		const floor = await runOurs(n, { ...quiet, floor: true });
		overhead.push([
			n,
			plain.requests,
			us(profiled.packagePerItemMs),
			`${((profiled.packagePerItemMs / profiled.profiledPerItemMs) * 100).toFixed(1)} %`,
			us(plain.cpuPerItemMs),
			`${plain.peakRssMb.toFixed(0)} MB`,
			`${floor.peakRssMb.toFixed(0)} MB`,
			`${((plain.peakRssMb / floor.peakRssMb - 1) * 100).toFixed(0)} %`,
			plain.lost,
		]);
	}
	console.log(
		"\nThe package's own cost with no latency and no limit: its CPU per item from a V8 CPU profile (self time of dist/), the whole run's CPU per item in its process, and peak memory against n8n's floor (the same run with a stand-in node that sends nothing):\n",
	);
	console.log(
		table(
			[
				'N',
				'Requests',
				'Package CPU per item (profile)',
				'Package share of the run',
				'Whole run CPU per item',
				'Peak memory',
				"n8n's floor",
				'Over the floor',
				'Lost',
			],
			overhead,
		),
	);
	if (process.env.BENCH_WORKERS !== '0') {
		console.log('');
		console.log(burstTable(await burstRows()));
	}
	console.log(`\nBenchmark wall time ${seconds(Date.now() - started)}.`);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
