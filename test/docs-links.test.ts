/**
 * Every link between the README, docs/, CONTRIBUTING.md and the nodes' documentation links
 * (codex) resolves: the file exists, and so does the heading an anchor names.
 */
import { anchorOf, brokenLinks, codexLinks, linksIn, pages } from './support/doc-links';

describe('documentation links', () => {
	const links = [...pages().flatMap(linksIn), ...codexLinks()];

	it('finds links to check in every page and codex', () => {
		expect(pages()).toEqual(
			expect.arrayContaining(['docs/operations.md', 'docs/rate-limits.md', 'docs/errors.md']),
		);
		expect(links.filter(([from]) => from === 'README.md').length).toBeGreaterThan(20);
		expect(links.filter(([from]) => from.endsWith('.node.json'))).toHaveLength(3);
	});

	it('names files that exist and headings that exist', () => {
		expect(brokenLinks(links)).toEqual([]);
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
