'use strict';
/** Removes the user folder of global-setup.js: a test run leaves nothing in the temp folder. */
const fs = require('node:fs');

module.exports = async function globalTeardown() {
	const folder = process.env.N8N_USER_FOLDER;
	if (folder) fs.rmSync(folder, { recursive: true, force: true });
};
