'use strict';
/**
 * Runs real workflows in-process through n8n-core's WorkflowExecute, the way n8n runs them:
 * real parameter and expression resolution, real node execution contexts and helpers, real
 * HTTP through n8n's request stack. What n8n keeps in its CLI package (credential storage and
 * the credentials helper) is written here, applying each credential type's own `authenticate`.
 *
 * Used by the jest suites and by `npm run demo` (which loads the built package from dist/).
 */
const { emulatorCredentialData } = require('./emulator-credential');
const os = require('node:os');
const path = require('node:path');
const fs = require('node:fs');

// n8n-core writes an instance config under the user folder; keep it out of the home folder.
// jest's global setup makes one for a whole run (and removes it); anything else gets its own,
// removed when the process exits.
if (!process.env.N8N_USER_FOLDER) {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'sonorancad-n8n-'));
	process.env.N8N_USER_FOLDER = userFolder;
	process.on('exit', () => fs.rmSync(userFolder, { recursive: true, force: true }));
}
// n8n logs every node error; the suites assert on errors, so by default that log stays quiet.
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL ?? 'silent';

const {
	ExecutionLifecycleHooks,
	Credentials,
	LoadOptionsContext,
	PollContext,
	WebhookContext,
	WorkflowExecute,
} = require('n8n-core');
const { ICredentialsHelper, NodeHelpers, Workflow, isExpression } = require('n8n-workflow');
// The Poll Times parameter that n8n's node loader adds to every polling node.
const { commonPollingParameters } = require('n8n-core/dist/nodes-loader/constants');

const PACKAGE = 'n8n-nodes-sonorancad';
const SOURCE_NODE_TYPE = 'test.itemSource';

/**
 * A start node that emits the items it is configured with, standing in for a trigger such as
 * Webhook or Schedule (whose output is just items).
 */
