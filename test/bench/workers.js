'use strict';
/**
 * The queue-mode rows of `npm run bench`: W worker processes sharing one key, each running up to
 * 10 one-unit kicks at once, against the emulator holding v1's guidance as a limit (a burst of 3,
 * then one a second, 429 with Retry-After beyond). Jobs are handed to the workers as they free up,
 * as n8n's queue does. Times are scaled by BENCH_WORKER_SCALE (default 0.1) for the emulator's
 * limit and the node's pacing and waits alike, and reported in real-time equivalents.
 */
const { fork } = require('node:child_process');
const path = require('node:path');

const { startEmulator } = require('../emulator/sonoran-emulator');

const dist = path.join(__dirname, '..', '..', 'dist');
const { DEFAULT_V1_INTERVAL_MS } = require(path.join(dist, 'nodes/client/pacing.js'));

const SCALE = Number(process.env.BENCH_WORKER_SCALE ?? 0.1);
const CONCURRENCY = 10;
const BURST = 3;
const LIMIT_INTERVAL_MS = 1000;

/** The fastest Sonoran's limit allows N one-unit kicks: the burst, then one per interval. */
function boundSeconds(n) {
	return (Math.max(0, n - BURST) * LIMIT_INTERVAL_MS) / 1000;
}

async function runWorkers(workerCount, n) {
	const scaled = (ms) => ms * SCALE;
	const emulator = await startEmulator({
		units: Array.from({ length: n }, (_, i) => ({ apiId: `W${i}` })),
		v1Limit: { burst: BURST, intervalMs: scaled(LIMIT_INTERVAL_MS) },
	});
	const options = {
		intervalMs: scaled(DEFAULT_V1_INTERVAL_MS),
		retryDelayMs: scaled(1000),
		maxRetryWaitMs: scaled(300_000),
	};
	const config = JSON.stringify({
		url: emulator.url,
		communityId: emulator.communityId,
		apiKey: emulator.apiKey,
		options,
	});
	const workers = Array.from({ length: workerCount }, () =>
		fork(path.join(__dirname, 'run-worker.js'), [config], {
			stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
		}),
	);
	try {
		let next = 0;
		const results = [];
		await new Promise((resolve, reject) => {
			const handOut = (worker) => {
				if (next < n) {
					worker.send({ job: next, apiId: `W${next}` });
					next++;
				}
			};
			for (const worker of workers) {
				worker.on('error', reject);
				worker.on('message', (message) => {
					if (message === 'ready') {
						for (let i = 0; i < CONCURRENCY; i++) handOut(worker);
						return;
					}
					results.push(message);
					if (results.length === n) resolve();
					else handOut(worker);
				});
			}
		});
		const { requests, kicks } = emulator;
		const first = Math.min(...requests.map((r) => r.at));
		const last = Math.max(...requests.map((r) => r.answeredAt ?? r.at));
		const unique = new Set(kicks.map((kick) => kick.apiId)).size;
		return {
			workers: workerCount,
			n,
			requests: requests.length,
			tooMany: requests.filter((r) => r.status === 429).length,
			seconds: (last - first) / SCALE / 1000,
			bound: boundSeconds(n),
			lost: n - results.filter((r) => r.kicked).length,
			duplicated: kicks.length - unique,
		};
	} finally {
		for (const worker of workers) if (worker.connected) worker.send('stop');
		await emulator.close();
	}
}

/** Rows for 1, 2 and 4 workers, 50 and 500 kicks. */
async function workerRows(counts = [1, 2, 4], sizes = [50, 500]) {
	const rows = [];
	for (const n of sizes) for (const w of counts) rows.push(await runWorkers(w, n));
	return rows;
}

function workerTable(rows) {
	const lines = [
		`Queue mode: one-unit kicks through W workers sharing one key (10 executions at once each), v1 limit a burst of 3 then 1/s (time scale ${SCALE})`,
		'',
		'| kicks | workers | requests | 429s | wall time | bound | × bound | lost | kicked twice |',
		'|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
		...rows.map(
			(r) =>
				`| ${r.n} | ${r.workers} | ${r.requests} | ${r.tooMany} | ${r.seconds.toFixed(1)} s | ${r.bound.toFixed(0)} s | ${(r.seconds / r.bound).toFixed(2)} | ${r.lost} | ${r.duplicated} |`,
		),
	];
	return lines.join('\n');
}

module.exports = { workerRows, workerTable };

if (require.main === module) {
	workerRows().then((rows) => console.log(workerTable(rows)));
}
