import type { INodeExecutionData, IRun } from 'n8n-workflow';

import { SonoranCadApi } from '../../credentials/SonoranCadApi.credentials';
import { SonoranCad } from '../../nodes/SonoranCad/SonoranCad.node';
import { startEmulator } from '../emulator/sonoran-emulator';
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

export interface KickRun {
	run: IRun;
	/** Items on the node's first (regular) output. */
	output: INodeExecutionData[];
	/** Items on the error output, when the node routes errors there. */
	errorOutput: INodeExecutionData[];
}

export interface KickOptions {
	items: object[];
	parameters?: Record<string, unknown>;
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	credential?: Record<string, unknown>;
	onStart?: (execution: { cancel: () => void }) => void;
}

/** Runs "Webhook Items → Sonoran CAD (Unit → Kick)" through n8n-core against the emulator. */
export async function runKick(emulator: Emulator, options: KickOptions): Promise<KickRun> {
	const run = (await runAgainstEmulator({
		classes: { nodeClasses: [SonoranCad], credentialClasses: [SonoranCadApi] },
		emulator,
		items: options.items,
		parameters: { resource: 'unit', operation: 'kick', ...options.parameters },
		settings: options.onError ? { onError: options.onError } : {},
		credential: options.credential,
		onStart: options.onStart,
	})) as IRun;
	const [output = [], errorOutput = []] = outputsOf(run, 'Sonoran CAD') as INodeExecutionData[][];
	return { run, output, errorOutput };
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
