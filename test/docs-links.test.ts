/**
 * Every link between the README, docs/, CONTRIBUTING.md and the nodes' documentation links
 * (codex) resolves: the file exists, and so does the heading an anchor names.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const REPOSITORY = 'https://github.com/n8n-nodes-sonorancad/n8n-nodes-sonorancad';

const PAGES = [
	'README.md',
	'CONTRIBUTING.md',
	'BENCHMARKS.md',
	...readdirSync(join(ROOT, 'docs'))
		.filter((name) => name.endsWith('.md'))
		.map((name) => `docs/${name}`),
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen. */
export function anchorOf(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

function anchorsIn(page: string): Set<string> {
	const text = readFileSync(join(ROOT, page), 'utf8').replace(/```[\s\S]*?```/g, '');
	return new Set(
		[...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) => anchorOf(match[1].replace(/`/g, ''))),
	);
}

/** Relative links of a page, as [from, to, anchor], skipping code blocks and web addresses. */
function linksIn(page: string): Array<[string, string, string | undefined]> {
	const text = readFileSync(join(ROOT, page), 'utf8').replace(/```[\s\S]*?```/g, '');
	return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
		.map((match) => match[1])
		.filter((target) => !/^[a-z]+:/.test(target))
		.map((target) => {
			const [path, anchor] = target.split('#');
			const file = path ? relative(ROOT, resolve(ROOT, dirname(page), path)) : page;
			return [page, file, anchor] as [string, string, string | undefined];
		});
}

function codexLinks(): Array<[string, string, string | undefined]> {
	const nodes = readdirSync(join(ROOT, 'nodes'), { withFileTypes: true }).filter((entry) =>
		entry.isDirectory(),
	);
	return nodes.flatMap((node) => {
		const codex = join('nodes', node.name, `${node.name}.node.json`);
		if (!existsSync(join(ROOT, codex))) return [];
		const urls = [...readFileSync(join(ROOT, codex), 'utf8').matchAll(/"url":\s*"([^"]+)"/g)]
			.map((match) => match[1])
			.filter((url) => url.startsWith(REPOSITORY));
		return urls.map((url) => {
			const [path, anchor] = url
				.slice(REPOSITORY.length)
				.replace(/^\/blob\/main\//, '')
				.split('#');
			return [codex, path === '' ? 'README.md' : path, anchor] as [
				string,
				string,
				string | undefined,
			];
		});
	});
}

describe('documentation links', () => {
	const links = [...PAGES.flatMap(linksIn), ...codexLinks()];

	it('finds links to check in every page and codex', () => {
		expect(PAGES).toEqual(
			expect.arrayContaining(['docs/operations.md', 'docs/rate-limits.md', 'docs/errors.md']),
		);
		expect(links.filter(([from]) => from === 'README.md').length).toBeGreaterThan(20);
		expect(links.filter(([from]) => from.endsWith('.node.json'))).toHaveLength(3);
	});

	it('names files that exist and headings that exist', () => {
		const broken = links.filter(([, file, anchor]) => {
			if (!existsSync(join(ROOT, file))) return true;
			return anchor !== undefined && file.endsWith('.md') && !anchorsIn(file).has(anchor);
		});
		expect(broken).toEqual([]);
	});

	it('makes anchors as GitHub does', () => {
		expect(anchorOf('Unit → Kick')).toBe('unit--kick');
		expect(anchorOf("Example: DMV bot → driver's license")).toBe(
			'example-dmv-bot--drivers-license',
		);
		expect(anchorOf("Server ID: a list of the community's servers")).toBe(
			'server-id-a-list-of-the-communitys-servers',
		);
	});
});
