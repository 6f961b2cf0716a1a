'use strict';
/**
 * `npm run smoke`: checks this package's assumptions about Sonoran's answers against a real
 * community, through the package's own transport and answers modules (the built dist/).
 *
 *   SONORAN_COMMUNITY_ID=… SONORAN_API_KEY=… npm run smoke [-- --production] [-- --kick <API ID>]
 *
 * Staging (staging-api.dev.sonorancad.com) unless --production; --base-url <url> points it at
 * another API root (the local emulator in CI). Read-only unless --kick names a unit: then it kicks
 * that unit, and sends a batch of it with a made-up API ID to see the undocumented batch answer.
 * At most one request a second. Prints a table; never the key. Exits 1 when an answer the node
 * relies on is not what it expects, 2 on a usage error.
 */
const path = require('node:path');

const { pollingTrigger } = require('../support/n8n-harness');
const { smokeChecks } = require('./checks');

/** The built package's modules that the check runs through. */
function loadDist() {
	const dist = path.join(__dirname, '..', '..', 'dist');
	const load = (file) => require(path.join(dist, file));
	return {
		endpoints: load('nodes/client/endpoints.js'),
		transport: load('nodes/client/transport.js'),
		answers: load('nodes/client/answers.js'),
		connection: load('nodes/client/connection.js'),
		requestPolicy: load('nodes/client/requestPolicy.js'),
		SonoranCadApi: load('credentials/SonoranCadApi.credentials.js').SonoranCadApi,
		SonoranCadCallTrigger: load('nodes/SonoranCadCallTrigger/SonoranCadCallTrigger.node.js')
			.SonoranCadCallTrigger,
	};
}

/** Sonoran asks for no more than about one request a second. */
const GAP_MS = 1000;
const RATE_HEADERS = /^(retry-after|x?-?ratelimit.*|ratelimit.*)$/i;

function usage(message) {
	process.stderr.write(
		`${message}\nUsage: SONORAN_COMMUNITY_ID=… SONORAN_API_KEY=… npm run smoke -- [--production | --base-url <url>] [--kick <API ID>]\n`,
	);
	process.exit(2);
}

function parseArgs(argv) {
	const options = { environment: 'staging' };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		if (flag === '--production') options.environment = 'production';
		else if (flag === '--base-url') options.baseUrl = argv[++i] ?? usage('--base-url needs a URL');
		else if (flag === '--kick') options.kick = argv[++i] ?? usage('--kick needs an API ID');
		else usage(`Unknown option ${flag}`);
	}
	if (options.baseUrl) options.environment = 'custom';
	return options;
}

/** One line of text, the key hidden, at most `max` characters. */
function shown(text, secret, max = 60) {
	const clean = String(text ?? '')
		.split(secret)
		.join('**hidden**')
		.replace(/\s+/g, ' ')
		.trim();
	return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

function rateHeaders(headers) {
	return Object.entries(headers ?? {})
		.filter(([name]) => RATE_HEADERS.test(name))
		.map(([name, value]) => `${name}: ${value}`)
		.join('; ');
}

/**
 * Runs the checks one by one, at most one request per `gapMs`, and answers a row per check.
 * @param lib the package's modules (loadDist(), or the sources in the tests)
 * @param {{ communityId: string, apiKey: string, environment: string, baseUrl?: string, kick?: string, gapMs?: number }} options
 */
async function runChecks(lib, { communityId, apiKey, environment, baseUrl, kick, gapMs = GAP_MS }) {
	const trigger = pollingTrigger({
		nodeClass: lib.SonoranCadCallTrigger,
		credentialClasses: [lib.SonoranCadApi],
		credentials: { 'cred-1': { communityId, apiKey, environment, baseUrl: baseUrl ?? '' } },
		parameters: {},
		mode: 'manual',
	});
	const ctx = trigger.context();
	const policy = {
		...lib.requestPolicy.DEFAULT_POLICY,
		maxRetries: 0,
		maxRetryWaitMs: 0,
		timeoutMs: 20_000,
	};
	const context = { plan: -1 };
	const rows = [];
	for (const check of smokeChecks(lib, { kick })) {
		if (rows.length) await new Promise((resolve) => setTimeout(resolve, gapMs));
		// Each check stands alone: a refusal in one (the wrong path) must not hold back the next.
		const connection = await lib.connection.openConnection(ctx, policy);
		const delivery = check.v1
			? await lib.transport.requestV1(ctx, connection, check.v1.endpoint, check.v1.data)
			: await lib.transport.requestV2(ctx, connection, check.v2.endpoint, check.v2.call);
		const endpoint = (check.v1 ?? check.v2).endpoint;
		const verdict = lib.answers.judge(endpoint, delivery);
		const { answer } = delivery;
		const answered =
			'failure' in answer ? { statusCode: 0, text: answer.failure, headers: {} } : answer;
		rows.push({
			check: check.name,
			expected: check.expected,
			status: answered.statusCode || `no answer (${answer.failure})`,
			contentType: shown(answered.headers['content-type'] ?? '', apiKey, 40),
			body: shown(answered.text, apiKey),
			rateLimit: shown(rateHeaders(answered.headers), apiKey, 60),
			agrees: 'failure' in answer ? false : Boolean(check.agrees(answered, verdict, context)),
		});
	}
	return rows;
}

/** The table, and how many answers differ from what the node expects. */
function report(rows, where) {
	const header = [
		'Check',
		'Expected (the emulator’s choice)',
		'Status',
		'Content type',
		'Body',
		'Rate-limit headers',
		'Agrees',
	];
	const lines = [
		`Sonoran CAD smoke check against ${where}`,
		'',
		`| ${header.join(' | ')} |`,
		`|${header.map(() => '---').join('|')}|`,
		...rows.map(
			(r) =>
				`| ${[r.check, r.expected, r.status, r.contentType, r.body, r.rateLimit, r.agrees ? 'yes' : '**NO**'].map((cell) => String(cell).replace(/\|/g, '\\|')).join(' | ')} |`,
		),
		'',
	];
	const disagreements = rows.filter((r) => !r.agrees).length;
	lines.push(
		disagreements
			? `${disagreements} of ${rows.length} answers differ from what the node expects: please report this table (it holds no key) as an issue of n8n-nodes-sonorancad.`
			: `All ${rows.length} answers are what the node expects.`,
	);
	return { text: lines.join('\n'), disagreements };
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const communityId = process.env.SONORAN_COMMUNITY_ID;
	const apiKey = process.env.SONORAN_API_KEY;
	if (!communityId || !apiKey) usage('Set SONORAN_COMMUNITY_ID and SONORAN_API_KEY.');
	const where = options.baseUrl ?? `Sonoran's ${options.environment} API`;
	const rows = await runChecks(loadDist(), { ...options, communityId, apiKey });
	const { text, disagreements } = report(rows, where);
	console.log(text);
	process.exitCode = disagreements ? 1 : 0;
}

module.exports = { runChecks, report };

if (require.main === module) {
	main().catch((error) => {
		console.error(String(error?.message ?? error));
		process.exitCode = 1;
	});
}
