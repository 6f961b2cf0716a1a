// @ts-check
'use strict';
/** The repository's own files, read for tests written in TypeScript (where n8n's lint refuses `fs`). */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');

/** A file's text, by its path from the repository's root. @param {string} file */
function repoText(file) {
	return fs.readFileSync(path.join(ROOT, file), 'utf8');
}

/** The example workflows, parsed, by file name. @returns {Array<{ file: string, workflow: any }>} */
function exampleWorkflows() {
	return fs
		.readdirSync(path.join(ROOT, 'examples'))
		.filter((name) => name.endsWith('.json'))
		.map((file) => ({ file, workflow: JSON.parse(repoText(`examples/${file}`)) }));
}

module.exports = { repoText, exampleWorkflows };
