import type { INodeExecutionData, IRun } from 'n8n-workflow';

import { SonoranCadApi } from '../../credentials/SonoranCadApi.credentials';
import { SonoranCad } from '../../nodes/SonoranCad/SonoranCad.node';
import { startEmulator } from '../emulator/sonoran-emulator';
import { emulatorCredentialData } from './emulator-credential';
import { outputsOf, runAgainstEmulator } from './n8n-harness';

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

export const KICK_PATH = '/emergency/kick_unit';

/** Units API-ID'd U0000 … U(n-1), active on server 1. */
export function unitIds(count: number, prefix = 'U'): string[] {
	return Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
}

const started: Emulator[] = [];

/** An emulator with these units active on server 1; closed after each test (see closeEmulators). */
export async function emulatorWithUnits(
	apiIds: string[],
	settings: object = {},
): Promise<Emulator> {
	const emulator = await startEmulator({ units: apiIds.map((apiId) => ({ apiId })), ...settings });
	started.push(emulator);
	return emulator;
}

/** Registered for every suite by jest's setupFilesAfterEnv. */
export async function closeEmulators(): Promise<void> {
	await Promise.all(started.splice(0).map(async (emulator) => await emulator.close()));
}

export interface NodeRun {
	run: IRun;
	/** Items on the last node's first (regular) output. */
	output: INodeExecutionData[];
	/** Items on its error output, when the node routes errors there. */
	errorOutput: INodeExecutionData[];
}

type OnError = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

export interface KickOptions {
	items: object[];
	parameters?: Record<string, unknown>;
	onError?: OnError;
	credential?: Record<string, unknown>;
	onStart?: (execution: { cancel: () => void }) => void;
}

export interface Step {
	name: string;
	parameters: Record<string, unknown>;
	onError?: OnError;
}

/** Runs "Webhook Items → each step" through n8n-core against the emulator. */
export async function runSteps(
	emulator: Emulator,
	items: object[],
	steps: Step[],
	extra: Pick<KickOptions, 'credential' | 'onStart'> = {},
): Promise<NodeRun> {
	const run = (await runAgainstEmulator({
		classes: { nodeClasses: [SonoranCad], credentialClasses: [SonoranCadApi] },
		emulator,
		items,
		steps: steps.map((step) => ({
			name: step.name,
			parameters: step.parameters,
			settings: step.onError ? { onError: step.onError } : {},
		})),
		...extra,
	})) as IRun;
	const last = steps[steps.length - 1].name;
	const [output = [], errorOutput = []] = outputsOf(run, last) as INodeExecutionData[][];
	return { run, output, errorOutput };
}

/** No pacing, so tests do not wait out the v2 limits; the emulator still enforces them. */
export const UNPACED = { options: { intervalMs: 0, retryDelayMs: 50 } };

/** Runs "Webhook Items → Sonoran CAD (resource → operation)", unpaced unless parameters say otherwise. */
export async function runOperation(
	emulator: Emulator,
	items: object[],
	[resource, operation]: [string, string],
	parameters: Record<string, unknown>,
	onError?: OnError,
): Promise<NodeRun> {
	return await runSteps(emulator, items, [
		{
			name: 'Sonoran CAD',
			parameters: { resource, operation, ...UNPACED, ...parameters },
			onError,
		},
	]);
}

/** `runOperation` for one resource: `const runCall = resourceRunner('call')`. */
export function resourceRunner(resource: string) {
	return async (
		emulator: Emulator,
		items: object[],
		operation: string,
		parameters: Record<string, unknown>,
		onError?: OnError,
	): Promise<NodeRun> =>
		await runOperation(emulator, items, [resource, operation], parameters, onError);
}

/** The stored credential data of a credential pointing at the emulator, as the harness takes it. */
export function credentialsFor(emulator: Emulator, data: Record<string, unknown> = {}) {
	return { 'cred-1': emulatorCredentialData(emulator, data) };
}

/** Runs "Webhook Items → Sonoran CAD (Unit → Kick)". */
export async function runKick(emulator: Emulator, options: KickOptions): Promise<NodeRun> {
	return await runSteps(
		emulator,
		options.items,
		[
			{
				name: 'Sonoran CAD',
				parameters: { resource: 'unit', operation: 'kick', ...options.parameters },
				onError: options.onError,
			},
		],
		{ credential: options.credential, onStart: options.onStart },
	);
}

/** The error that stopped the run, as n8n stored it. */
export function runError(run: IRun) {
	return run.data.resultData.error as
		| { message: string; description?: string; name: string }
		| undefined;
}

/** What an error item carries: its message, and the description n8n keeps beside it. */
export function itemError(item: INodeExecutionData) {
	return { message: item.json.error, description: item.error?.description };
}
