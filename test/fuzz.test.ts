/**
 * Fuzzing every operation's parameters (fast-check) through n8n-core against the emulator, with
 * what a careless or hostile workflow gives: text where numbers go, NaN, Infinity, negative,
 * fractional and huge numbers, objects and lists where text goes, `__proto__` names and `..` keys.
 * Every run ends, every input item is answered and paired to its item (or the run stops on an
 * Option, naming it), no request carries an empty batch, and Object.prototype stays untouched.
 */
import fc from 'fast-check';
import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { resources } from '../nodes/SonoranCad/resources';
import { requestPolicyOptions } from '../nodes/SonoranCad/parameters/requestOptions';
import { emulatorWithUnits, runSteps, type Emulator } from './support/fixtures';
import { FUZZ_RUNS } from './support/fuzz-runs';

const HOSTILE: unknown[] = [
	'abc',
	'',
	' ',
	'..',
	'__proto__',
	'a.__proto__.polluted',
	'constructor.prototype.polluted',
	'={{ NaN }}',
	'={{ Infinity }}',
	'={{ -1 }}',
	'={{ 1.5 }}',
	'={{ 1e21 }}',
	'={{ 2 ** 64 }}',
	'={{ {} }}',
	'={{ [] }}',
	'={{ null }}',
	'={{ ["..", "__proto__"] }}',
	'={{ JSON.parse(\'{"__proto__": {"polluted": "yes"}}\') }}',
	'={{ $json.value }}',
	-1,
	0,
	1.5,
	1e21,
	true,
	{},
	[],
];

/** The policy stays fast here: Options out of bounds have their own tests. */
const FAST_POLICY = { intervalMs: 0, retryDelayMs: 10, maxRetries: 0, timeoutMs: 3000 };
const POLICY_NAMES = new Set(requestPolicyOptions.map((option) => option.name));

const hostile = fc.constantFrom(...HOSTILE);

/** Runs per operation, a few ms each. */
const RUNS = FUZZ_RUNS;

/** Values that pass the checks, so that runs also reach Sonoran with hostile values beside them. */
const PLAUSIBLE: Record<string, unknown> = {
	serverId: '1',
	apiId: 'STEAM:1',
	communityUserId: 'cu-1',
	account: 'cu-1',
	units: 'cu-1',
	reason: 'afk',
	callId: '1',
	caller: 'Clerk',
	location: 'Legion Square',
	description: 'Shots fired',
	title: 'Robbery',
	note: 'On scene',
	panelKey: 'doors',
	instanceKey: 'default',
	state: '{"locked": true}',
	definition: '{"name": "Doors", "body": []}',
	eventId: 'event-1',
	recordId: '1',
	templateId: '1',
	first: 'John',
	last: 'Doe',
	plate: 'ABC123',
	value: 'ABC123',
	limit: 5,
	status: 2,
	code: 'CODE1',
	fields: {
		mappingMode: 'defineBelow',
		value: { 'first-name': '={{ $json.value }}', 'last-name': 'Doe' },
		schema: [],
	},
};

/** A parameter's plausible value, else its default. */
const plausible = (property: INodeProperties) =>
	fc.constant(property.name in PLAUSIBLE ? PLAUSIBLE[property.name] : property.default);

/** Hostile one time in three; else plausible, so that requests go out too. */
const valueOrHostile = (property: INodeProperties) =>
	fc.oneof({ weight: 1, arbitrary: hostile }, { weight: 2, arbitrary: plausible(property) });

/** A value for one parameter: hostile, or (for a list of choices) sometimes a valid choice. */
function valueFor(property: INodeProperties): fc.Arbitrary<unknown> {
	if (property.type === 'resourceLocator') {
		const modes = (property.modes ?? []).map((mode) => mode.name);
		return fc.record({
			__rl: fc.constant(true),
			mode: fc.constantFrom(...(modes.length ? modes : ['id'])),
			value: valueOrHostile(property),
		});
	}
	if (property.type === 'collection') {
		const own = (property.options as INodeProperties[]).filter(
			(option) => !POLICY_NAMES.has(option.name),
		);
		return fc
			.subarray(own)
			.chain((chosen) =>
				fc.tuple(...chosen.map((option) => valueFor(option).map((value) => [option.name, value]))),
			)
			.map((entries) => ({ ...Object.fromEntries(entries), ...FAST_POLICY }));
	}
	if (property.type === 'fixedCollection') {
		const [group] = property.options as Array<{ name: string; values: INodeProperties[] }>;
		const entry = fc.tuple(
			...group.values.map((value) => valueFor(value).map((v) => [value.name, v])),
		);
		return fc
			.array(entry.map(Object.fromEntries), { maxLength: 3 })
			.map((entries) => ({ [group.name]: entries }));
	}
	const choices = (property.options ?? [])
		.map((option) => (option as { value?: unknown }).value)
		.filter((value) => value !== undefined);
	return choices.length
		? fc.oneof(
				{ weight: 2, arbitrary: fc.constantFrom(...choices) },
				{ weight: 1, arbitrary: hostile },
			)
		: valueOrHostile(property);
}

