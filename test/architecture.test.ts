import { findCycle, importGraph } from './support/import-graph';

/** `nodes/<folder>/…` → folder; credentials and others → their top folder. */
/** The folders every node may import: the API client and the editor's shared parameter pieces. */
const SHARED = ['nodes/client', 'nodes/editor'];

function homeOf(file: string): string {
	const [top, folder] = file.split('/');
	return top === 'nodes' ? `nodes/${folder}` : top;
}

describe('the package layout', () => {
	const graph = importGraph() as Record<string, string[]>;

	/** Imports from files under `folder` to files outside all of `allowed`. */
	const outwardImports = (folder: string, allowed: string[]) =>
		Object.entries(graph)
			.filter(([file]) => file.startsWith(folder))
			.flatMap(([file, targets]) =>
				targets
					.filter((target) => !allowed.some((prefix) => target.startsWith(prefix)))
					.map((target) => `${file} → ${target}`),
			);

	it('reads the sources it checks', () => {
		expect(Object.keys(graph)).toEqual(
			expect.arrayContaining([
				'nodes/client/transport.ts',
				'nodes/editor/serverId.ts',
				'nodes/SonoranCad/kinds/perItem.ts',
				'nodes/SonoranCad/SonoranCad.node.ts',
				'credentials/SonoranCadApi.credentials.ts',
			]),
		);
	});

	it('has no import cycle, type-only imports included', () => {
		expect(findCycle(graph)).toBeUndefined();
	});

	it('finds a cycle when there is one (the check itself works)', () => {
		expect(findCycle({ a: ['b'], b: ['c'], c: ['a'] })).toEqual(['a', 'b', 'c', 'a']);
	});

	it("lets nodes and the credential share only the client and the editor pieces, never another node's folder", () => {
		const crossings = Object.entries(graph).flatMap(([file, targets]) =>
			targets
				.filter((target) => {
					const home = homeOf(target);
					return home !== homeOf(file) && !SHARED.includes(home);
				})
				.map((target) => `${file} → ${target}`),
		);
		expect(crossings).toEqual([]);
	});

	it('keeps the client free of any node and of the editor: nodes/client imports only itself', () => {
		expect(outwardImports('nodes/client/', ['nodes/client/'])).toEqual([]);
	});

	it('lets the editor pieces import only themselves and the client', () => {
		expect(outwardImports('nodes/editor/', ['nodes/editor/', 'nodes/client/'])).toEqual([]);
	});

	it("keeps the node's operation kinds and parameters free of its resources", () => {
		const inward = ['nodes/SonoranCad/kinds/', 'nodes/SonoranCad/parameters/'].flatMap((folder) =>
			outwardImports(folder, [
				'nodes/SonoranCad/kinds/',
				'nodes/SonoranCad/parameters/',
				'nodes/client/',
				'nodes/editor/',
			]),
		);
		expect(inward).toEqual([]);
	});
});
