'use strict';
/**
 * The committed snapshots of each node version's parameters (test/description-snapshots/), which
 * test/versions.test.ts compares with the nodes. `WRITE_DESCRIPTION_SNAPSHOTS=1` writes the
 * snapshot of a new version; an existing one is never overwritten (see CONTRIBUTING.md,
 * "A new node version").
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

/** Writes the snapshot of a version that has none yet; answers whether it wrote one. */
function writeNewSnapshot(nodeName, version, snapshot) {
	const file = fileOf(nodeName, version);
	if (fs.existsSync(file) || process.env.WRITE_DESCRIPTION_SNAPSHOTS !== '1') return false;
	fs.writeFileSync(file, `${JSON.stringify(snapshot, null, '\t')}\n`);
	return true;
}

module.exports = { readSnapshot, writeNewSnapshot };
