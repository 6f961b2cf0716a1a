'use strict';
/** The package's own import graph (relative imports of its TypeScript sources), for architecture checks. */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const SOURCE_FOLDERS = ['nodes', 'credentials'];

function sourceFiles(folder) {
	return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(folder, entry.name);
		if (entry.isDirectory()) return sourceFiles(full);
		return entry.name.endsWith('.ts') ? [full] : [];
	});
}

/** Every relative import, type-only ones included: `{ [file]: [imported files] }`, paths from the root. */
function importGraph() {
	const graph = {};
	for (const file of SOURCE_FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder)))) {
		const text = fs.readFileSync(file, 'utf8');
		const targets = [...text.matchAll(/from\s+'(\.[^']+)'/g)].map((match) =>
			path.relative(ROOT, path.resolve(path.dirname(file), `${match[1]}.ts`)),
		);
		graph[path.relative(ROOT, file)] = targets;
	}
	return graph;
}

/** The first import cycle found, as a list of files, or undefined. */
function findCycle(graph) {
	const state = {};
	const stack = [];
	function visit(file) {
		state[file] = 'open';
		stack.push(file);
		for (const target of graph[file] ?? []) {
			if (state[target] === 'open') return [...stack.slice(stack.indexOf(target)), target];
			if (!state[target]) {
				const cycle = visit(target);
				if (cycle) return cycle;
			}
		}
		stack.pop();
		state[file] = 'done';
		return undefined;
	}
	for (const file of Object.keys(graph)) {
		if (!state[file]) {
			const cycle = visit(file);
			if (cycle) return cycle;
		}
	}
	return undefined;
}

module.exports = { importGraph, findCycle };
