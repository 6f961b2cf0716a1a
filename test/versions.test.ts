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
import { readSnapshot, writeSnapshot } from './support/description-snapshots';

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

type Shape = Record<string, unknown>;

/** A parameter is the same one when its name and where it shows are the same. */
const identityOf = (shape: Shape) => JSON.stringify([shape.name, shape.show, shape.hide]);

/**
 * What in `current` would change a workflow saved with `committed`: a parameter removed, or its
 * type, default, bounds or modes changed, or one of its choices removed. Additions are free: a new
 * parameter, operation or choice changes no saved workflow.
 */
function changesTo(committed: Shape[], current: Shape[], path = ''): string[] {
	const byIdentity = new Map(current.map((shape) => [identityOf(shape), shape]));
	return committed.flatMap((before) => {
		const where = `${path}${String(before.name ?? before.value)}`;
		if (!('name' in before)) {
			const kept = current.some((after) => after.value === before.value && !('name' in after));
			return kept ? [] : [`${path}choice ${JSON.stringify(before.value)} removed`];
		}
		const after = byIdentity.get(identityOf(before));
		if (!after) return [`${where} removed`];
		const fields = ['type', 'default', 'required', 'noDataExpression', 'bounds', 'modes'];
		const changed = fields
			.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
			.map(
				(field) =>
					`${where}: ${field} ${JSON.stringify(before[field])} → ${JSON.stringify(after[field])}`,
			);
		const nested = ['options', 'values'].flatMap((field) =>
			Array.isArray(before[field])
				? changesTo(before[field] as Shape[], (after[field] ?? []) as Shape[], `${where} › `)
				: [],
		);
		return [...changed, ...nested];
	});
}

const nodes = [new SonoranCad(), new SonoranCadTrigger(), new SonoranCadCallTrigger()];

const snapshotOf = (description: INodeTypeDescription, version: number): Shape[] =>
	description.properties
		.filter((property) => visibleIn(property, version))
		.map((property) => shapeOf(property, version));

describe('each node version keeps its parameters', () => {
	const cases = nodes.flatMap(({ description }) =>
		versionsOf(description).map((version) => [description.name, version, description] as const),
	);

	it.each(cases)(
		'%s version %s keeps what its committed snapshot holds',
		(name, version, description) => {
			const snapshot = snapshotOf(description, version);
			const committed = readSnapshot(name, version) as Shape[] | undefined;
			// A difference here changes saved workflows: add a node version instead (CONTRIBUTING.md).
			const changes = committed ? changesTo(committed, snapshot) : [];
			expect(changes).toEqual([]);
			if (writeSnapshot(name, version, snapshot)) return;
			if (committed === undefined) {
				throw new Error(
					`${name} version ${version} has no snapshot: run WRITE_DESCRIPTION_SNAPSHOTS=1 npx jest test/versions.test.ts and commit it`,
				);
			}
		},
	);

	it('a changed default, a removed choice or a removed parameter is caught; additions and texts are free', () => {
		const { description } = new SonoranCad();
		const current = snapshotOf(description, 1);
		const changed = structuredClone(description.properties);
		changed[0].default = 'call';
		expect(changesTo(current, snapshotOf({ ...description, properties: changed }, 1))).toEqual([
			'resource: default "unit" → "call"',
		]);
		const renamed = structuredClone(description.properties);
		(renamed[0].options![0] as { value: string }).value = 'units';
		expect(changesTo(current, snapshotOf({ ...description, properties: renamed }, 1))).toEqual([
			'resource › choice "unit" removed',
		]);
		const batchSize = structuredClone(description.properties);
		const kick = batchSize.find(
			(p) => p.name === 'options' && JSON.stringify(p.displayOptions).includes('"kick"'),
		)!;
		(kick.options as INodeProperties[]).find((o) => o.name === 'batchSize')!.default = 10;
		expect(changesTo(current, snapshotOf({ ...description, properties: batchSize }, 1))).toEqual([
			'options › batchSize: default 100 → 10',
		]);
		const removed = description.properties.filter((property) => property.name !== 'resource');
		expect(changesTo(current, snapshotOf({ ...description, properties: removed }, 1))).toEqual([
			'resource removed',
		]);
		const added = structuredClone(description.properties);
		added.push({ displayName: 'New', name: 'newOne', type: 'string', default: '' });
		(added[0].options as Array<{ name: string; value: string }>).push({
			name: 'New',
			value: 'new',
		});
		added[1].displayName = 'What';
		expect(changesTo(current, snapshotOf({ ...description, properties: added }, 1))).toEqual([]);
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