class ItemSource {
	description = {
		displayName: 'Item Source',
		name: 'itemSource',
		group: ['trigger'],
		version: 1,
		description: 'Emits fixed items',
		defaults: { name: 'Item Source' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	/** @this {import('n8n-workflow').IExecuteFunctions} */
	async execute() {
		const raw = this.getNodeParameter('items', 0);
		const items = typeof raw === 'string' ? JSON.parse(raw) : raw;
		return [items.map((json, index) => ({ json, pairedItem: { item: index } }))];
	}
}

function nodeTypesFor(nodeClasses) {
	const byName = { [SOURCE_NODE_TYPE]: new ItemSource() };
	for (const NodeClass of nodeClasses) {
		const instance = new NodeClass();
		// As n8n's DirectoryLoader.applySpecialNodeParameters does when it loads a package.
		if (instance.description.polling) {
			instance.description.properties.unshift(...commonPollingParameters);
		}
		byName[`${PACKAGE}.${instance.description.name}`] = instance;
	}
	return {
		getByName: (type) => byName[type],
		getByNameAndVersion: (type, version) => {
			if (!byName[type]) throw new Error(`Unknown node type ${type}`);
			return NodeHelpers.getVersionedNodeType(byName[type], version);
		},
		getKnownTypes: () => ({}),
	};
}

/** Credential values with each property's default applied, as n8n does on decryption. */
function withDefaults(credentialType, data) {
	const values = {};
	for (const property of credentialType.properties) values[property.name] = property.default;
	return { ...values, ...data };
}

class TestCredentialsHelper extends ICredentialsHelper {
	/**
	 * @param credentialTypes instances by type name
	 * @param stored credential data by credential id
	 */
	constructor(credentialTypes, stored) {
		super();
		this.credentialTypes = credentialTypes;
		this.stored = stored;
	}

	typeNamed(name) {
		const type = this.credentialTypes[name];
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	getParentTypes() {
		return [];
	}

	isCredentialUsableByNode() {
		return true;
	}

	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const { authenticate } = this.typeNamed(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate?.type !== 'generic') return requestOptions;
		const resolve = (value) => {
			if (!isExpression(value)) return value;
			const resolved = workflow.expression.getSimpleParameterValue(
				node,
				value,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
			return resolved ? resolved.toString() : '';
		};
		for (const [target, entries] of Object.entries(authenticate.properties)) {
			requestOptions[target] = requestOptions[target] ?? {};
			for (const [key, value] of Object.entries(entries))
				requestOptions[target][resolve(key)] = resolve(value);
		}
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(nodeCredentials, type) {
		return new Credentials({ id: nodeCredentials.id, name: nodeCredentials.name }, type, '');
	}

	async getDecrypted(_additionalData, nodeCredentials, type) {
		const data = this.stored[nodeCredentials.id];
		if (!data) throw new Error(`No stored credential ${nodeCredentials.id}`);
		return withDefaults(this.typeNamed(type), data);
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type) {
		return this.typeNamed(type).properties;
	}
}

/** What n8n's CLI keeps: the stored credentials, applied with each credential type's own rules. */
function credentialsHelperFor(credentialClasses, credentials) {
	const credentialTypes = {};
	for (const CredentialClass of credentialClasses) {
		const instance = new CredentialClass();
		credentialTypes[instance.name] = instance;
	}
	return new TestCredentialsHelper(credentialTypes, credentials);
}

/** The instance URLs n8n-core needs to be valid (it builds webhook and resume URLs from them). */
const INSTANCE_URLS = {
	restApiUrl: 'http://127.0.0.1:5678/rest',
	instanceBaseUrl: 'http://127.0.0.1:5678/',
	webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
	webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
	webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
	formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
};

/**
 * The parts of n8n's IWorkflowExecuteAdditionalData that running the package's nodes uses; the
 * rest belongs to n8n's server (its database, push connections, sub-workflows).
 * @returns {import('n8n-workflow').IWorkflowExecuteAdditionalData}
 */
function additionalDataFor(credentialsHelper, workflowData, executionId) {
	return /** @type {import('n8n-workflow').IWorkflowExecuteAdditionalData} */ ({
		...INSTANCE_URLS,
		executionId,
		userId: 'test-user',
		credentialsHelper,
		hooks: new ExecutionLifecycleHooks('manual', executionId, workflowData),
		variables: {},
		currentNodeParameters: undefined,
	});
}

let executionCounter = 0;

/**
 * Runs "Item Source → Sonoran CAD" (or any nodes given) and resolves with n8n's IRun.
 * @param {object} options
 * @param {Function[]} options.nodeClasses the package's node classes (source or dist)
 * @param {Function[]} options.credentialClasses the package's credential classes
 * @param {Record<string, object>} options.credentials stored credential data by id
 * @param {object[]} options.nodes workflow nodes; types `n8n-nodes-sonorancad.<name>` or `test.itemSource`
 * @param {object} options.connections workflow connections
 * @param {string} options.startNode name of the node to start from
 * @param {(execution: {cancel: () => void}) => void} [options.onStart] gets a handle to cancel the run
 */
async function runWorkflow({
	nodeClasses,
	credentialClasses,
	credentials,
	nodes,
	connections,
	startNode,
	onStart,
}) {
	const workflowData = { id: 'test-workflow', name: 'test', nodes, connections, active: false };
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes,
		connections,
		active: false,
		nodeTypes: nodeTypesFor(nodeClasses),
		settings: { executionOrder: 'v1' },
	});
	const executionId = String(++executionCounter);
	const additionalData = additionalDataFor(
		credentialsHelperFor(credentialClasses, credentials),
		workflowData,
		executionId,
	);
	const execution = new WorkflowExecute(additionalData, 'manual').run({
		workflow,
		startNode: workflow.getNode(startNode),
	});
	onStart?.({ cancel: () => execution.cancel() });
	return await execution;
}

/**
 * Runs "Webhook Items → Sonoran CAD → …" with a credential pointing at a local emulator.
 * @param {object} options
 * @param {{nodeClasses: Function[], credentialClasses: Function[]}} options.classes from source or dist
 * @param {{url: string, communityId: string, apiKey: string}} options.emulator
 * @param {object[]} options.items what the trigger emits
 * @param {Array<{name: string, parameters: object, settings?: object}>} options.steps Sonoran CAD
 *   nodes, chained in order after the trigger; `settings` are node settings such as `onError`
 * @param {object} [options.credential] overrides of the stored credential data
 * @param {(execution: {cancel: () => void}) => void} [options.onStart] see runWorkflow
 */
async function runAgainstEmulator({ classes, emulator, items, steps, credential, onStart }) {
	const source = sourceNode(items);
	return await runWorkflow({
		...classes,
		credentials: { 'cred-1': emulatorCredentialData(emulator, credential) },
		nodes: [
			source,
			...steps.map((step, i) =>
				packageNode('sonoranCad', step.parameters, {
					name: step.name,
					settings: step.settings,
					position: [200 * (i + 1), 0],
				}),
			),
		],
		connections: chain(source.name, ...steps.map((step) => step.name)),
		startNode: source.name,
		onStart,
	});
}

/**
 * Calls a trigger node's `webhook()` through n8n-core's real WebhookContext, as n8n does when a
 * request reaches the node's URL, with a minimal stand-in for Express's request and response.
 * @param {{ nodeClass: any, credentialClasses: Function[], credentials: Record<string, object>,
 *   parameters: object, body: unknown, headers?: Record<string, string>,
 *   query?: Record<string, unknown>, staticData?: import('n8n-workflow').IDataObject }} options
 *   `query` is the request's query string; `staticData` the workflow's, kept between calls when given
 * @returns {Promise<{status: number | undefined, body: unknown, result: import("n8n-workflow").IWebhookResponseData, staticData: import("n8n-workflow").IDataObject}>}
 */
async function callWebhook({
	nodeClass,
	credentialClasses,
	credentials,
	parameters,
	body,
	headers = {},
	query = {},
	staticData,
}) {
	const nodeType = new nodeClass();
	const node = packageNode(nodeType.description.name, parameters, { name: 'Trigger' });
	const workflow = new Workflow({
		id: 'webhook-workflow',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: nodeTypesFor([nodeClass]),
		settings: { executionOrder: 'v1' },
		// As n8n loads it with the saved workflow for each call: kept between calls when given.
		staticData,
	});
	const sent = { status: undefined, body: undefined };
	const response = {
		status(code) {
			sent.status = code;
			return response;
		},
		json(value) {
			sent.body = value;
			return response;
		},
		end() {
			return response;
		},
	};
	const additionalData = {
		...additionalDataFor(
			credentialsHelperFor(credentialClasses, credentials),
			{ nodes: [node], connections: {} },
			'webhook',
		),
		httpRequest: {
			body,
			headers: { 'content-type': 'application/json', ...headers },
			params: {},
			query,
		},
		httpResponse: response,
	};
	/** @type {import('n8n-workflow').IWebhookData} */
	const webhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: 'event',
		webhookDescription: nodeType.description.webhooks[0],
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
	};
	const context = new WebhookContext(
		workflow,
		node,
		additionalData,
		'webhook',
		webhookData,
		[],
		null,
	);
	const result = await nodeType.webhook.call(context);
	return { status: sent.status, body: sent.body, result, staticData: workflow.staticData };
}

/**
 * A polling trigger in an active workflow, polled as n8n's scheduler polls it: each `poll()`
 * calls the node's `poll()` through n8n-core's real PollContext, and the workflow's static data
 * lives on between polls as it does in n8n.
 * @param {object} options
 * @param {new () => import('n8n-workflow').INodeType} options.nodeClass the trigger's class
 * @param {Function[]} options.credentialClasses
 * @param {Record<string, object>} options.credentials stored credential data by id
 * @param {object} options.parameters the trigger's parameters
 * @param {'trigger' | 'manual'} [options.mode] 'manual' is the editor's test run
 */
function pollingTrigger({
	nodeClass,
	credentialClasses,
	credentials,
	parameters,
	mode = 'trigger',
}) {
	const nodeTypes = nodeTypesFor([nodeClass]);
	const nodeType = nodeTypes.getByName(`${PACKAGE}.${new nodeClass().description.name}`);
	const node = packageNode(nodeType.description.name, parameters, { name: 'Trigger' });
	const workflow = new Workflow({
		id: 'polling-workflow',
		nodes: [node],
		connections: {},
		active: mode !== 'manual',
		nodeTypes,
		staticData: {},
		settings: { executionOrder: 'v1' },
	});
	const additionalData = additionalDataFor(
		credentialsHelperFor(credentialClasses, credentials),
		{ nodes: [node], connections: {} },
		'poll',
	);
	const context = () => new PollContext(workflow, node, additionalData, mode, 'activate');
	return {
		workflow,
		/** @returns {Promise<import('n8n-workflow').INodeExecutionData[][] | null>} */
		poll: async () => await nodeType.poll.call(context()),
		/** A real n8n-core context with the credential, for calling the package's client directly. */
		context,
		/** The node's static data, as n8n would save it with the workflow. */
		staticData: () => workflow.getStaticData('node', node),
	};
}

/**
 * The editor's dropdowns of a node, asked as n8n's REST API asks them when the editor opens a
 * list or a resource mapper: the node's own methods, called with n8n-core's real
 * LoadOptionsContext built from the node's current parameters.
 * @param {object} options
 * @param {new () => import('n8n-workflow').INodeType} options.nodeClass
 * @param {Function[]} options.credentialClasses
 * @param {Record<string, object>} options.credentials stored credential data by id
 * @param {object} options.parameters the node's current parameters in the editor
 */
function editorMethods({ nodeClass, credentialClasses, credentials, parameters }) {
	const nodeTypes = nodeTypesFor([nodeClass]);
	const nodeType = nodeTypes.getByName(`${PACKAGE}.${new nodeClass().description.name}`);
	const node = packageNode(nodeType.description.name, parameters, { name: 'Temp-Node' });
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const additionalData = {
		...additionalDataFor(
			credentialsHelperFor(credentialClasses, credentials),
			{ nodes: [node], connections: {} },
			'load-options',
		),
		currentNodeParameters: parameters,
	};
	const context = (path) => new LoadOptionsContext(workflow, node, additionalData, path);
	return {
		/** @returns {Promise<import('n8n-workflow').INodeListSearchResult>} */
		listSearch: async (method, filter, path = 'parameters') =>
			await nodeType.methods.listSearch[method].call(context(path), filter),
		/** @returns {Promise<import('n8n-workflow').ResourceMapperFields>} */
		resourceMapping: async (method, path = 'parameters') =>
			await nodeType.methods.resourceMapping[method].call(context(path)),
	};
}

/** Item Source node with the given items. */
function sourceNode(items, name = 'Webhook Items') {
	return {
		id: 'source',
		name,
		type: SOURCE_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(items) },
	};
}

/**
 * A node of this package, using the credential with id `credentialId`.
 * @param {string} typeName @param {import('n8n-workflow').INodeParameters} parameters
 * @param {{ name?: string, credentialId?: string, settings?: object, position?: [number, number] }} [options]
 * @returns {import('n8n-workflow').INode}
 */
function packageNode(
	typeName,
	parameters,
	{ name = 'Sonoran CAD', credentialId = 'cred-1', settings = {}, position = [200, 0] } = {},
) {
	return {
		id: name,
		name,
		type: `${PACKAGE}.${typeName}`,
		typeVersion: 1,
		position,
		parameters,
		credentials: { sonoranCadApi: { id: credentialId, name: 'Sonoran CAD account' } },
		...settings,
	};
}

function chain(...names) {
	const connections = {};
	for (let i = 0; i < names.length - 1; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

/** The items a node put on each of its outputs in its first run. */
function outputsOf(run, nodeName) {
	const task = run.data.resultData.runData[nodeName]?.[0];
	return task?.data?.main ?? [];
}

module.exports = {
	runAgainstEmulator,
	editorMethods,
	callWebhook,
	pollingTrigger,
	outputsOf,
	INSTANCE_URLS,
	withDefaults,
	TestCredentialsHelper,
};
