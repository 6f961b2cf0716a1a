import type {
	IAuthenticate,
	IDataObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { BASE_URL_EXPRESSION } from '../nodes/client/environments';

export class SonoranCadApi implements ICredentialType {
	name = 'sonoranCadApi';

	displayName = 'Sonoran CAD API';

	icon: Icon = {
		light: 'file:../nodes/SonoranCad/sonorancad.svg',
		dark: 'file:../nodes/SonoranCad/sonorancad.dark.svg',
	};

	documentationUrl =
		'https://docs.sonoransoftware.com/cad/api-integration/getting-started/retrieving-your-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Community ID',
			name: 'communityId',
			type: 'string',
			default: '',
			required: true,
			description: 'Shown in Sonoran CAD under Admin → In-Game Integration → API',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The community API key from Admin → In-Game Integration → API',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{
					name: 'Production',
					value: 'production',
					description: 'api.sonorancad.com, what every live community uses',
				},
				{
					name: 'Staging',
					value: 'staging',
					description: "Sonoran's staging API (staging-api.dev.sonorancad.com)",
				},
				{
					name: 'Custom URL',
					value: 'custom',
					description: 'A proxy in front of Sonoran, or a local emulator for testing',
				},
			],
			default: 'production',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:8080',
			description: 'API root without a path, for example http://127.0.0.1:8080',
			displayOptions: { show: { environment: ['custom'] } },
		},
	];

	/**
	 * Sonoran's v1 API takes the community ID and key in the JSON body; its v2 API (paths under
	 * /v2/) takes only the key, as a Bearer token. Each request gets only what its API needs.
	 */
	authenticate: IAuthenticate = async (credentials, requestOptions) => {
		const url = `${requestOptions.baseURL ?? ''}${requestOptions.url ?? ''}`;
		if (/\/v2\//.test(url)) {
			return {
				...requestOptions,
				headers: {
					...requestOptions.headers,
					Authorization: `Bearer ${String(credentials.apiKey)}`,
				},
			};
		}
		const body = (requestOptions.body ?? {}) as IDataObject;
		return {
			...requestOptions,
			body: { ...body, id: String(credentials.communityId), key: String(credentials.apiKey) },
		};
	};

	// GET_VERSION is the only endpoint open to every plan, and its answer starts with the plan
	// number. n8n's tester can match a status code, or one value of the answer: for a text answer
	// key "0" is its first character, which tells a plan digit from "Backend Service Reached".
	// The tester reads each rule by its own type, so one list holds both kinds, which n8n's
	// declared type (one kind per list) cannot express.
	test: ICredentialTestRequest = {
		request: {
			baseURL: `=${BASE_URL_EXPRESSION}`,
			url: '/general/get_version',
			method: 'POST',
			body: { type: 'GET_VERSION', data: [] },
			// Keep the answer as text: a bare "2" would otherwise be parsed into a number.
			encoding: 'text',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message:
						'Sonoran CAD refused these credentials (INVALID COMMUNITY ID, INVALID API KEY or API IS NOT ENABLED FOR THIS COMMUNITY). Copy the Community ID and API Key again from Admin → In-Game Integration → API, and check that the API is enabled for the community.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 429,
					message: 'Sonoran CAD is rate limiting this API key. Wait a minute and test again.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: '0',
					value: 'B',
					message:
						'The Base URL answered "Backend Service Reached", so it does not point at the API root. Use the root URL without any path, for example https://api.sonorancad.com.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: '0',
					value: 'S',
					message:
						'The Base URL answered "Sonoran CAD: Backend Service Reached", so it does not point at the API root. Use the root URL without any path, for example https://api.sonorancad.com.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: '0',
					value: '0',
					message:
						'The credentials work, but the community is on the FREE plan. Kicking units needs the STANDARD plan or higher.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: '0',
					value: '1',
					message:
						'The credentials work, but the community is on the STARTER plan. Kicking units needs the STANDARD plan or higher.',
				},
			},
		] as unknown as ICredentialTestRequest['rules'],
	};
}
