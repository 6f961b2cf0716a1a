'use strict';
/**
 * `npm run scan`: n8n's official community-package scanner (@n8n/scan-community-package), run here
 * as n8n runs it on a published version, on both of its legs: the source files, and the unpacked
 * `npm pack` tarball (what a community install gets). Exits 1 on any finding.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');

function scannerModule() {
	const packageJson = require.resolve('@n8n/scan-community-package/package.json');
	return path.join(path.dirname(packageJson), 'scanner', 'scanner.mjs');
}

/** `npm pack`, unpacked into a throw-away folder: the published package's files. */
function packed(workDir) {
	const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', workDir], {
		cwd: ROOT,
		encoding: 'utf8',
	});
	if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
	const [{ filename }] = JSON.parse(pack.stdout);
	const unpacked = path.join(workDir, 'unpacked');
	fs.mkdirSync(unpacked);
	const untar = spawnSync('tar', [
		'-xzf',
		path.join(workDir, path.basename(filename)),
		'-C',
		unpacked,
	]);
	if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
	return path.join(unpacked, 'package');
}

function describe(result) {
	return JSON.stringify(result, null, 2);
}

async function main() {
	const scanner = await import(scannerModule());
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sonorancad-scan-'));
	let failed = false;
	try {
		const legs = [
			['source', ROOT, scanner.SOURCE_FILE_PATTERNS],
			['npm pack output', packed(workDir), ['**/*.js', 'package.json']],
		];
		for (const [name, dir, patterns] of legs) {
			const result = await scanner.analyzePackage(dir, patterns);
			// The scanner passes a leg that found no files; here that would mean a broken pack.
			const passed = result.passed === true && !/no files/i.test(result.message ?? '');
			console.log(`${passed ? '✓' : '✕'} ${name}: ${passed ? 'no findings' : describe(result)}`);
			failed ||= !passed;
		}
	} finally {
		fs.rmSync(workDir, { recursive: true, force: true });
	}
	process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
