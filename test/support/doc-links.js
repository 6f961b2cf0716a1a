// @ts-check
'use strict';
/**
 * The links between the README, docs/, CONTRIBUTING.md, BENCHMARKS.md and the nodes' codex files
 * (their documentation links), for the documentation test: each as [from, file, anchor].
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const REPOSITORY = 'https://github.com/n8n-nodes-sonorancad/n8n-nodes-sonorancad';

/** @typedef {[string, string, string | undefined]} Link */

function pages() {
	const docs = fs
		.readdirSync(path.join(ROOT, 'docs'))
		.filter((name) => name.endsWith('.md'))
		.map((name) => `docs/${name}`);
	return ['README.md', 'CONTRIBUTING.md', 'BENCHMARKS.md', ...docs];
}

/** @param {string} file */
function textOf(file) {
	return fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/```[\s\S]*?```/g, '');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen. @param {string} heading */
function anchorOf(heading) {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

/** @param {string} file */
function anchorsIn(file) {
	return new Set(
		[...textOf(file).matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) =>
			anchorOf(match[1].replace(/`/g, '')),
		),
	);
}

/** Relative links of a page, skipping code blocks and web addresses. @param {string} page @returns {Link[]} */
function linksIn(page) {
	return [...textOf(page).matchAll(/\]\(([^)\s]+)\)/g)]
		.map((match) => match[1])
		.filter((target) => !/^[a-z]+:/.test(target))
		.map((target) => {
			const [file, anchor] = target.split('#');
			const resolved = file
				? path.relative(ROOT, path.resolve(ROOT, path.dirname(page), file))
				: page;
			return /** @type {Link} */ ([page, resolved, anchor]);
		});
}

/** The codex files' links into this repository. @returns {Link[]} */
function codexLinks() {
	return fs
		.readdirSync(path.join(ROOT, 'nodes'), { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => path.join('nodes', entry.name, `${entry.name}.node.json`))
		.filter((codex) => fs.existsSync(path.join(ROOT, codex)))
		.flatMap((codex) =>
			[...fs.readFileSync(path.join(ROOT, codex), 'utf8').matchAll(/"url":\s*"([^"]+)"/g)]
				.map((match) => match[1])
				.filter((url) => url.startsWith(REPOSITORY))
				.map((url) => {
					const [file, anchor] = url
						.slice(REPOSITORY.length)
						.replace(/^\/blob\/main\//, '')
						.split('#');
					return /** @type {Link} */ ([codex, file === '' ? 'README.md' : file, anchor]);
				}),
		);
}

/** The links whose file or heading does not exist. @param {Link[]} links */
function brokenLinks(links) {
	return links.filter(([, file, anchor]) => {
		if (!fs.existsSync(path.join(ROOT, file))) return true;
		return anchor !== undefined && file.endsWith('.md') && !anchorsIn(file).has(anchor);
	});
}

module.exports = { anchorOf, brokenLinks, codexLinks, linksIn, pages };
