'use strict';
/**
 * What n8n logs, for the suites that check it. n8n-core reads its log level once, when its
 * logger is created, and its console transport writes to `console._stdout`/`_stderr` when they
 * exist (jest's console has them) and to `console.log` otherwise; both are recorded.
 */
const lines = [];

function setLogLevel(level) {
	process.env.N8N_LOG_LEVEL = level;
}

/** Records instead of printing: the checked logs are at debug level and long. */
function record(target, method) {
	const original = target[method];
	target[method] = function (...args) {
		lines.push(args.map((arg) => (typeof arg === 'string' ? arg : String(arg))).join(' '));
		return method === 'write' ? true : undefined;
	};
	return () => {
		target[method] = original;
	};
}

/** Starts recording; returns a function that stops it. */
function recordLogs() {
	// Node's console keeps its streams as _stdout and _stderr (not typed).
	const streams = /** @type {{ _stdout?: NodeJS.WriteStream, _stderr?: NodeJS.WriteStream }} */ (
		/** @type {unknown} */ (console)
	);
	const restores = [streams._stdout, streams._stderr]
		.filter(Boolean)
		.map((stream) => record(stream, 'write'))
		.concat(['log', 'info', 'warn', 'error', 'debug'].map((method) => record(console, method)));
	return () => restores.forEach((restore) => restore());
}

function takeLogs() {
	return lines.splice(0).join('\n');
}

module.exports = { setLogLevel, recordLogs, takeLogs };
