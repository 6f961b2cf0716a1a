/**
 * Saved workflows keep their behaviour: n8n stores only the parameters that differ from their
 * defaults, so a changed default (or a renamed parameter or option value) silently changes every
 * saved workflow that kept it. Each node version's parameters, as they decide behaviour (names,
 * types, defaults, option values, bounds, when they show), are compared with a committed
 * snapshot; texts (labels, descriptions, actions) may change freely. A change belongs in a new
 * node version (CONTRIBUTING.md, "A new node version").
 */
import type { INodeProperties, INodePropertyCollection, INodeTypeDescription } from 'n8n-workflow';

import { SonoranCad } from '../nodes/SonoranCad/SonoranCad.node';
import { SonoranCadCallTrigger } from '../nodes/SonoranCadCallTrigger/SonoranCadCallTrigger.node';
import { SonoranCadTrigger } from '../nodes/SonoranCadTrigger/SonoranCadTrigger.node';
import { readSnapshot, writeNewSnapshot } from './support/description-snapshots';

type Shown = Record<string, unknown[] | undefined>;

/** Whether a `@version` display condition admits this version (a list, or n8n's `_cnd`). */
function admits(condition: unknown[], version: number): boolean {
	return condition.some((entry) => {
		if (typeof entry === 'number') return entry === version;
		const cnd = (entry as { _cnd?: Record<string, number> })._cnd ?? {};
		const checks: Record<string, (bound: number) => boolean> = {
			eq: (bound) => version === bound,
			gte: (bound) => version >= bound,
			gt: (bound) => version > bound,
			lte: (bound) => version <= bound,
			lt: (bound) => version < bound,
		};
		return Object.entries(cnd).every(([name, bound]) => checks[name]?.(bound) ?? false);
	});
}

function visibleIn(
	property: { displayOptions?: INodeProperties['displayOptions'] },
	version: number,
) {
	const show = (property.displayOptions?.show ?? {}) as Shown;
	const hide = (property.displayOptions?.hide ?? {}) as Shown;
	if (show['@version'] && !admits(show['@version'], version)) return false;
	return !(hide['@version'] && admits(hide['@version'], version));
}

/** What decides behaviour, without texts and without `@version` (the snapshot is per version). */
function shapeOf(property: INodeProperties, version: number): Record<string, unknown> {
	const { show, hide } = property.displayOptions ?? {};
	const withoutVersion = (shown?: Shown) => {
		if (!shown) return undefined;
		const rest = Object.fromEntries(Object.entries(shown).filter(([name]) => name !== '@version'));
		return Object.keys(rest).length ? rest : undefined;
	};
	const options = property.options?.map((option) => {
		if ('type' in option) return shapeOf(option as INodeProperties, version);
		if ('values' in option) {
			const collection = option as INodePropertyCollection;
			return {
				name: collection.name,
				values: collection.values
					.filter((value) => visibleIn(value, version))
					.map((value) => shapeOf(value, version)),
			};
		}
		return { value: (option as { value: unknown }).value };
	});
	const { minValue, maxValue, numberPrecision, multipleValues, loadOptionsMethod } =
		property.typeOptions ?? {};
	return JSON.parse(
		JSON.stringify({
			name: property.name,
			type: property.type,
			default: property.default,
			required: property.required,
			noDataExpression: property.noDataExpression,
			show: withoutVersion(show as Shown),
			hide: withoutVersion(hide as Shown),
			bounds: { minValue, maxValue, numberPrecision, multipleValues, loadOptionsMethod },
			modes: property.modes?.map((mode) => mode.name),
			options,
		}),
	) as Record<string, unknown>;
}

function versionsOf(description: INodeTypeDescription): number[] {
	return Array.isArray(description.version) ? description.version : [description.version];
}

const nodes = [new SonoranCad(), new SonoranCadTrigger(), new SonoranCadCallTrigger()];

describe('each node version keeps its parameters', () => {
	const cases = nodes.flatMap(({ description }) =>
		versionsOf(description).map((version) => [description.name, version, description] as const),
	);

	it.each(cases)('%s version %s matches its committed snapshot', (name, version, description) => {
		const snapshot = description.properties
			.filter((property) => visibleIn(property, version))
			.map((property) => shapeOf(property, version));
		if (writeNewSnapshot(name, version, snapshot)) return;
		const committed = readSnapshot(name, version);
		if (committed === undefined) {
			throw new Error(
				`${name} version ${version} has no snapshot: run WRITE_DESCRIPTION_SNAPSHOTS=1 npx jest test/versions.test.ts and commit it`,
			);
		}
		// A difference here changes saved workflows: add a node version instead (CONTRIBUTING.md).
		expect(snapshot).toEqual(committed);
	});

	it('a changed default or option value of an existing version is caught', () => {
		const { description } = new SonoranCad();
		const current = description.properties.map((property) => shapeOf(property, 1));
		const changed = structuredClone(description.properties);
		changed[0].default = 'call';
		expect(changed.map((property) => shapeOf(property, 1))).not.toEqual(current);
		const renamed = structuredClone(description.properties);
		(renamed[0].options![0] as { value: string }).value = 'units';
		expect(renamed.map((property) => shapeOf(property, 1))).not.toEqual(current);
		// Texts are free to change.
		const relabelled = structuredClone(description.properties);
		relabelled[0].displayName = 'What';
		expect(relabelled.map((property) => shapeOf(property, 1))).toEqual(current);
	});

	it('the snapshots hold the parameters that decide behaviour', () => {
		const kick = readSnapshot('sonoranCad', 1) as Array<Record<string, unknown>>;
		const batchSizes = JSON.stringify(kick).match(
			/"name":"batchSize","type":"number","default":100/g,
		);
		expect(batchSizes?.length).toBeGreaterThan(0);
		expect(kick.find((property) => property.name === 'resource')).toMatchObject({
			default: 'unit',
		});
	});
});
