import * as endpoints from '../nodes/client/endpoints';
import { pathOf, type Endpoint } from '../nodes/client/endpoints';
import { paceFor } from '../nodes/client/pacing';
import { ROUTES } from './emulator/v2-routes';

/** A value for every parameter a v2 route names. */
const PARAMS = {
	serverId: 1,
	callId: 5,
	panelKey: 'doors',
	instanceKey: 'default',
	eventId: '11111111-1111-1111-1111-111111111111',
	recordId: 1000,
	recordTypeId: 4,
	accountUuid: '00000000-0000-0000-0000-000000000000',
	identId: 12,
	groupName: 'CAR-51',
	characterId: 2451,
	syncId: 'citizen:1234',
	templateId: 2,
	blipId: 32,
};

const v2Endpoints = Object.entries(endpoints).filter(
	(entry): entry is [string, Endpoint] =>
		typeof entry[1] === 'object' && entry[1] !== null && (entry[1] as Endpoint).api === 'v2',
);

interface Route {
	name: string;
	method: string;
	pattern: RegExp;
	perMinute: number;
}

function routeOf(endpoint: Endpoint): Route {
	const path = `/${pathOf(endpoint, PARAMS)}`;
	const route = (ROUTES as Route[]).find(
		(candidate) => candidate.method === endpoint.method && candidate.pattern.test(path),
	);
	if (!route) throw new Error(`The emulator has no route for ${endpoint.method} ${path}`);
	return route;
}

describe("The table of endpoints against Sonoran's documented limits (as the emulator enforces them)", () => {
	it.each(v2Endpoints)("%s is paced at its route's limit a minute", (_name, endpoint) => {
		const route = routeOf(endpoint);
		expect(endpoint.perMinute).toBe(route.perMinute);
		expect(paceFor(endpoint, undefined)).toMatchObject({ perMinute: route.perMinute });
	});

	it('paces endpoints that share one limit as one, and no others', () => {
		const scopeOf = (endpoint: Endpoint) => paceFor(endpoint, undefined).scope;
		for (const [, a] of v2Endpoints) {
			for (const [, b] of v2Endpoints) {
				if (a === b) continue;
				const sameLimit = routeOf(a).name === routeOf(b).name;
				expect([a.operation, b.operation, scopeOf(a) === scopeOf(b)]).toEqual([
					a.operation,
					b.operation,
					sameLimit,
				]);
			}
		}
	});
});
