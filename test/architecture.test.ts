import { findCycle, importGraph } from './support/import-graph';

/** `nodes/<folder>/…` → folder; credentials and others → their top folder. */
function homeOf(file: string): string {
	const [top, folder] = file.split('/');
	return top === 'nodes' ? `nodes/${folder}` : top;
}

describe('the package layout', () => {
	const graph = importGraph() as Record<string, string[]>;

	it('reads the sources it checks', () => {
		expect(Object.keys(graph)).toEqual(
			expect.arrayContaining([
				'nodes/shared/transport.ts',
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

	it("lets nodes and the credential share only nodes/shared, never another node's folder", () => {
		const crossings = Object.entries(graph).flatMap(([file, targets]) =>
			targets
				.filter((target) => {
					const home = homeOf(target);
					return home !== homeOf(file) && home !== 'nodes/shared';
				})
				.map((target) => `${file} → ${target}`),
		);
		expect(crossings).toEqual([]);
	});

	it('keeps the shared client free of any node: nodes/shared imports only itself', () => {
		const outward = Object.entries(graph)
			.filter(([file]) => file.startsWith('nodes/shared/'))
			.flatMap(([file, targets]) =>
				targets.filter((t) => !t.startsWith('nodes/shared/')).map((t) => `${file} → ${t}`),
			);
		expect(outward).toEqual([]);
	});
});
