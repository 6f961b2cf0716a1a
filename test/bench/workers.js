// @ts-check
'use strict';
/**
 * The burst rows of `npm run bench`: N executions of one unit each (a burst of webhooks, as a
 * server restart makes), sharing one key, in W processes (W = 1: one n8n; W > 1: queue-mode
 * workers). Each process runs as many executions at once as the row says (n8n's worker default
 * is 10; a main process takes every webhook at once). Against the emulator holding v1's guidance
 * as a limit (a burst of 3, then one a second, 429 with Retry-After beyond) or v2's documented 20
 * kicks a minute. v1 times are scaled by BENCH_WORKER_SCALE (default 0.1) for the emulator's limit
 * and the node's pacing alike, and reported in real-time equivalents; v2's minute is not scaled.
 */
const { fork } = require('node:child_process');
const path = require('node:path');

const { startEmulator } = require('../emulator/sonoran-emulator');

const dist = path.join(__dirname, '..', '..', 'dist');
const { DEFAULT_V1_INTERVAL_MS } = require(path.join(dist, 'nodes/client/pacing.js'));

const SCALE = Number(process.env.BENCH_WORKER_SCALE ?? 0.1);
const BURST = 3;
const V1_INTERVAL_MS = 1000;
const BATCH = 100;

/**
 * The same units sent as one execution: requests, and the least wall time the limit allows them.
 * @param {'v1' | 'v2'} api @param {number} n
 */
function oneExecution(api, n) {
	const requests = Math.ceil(n / BATCH);
	// v2's 20 a minute holds every one of these requests in its first minute.
	const seconds = api === 'v1' ? (Math.max(0, requests - BURST) * V1_INTERVAL_MS) / 1000 : 0;
	return { requests, seconds };
}

/**
 * @param {{ api: 'v1' | 'v2', workers: number, concurrency: number, n: number, share: boolean }} row
 */
async function runBurst({ api, workers: workerCount, concurrency, n, share }) {
	const scale = api === 'v1' ? SCALE : 1;
	const scaled = (/** @type {number} */ ms) => ms * scale;
	const ids = Array.from({ length: n }, (_, i) => `W${i}`);
	const emulator = await startEmulator({
		units: ids.map((id) => ({ apiId: id, communityUserId: id })),
		v1Limit: { burst: BURST, intervalMs: scaled(V1_INTERVAL_MS) },
	});
	const options = {
		...(api === 'v1' ? { intervalMs: scaled(DEFAULT_V1_INTERVAL_MS) } : {}),
		retryDelayMs: scaled(1000),
		maxRetryWaitMs: scaled(300_000),
		shareRequests: share,
	};
	const config = JSON.stringify({
		url: emulator.url,
		communityId: emulator.communityId,
		apiKey: emulator.apiKey,
		options,
		api,
	});
	const workers = Array.from({ length: workerCount }, () =>
		fork(path.join(__dirname, 'run-worker.js'), [config], {
			stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
		}),
	);
	try {
		let next = 0;
		/** @type {Array<{ kicked: boolean }>} */
		const results = [];
		let ready = 0;
		await new Promise((resolve, reject) => {
			const handOut = (/** @type {import('node:child_process').ChildProcess} */ worker) => {
				if (next < n) worker.send({ job: next, id: ids[next++] });
			};
			for (const worker of workers) {
				worker.on('error', reject);
				worker.on('message', (/** @type {any} */ message) => {
					if (message === 'ready') {
						// Every process ready first, so that the burst arrives at once.
						if (++ready < workers.length) return;
						for (const each of workers) for (let i = 0; i < concurrency; i++) handOut(each);
						return;
					}
					results.push(message);
					if (results.length === n) resolve(undefined);
					else handOut(worker);
				});
			}
		});
		const { requests, kicks } = emulator;
		const kickRequests = requests.filter(
			(r) => r.path.endsWith('kick_unit') || r.path.endsWith('/units/kick'),
		);
		const first = Math.min(...kickRequests.map((r) => r.at));
		const last = Math.max(...kickRequests.map((r) => r.answeredAt ?? r.at));
		const kicked =
			api === 'v1'
				? kicks.map((kick) => String(kick.apiId))
				: ids.filter((id) => !emulator.activeUnits().some((u) => u.apiId === id));
		return {
			api,
			workers: workerCount,
			concurrency,
			n,
			share,
			requests: kickRequests.length,
			tooMany: kickRequests.filter((r) => r.status === 429).length,
			seconds: (last - first) / scale / 1000,
			bound: oneExecution(api, n),
			lost: n - results.filter((r) => r.kicked).length,
			duplicated: kicked.length - new Set(kicked).size,
		};
	} finally {
		for (const worker of workers) if (worker.connected) worker.send('stop');
		await emulator.close();
	}
}

/**
 * The burst rows: one process taking every execution at once, and queue mode with 2 and 4
 * workers (10 executions at once each), v1 and v2; sharing off for the 50-execution rows, as
 * the node behaved before requests were shared.
 */
async function burstRows() {
	/** @type {Array<{ api: 'v1' | 'v2', workers: number, concurrency: number, n: number, share: boolean }>} */
	const plan = [];
	for (const api of /** @type {const} */ (['v1', 'v2'])) {
		for (const n of [50, 500]) {
			plan.push({ api, workers: 1, concurrency: n, n, share: true });
			for (const workers of [2, 4]) plan.push({ api, workers, concurrency: 10, n, share: true });
		}
		plan.push({ api, workers: 1, concurrency: 50, n: 50, share: false });
		plan.push({ api, workers: 2, concurrency: 10, n: 50, share: false });
	}
	const only = process.env.BENCH_BURST_API;
	const rows = [];
	for (const row of plan.filter((r) => !only || r.api === only)) rows.push(await runBurst(row));
	return rows;
}

/** @param {Awaited<ReturnType<typeof runBurst>>[]} rows */
function burstTable(rows) {
	const lines = [
		`Bursts of one-unit kick executions sharing one key: v1 limit a burst of 3 then 1/s (time scale ${SCALE}), v2 20 a minute (real time)`,
		'',
		'| API | executions | processes × at once | sharing | requests | 429s | wall time | one execution: requests, least time | lost | kicked twice |',
		'|---|---:|---|---|---:|---:|---:|---|---:|---:|',
		...rows.map(
			(r) =>
				`| ${r.api} | ${r.n} | ${r.workers === 1 ? `1 process × ${r.concurrency}` : `${r.workers} workers × ${r.concurrency}`} | ${r.share ? 'on' : 'off'} | ${r.requests} | ${r.tooMany} | ${r.seconds.toFixed(1)} s | ${r.bound.requests}, ${r.bound.seconds} s | ${r.lost} | ${r.duplicated} |`,
		),
	];
	return lines.join('\n');
}

module.exports = { burstRows, burstTable };

if (require.main === module) {
	burstRows().then((rows) => console.log(burstTable(rows)));
}
