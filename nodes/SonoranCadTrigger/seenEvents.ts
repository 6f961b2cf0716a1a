import type { IWebhookFunctions } from 'n8n-workflow';

/**
 * How long an event ID is remembered. Sonoran keeps a pending action for 60 s, so a repeated
 * push comes within that; ten minutes leaves room for clocks and slow forwarders.
 */
const REMEMBER_MS = 10 * 60_000;
/** At most this many IDs per trigger in the workflow's static data (a few KB). */
const MAX_REMEMBERED = 500;

type Seen = Record<string, number>;

/** This process's memory, so that two pushes of one event arriving together start one execution. */
const inProcess = new Map<string, Seen>();

function recent(seen: Seen, now: number): Seen {
	return Object.fromEntries(
		Object.entries(seen)
			.filter(([, at]) => now - at < REMEMBER_MS)
			.slice(-MAX_REMEMBERED),
	);
}

/**
 * Whether this trigger saw this event ID before; remembers it either way. The workflow's static
 * data is saved by n8n after each production webhook call and read by every process, so a repeat
 * that reaches another main or webhook process is caught too.
 */
export function seenBefore(ctx: IWebhookFunctions, eventId: string, now = Date.now()): boolean {
	const staticData = ctx.getWorkflowStaticData('node');
	const stored = (staticData.panelEventsSeen ?? {}) as Seen;
	const processKey = `${ctx.getWorkflow().id ?? ''}|${ctx.getNode().id}`;
	const local = inProcess.get(processKey) ?? {};
	const known = (seen: Seen) => Object.prototype.hasOwnProperty.call(seen, eventId);
	const seen = known(stored) || known(local);
	staticData.panelEventsSeen = recent({ ...stored, [eventId]: now }, now);
	inProcess.set(processKey, recent({ ...local, [eventId]: now }, now));
	return seen;
}
