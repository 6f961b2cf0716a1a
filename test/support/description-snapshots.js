'use strict';
/**
 * The committed snapshots of each node version's parameters (test/description-snapshots/), which
 * test/versions.test.ts compares with the nodes. `WRITE_DESCRIPTION_SNAPSHOTS=1` writes the
 * snapshot of a new version, or extends a version's with what was added (the test writes only
 * when nothing it held changed; see CONTRIBUTING.md, "A new node version").
 */
const fs = require('node:fs');
const path = require('node:path');

const folder = path.join(__dirname, '..', 'description-snapshots');

function fileOf(nodeName, version) {
	return path.join(folder, `${nodeName}@${version}.json`);
}

/** The committed snapshot, or undefined when there is none. */
function readSnapshot(nodeName, version) {
	const file = fileOf(nodeName, version);
	return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

/** Writes the snapshot when WRITE_DESCRIPTION_SNAPSHOTS=1; answers whether it wrote it. */
function writeSnapshot(nodeName, version, snapshot) {
	if (process.env.WRITE_DESCRIPTION_SNAPSHOTS !== '1') return false;
	fs.writeFileSync(fileOf(nodeName, version), `${JSON.stringify(snapshot, null, '\t')}\n`);
	return true;
}

module.exports = { readSnapshot, writeSnapshot };