const operations = resources.flatMap((resource) =>
	resource.operations.map((operation) => ({
		label: `${resource.option.name} → ${operation.option.name}`,
		resource: resource.option.value,
		operation: operation.option.value,
		properties: operation.properties,
	})),
);

const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort();

/** Requests that carry an empty batch: `[]`, `data: []` (but Get Version's), `callIds: []`. */
function emptyBatches(emulator: Emulator, from: number): string[] {
	return emulator.requests
		.slice(from)
		.filter(
			(request) =>
				request.rawBody.trim() === '[]' ||
				/"(callIds|identIds|units|ids|updates)":\[\]/.test(request.rawBody) ||
				// v1's data array (v2's blip menu `data: []` clears the menu, as documented).
				(/"data":\[\]/.test(request.rawBody) &&
					!request.path.startsWith('/v2/') &&
					!request.path.endsWith('get_version')),
		)
		.map((request) => `${request.method} ${request.path} ${request.rawBody}`);
}

/** The operations that answer zero or more items per input item (one per thing found). */
const LISTINGS = new Set([
	'getActiveUnits',
	'getAccountUnits',
	'getPermissionCatalog',
	'getIdentifiers',
	'getCharacterLinks',
	'getMany',
	'getCharacters',
	'lookup',
	'getActions',
	'list',
	'getDispatchTemplates',
	'lookupCustom',
	'getBlips',
	'getInfo',
	'getPenalCodes',
	'getDatabaseSync',
	'getFiveMConfiguration',
	'getPagerConfig',
]);

const pairedTo = (item: INodeExecutionData) => (item.pairedItem as { item?: number })?.item;

/**
 * Every input item answered once, paired to itself (a listing: every output item paired to the
 * item that asked, in order); or one error naming an Option, which stops the run.
 */
function answered(output: INodeExecutionData[], count: number, listing: boolean): boolean {
	if (output.length === 1 && /^The option "/.test(String(output[0].json.error))) return true;
	if (listing) {
		const indexes = output.map(pairedTo);
		return indexes.every(
			(index, at) =>
				index !== undefined && index < count && (at === 0 || index >= indexes[at - 1]!),
		);
	}
	return output.length === count && output.every((item, index) => pairedTo(item) === index);
}

/** Errors that are the node's own failure to handle input, not an answer about the item. */
const CRASH =
	/TypeError|RangeError|Cannot read|is not a function|is not iterable|undefined is not|Maximum call stack/;

describe('fuzzing every operation’s parameters', () => {
	const before = prototypeNames();

	it('covers every operation of every resource', () => {
		expect(new Set(operations.map((operation) => operation.resource)).size).toBe(resources.length);
		expect(operations.length).toBeGreaterThanOrEqual(32);
	});

	it.each(operations.map((operation) => [operation.label, operation] as const))(
		'%s: every run ends, every item is answered, no empty batch, no prototype touched',
		async (_label, { resource, operation, properties }) => {
			const emulator = await emulatorWithUnits([], { v2RateLimits: false });
			emulator.addUnits([{ apiId: 'STEAM:1', communityUserId: 'cu-1' }]);
			emulator.panels.set('doors', { schemaVersion: 1, key: 'doors', name: 'Doors', body: [] });
			emulator.calls.createDispatch(1, { title: 'Open call' });
			const parameters = fc.record(
				Object.fromEntries(properties.map((property) => [property.name, valueFor(property)])),
			);
			const items = fc.array(fc.record({ value: hostile }), { minLength: 1, maxLength: 3 });
			let executed = 0;
			// An operation with several required parameters can draw only values n8n itself refuses
			// in one round: more rounds until some runs reach the node (at most twenty; most need one).
			for (let round = 0; round < 20 && executed === 0; round++) {
				await fc.assert(
					fc.asyncProperty(parameters, items, async (chosen, input) => {
						const from = emulator.requests.length;
						let output: INodeExecutionData[] = [];
						let failure = '';
						try {
							const run = await runSteps(emulator, input, [
								{
									name: 'Sonoran CAD',
									parameters: { resource, operation, options: FAST_POLICY, ...chosen },
									onError: 'continueRegularOutput',
								},
							]);
							output = run.output;
							executed++;
							const error = run.run.data.resultData.error;
							if (error) failure = `${error.message} ${String(error.description ?? '')}`;
						} catch (error) {
							// n8n refused the workflow before running it (a parameter its own checks refuse).
							expect(String(error)).toMatch(/WorkflowHasIssuesError|has issues/);
							expect(emulator.requests.length).toBe(from);
							return;
						}
						expect(prototypeNames()).toEqual(before);
						expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
						expect(emptyBatches(emulator, from)).toEqual([]);
						const texts = [failure, ...output.map((item) => String(item.json.error ?? ''))];
						expect(texts.filter((text) => CRASH.test(text))).toEqual([]);
						if (!failure)
							expect(answered(output, input.length, LISTINGS.has(String(operation)))).toBe(true);
					}),
					{ numRuns: RUNS },
				);
			}
			// Runs reach the node: n8n's own checks refuse only some parameter values.
			expect(executed).toBeGreaterThan(0);
		},
		60_000,
	);
});
