'use strict';
/** One n8n user folder for the whole jest run, shared by its workers (they inherit the variable). */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = async function globalSetup() {
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'sonorancad-n8n-'));
};
