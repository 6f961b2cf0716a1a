import type { IDataObject } from 'n8n-workflow';

import { SonoranCadApi } from '../../credentials/SonoranCadApi.credentials';
import { SonoranCad } from '../../nodes/SonoranCad/SonoranCad.node';
import type { SonoranCadCallTrigger } from '../../nodes/SonoranCadCallTrigger/SonoranCadCallTrigger.node';
import { credentialsFor, type Emulator } from './fixtures';
import { editorMethods } from './n8n-harness';

/** The dropdowns of a node with these parameters, as the editor asks them, against the emulator. */
export function editorFor(
	emulator: Emulator,
	parameters: IDataObject,
	nodeClass: typeof SonoranCad | typeof SonoranCadCallTrigger = SonoranCad,
	credential: IDataObject = {},
) {
	return editorMethods({
		nodeClass,
		credentialClasses: [SonoranCadApi],
		credentials: credentialsFor(emulator, credential),
		parameters,
	});
}

/** Requests the emulator received to one path. */
export function requestsTo(emulator: Emulator, path: string) {
	return emulator.requests.filter((request) => request.path === path);
}
