import { CALL_ROUTES } from '../emulator/v2-call-routes';

/** Each calls route's limit per minute, as the emulator enforces it. */
export const CALL_ROUTE_LIMITS = Object.fromEntries(
	(CALL_ROUTES as Array<{ name: string; perMinute: number }>).map((route) => [
		route.name,
		route.perMinute,
	]),
);
