'use strict';
/**
 * Runs a credential type's declarative `test` the way n8n's credential tester does (its
 * CredentialsTester lives in the unpublished CLI package): the test request becomes the routing
 * of a temporary node, n8n-core's RoutingNode sends it with the credential applied, and the
 * `rules` turn an error status or a matching success answer into the message the user sees.
 */
const { ExecuteContext, RoutingNode } = require('n8n-core');
const { Workflow, NodeHelpers } = require('n8n-workflow');

const { INSTANCE_URLS, TestCredentialsHelper, withDefaults } = require('./n8n-harness');

/**
 * @returns {Promise<{status: 'OK' | 'Error', message: string}>}
 */
async function testCredential(CredentialClass, data) {
	const credentialType = new CredentialClass();
	const { request, rules = [] } = credentialType.test;
	/** @type {import('n8n-workflow').INodeType} */
	const tempType = {
		description: {
			displayName: 'Temp',
			name: 'temp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Temp' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request } },
			],
		},
	};
	/** @type {import('n8n-workflow').INode} */
	const node = {
		id: 'temp',
		name: 'Temp',
		type: 'temp',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialType.name]: { id: 'tested', name: 'tested' } },
	};
	/** @type {import('n8n-workflow').INodeTypes} */
	const nodeTypes = {
		getByName: () => tempType,
		getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(tempType, 1),
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const credentials = withDefaults(credentialType, data);
	// The parts of n8n's additional data a declarative credential test uses.
	const additionalData = /** @type {import('n8n-workflow').IWorkflowExecuteAdditionalData} */ (
		/** @type {unknown} */ ({
			credentialsHelper: new TestCredentialsHelper(
				{ [credentialType.name]: credentialType },
				{ tested: credentials },
			),
			variables: {},
			...INSTANCE_URLS,
		})
	);
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		/** @type {import('n8n-workflow').IRunExecutionData} */ ({ resultData: { runData: {} } }),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const decrypted = { id: 'tested', name: 'tested', type: credentialType.name, data: credentials };

	let response;
	try {
		response = await new RoutingNode(context, tempType, decrypted).runNode();
	} catch (error) {
		const status = error.cause?.response?.status;
		if (status !== undefined) {
			const rule = rules.find((r) => r.type === 'responseCode' && r.properties.value === status);
			if (rule) return { status: 'Error', message: rule.properties.message };
			return {
				status: 'Error',
				message: error.cause.response.statusText || `Received HTTP status code: ${status}`,
			};
		}
		return { status: 'Error', message: error.cause?.code ?? error.message };
	}
	const answer = response[0][0].json;
	for (const rule of rules) {
		if (
			rule.type === 'responseSuccessBody' &&
			valueAt(answer, rule.properties.key) === rule.properties.value
		) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/** lodash's `get` as n8n's tester uses it, for dotted keys (a key "0" of a text is its first character). */
function valueAt(value, key) {
	return String(key)
		.split('.')
		.reduce(
			(current, part) => (current === undefined || current === null ? undefined : current[part]),
			value,
		);
}

module.exports = { testCredential };
