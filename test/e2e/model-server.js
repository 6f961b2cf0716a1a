'use strict';
/**
 * A stand-in for an OpenAI-compatible chat model (`POST /v1/chat/completions`), on 127.0.0.1, for
 * n8n's OpenAI Chat Model pointed at it by the credential's Base URL. It does what the user's
 * message tells it, so that a test decides the tool calls: each line `CALL <tool name prefix>
 * <JSON arguments>` becomes one tool call of the first offered tool whose name starts with the
 * prefix. Once the conversation holds tool results, it answers `RESULTS` followed by each tool
 * result as n8n gave it back. Every request is kept (the tools offered, the messages) for checks.
 */
const http = require('node:http');

/** The tool calls a user message asks for, against the tools offered. */
function toolCallsFor(text, tools) {
	return text
		.split('\n')
		.map((line) => /^CALL (\S+) (.*)$/.exec(line.trim()))
		.filter(Boolean)
		.map(([, prefix, args], index) => {
			const tool = tools.find((offered) => offered.function.name.startsWith(prefix));
			if (!tool) throw new Error(`no offered tool starts with ${prefix}`);
			return {
				id: `call_${index + 1}`,
				type: 'function',
				function: { name: tool.function.name, arguments: args },
			};
		});
}

const textOf = (content) =>
	Array.isArray(content) ? content.map((part) => part.text ?? '').join('') : String(content ?? '');

/** The assistant's next message for a conversation. */
function reply(body) {
	const messages = body.messages ?? [];
	const results = messages.filter((message) => message.role === 'tool');
	if (results.length) {
		return {
			content: ['RESULTS', ...results.map((message) => textOf(message.content))].join('\n'),
		};
	}
	const user = [...messages].reverse().find((message) => message.role === 'user');
	const calls = toolCallsFor(textOf(user?.content), body.tools ?? []);
	return calls.length ? { content: null, tool_calls: calls } : { content: 'NOTHING TO DO' };
}

function completion(message) {
	return {
		id: 'chatcmpl-stand-in',
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: 'stand-in',
		choices: [
			{
				index: 0,
				message: { role: 'assistant', ...message },
				finish_reason: message.tool_calls ? 'tool_calls' : 'stop',
			},
		],
		usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
	};
}

/** The same message as Server-Sent Events, for a client that asked to stream. */
function streamed(message) {
	const chunk = (delta, finish) => ({
		id: 'chatcmpl-stand-in',
		object: 'chat.completion.chunk',
		created: Math.floor(Date.now() / 1000),
		model: 'stand-in',
		choices: [{ index: 0, delta, finish_reason: finish }],
	});
	const delta = message.tool_calls
		? {
				role: 'assistant',
				tool_calls: message.tool_calls.map((call, index) => ({ index, ...call })),
			}
		: { role: 'assistant', content: message.content };
	return [chunk(delta, null), chunk({}, message.tool_calls ? 'tool_calls' : 'stop')]
		.map((event) => `data: ${JSON.stringify(event)}\n\n`)
		.concat('data: [DONE]\n\n')
		.join('');
}

async function startModelServer() {
	/** @type {Array<{ path: string | undefined, authorization: string | undefined, body: any }>} */
	const requests = [];
	const server = http.createServer((request, response) => {
		const chunks = [];
		request.on('data', (chunk) => chunks.push(chunk));
		request.on('end', () => {
			let body = {};
			try {
				body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
			} catch {
				body = {};
			}
			requests.push({ path: request.url, authorization: request.headers.authorization, body });
			if (request.method === 'GET' && request.url?.endsWith('/models')) {
				response.writeHead(200, { 'content-type': 'application/json' });
				response.end(
					JSON.stringify({ object: 'list', data: [{ id: 'stand-in', object: 'model' }] }),
				);
				return;
			}
			if (!request.url?.endsWith('/chat/completions')) {
				response.writeHead(404, { 'content-type': 'application/json' });
				response.end(JSON.stringify({ error: { message: `no route ${request.url}` } }));
				return;
			}
			let message;
			try {
				message = reply(body);
			} catch (error) {
				response.writeHead(400, { 'content-type': 'application/json' });
				response.end(JSON.stringify({ error: { message: String(error.message) } }));
				return;
			}
			if (body.stream) {
				response.writeHead(200, { 'content-type': 'text/event-stream' });
				response.end(streamed(message));
			} else {
				response.writeHead(200, { 'content-type': 'application/json' });
				response.end(JSON.stringify(completion(message)));
			}
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		/** The credential's Base URL. */
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		/** The chat requests, in order. */
		chats: () => requests.filter((seen) => seen.path?.endsWith('/chat/completions')),
		close: async () => {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

module.exports = { startModelServer };
