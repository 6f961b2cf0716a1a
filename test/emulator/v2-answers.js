'use strict';
/** How the v2 API answers: JSON, and errors as `application/problem+json`. */

function json(status, value, headers = {}) {
	return {
		status,
		body: JSON.stringify(value),
		headers: { 'content-type': 'application/json', ...headers },
	};
}

function problem(status, title, detail, headers = {}) {
	return {
		status,
		body: JSON.stringify({
			type: 'about:blank',
			title,
			status,
			detail,
			instance: '',
			traceId: 'emulator',
		}),
		headers: { 'content-type': 'application/problem+json', ...headers },
	};
}

module.exports = { json, problem };
