import type { INodePropertyOptions } from 'n8n-workflow';

export type EventCategory = 'unit' | 'dispatch' | '911' | 'panel' | 'other';

/** Sonoran CAD's documented push events, by category, with how the Events list names them. */
const EVENTS: Array<[string, EventCategory, string]> = [
	['EVENT_UNIT_LOGIN', 'unit', 'Unit: Logged In'],
	['EVENT_UNIT_LOGOUT', 'unit', 'Unit: Logged Out'],
	['EVENT_UNIT_STATUS', 'unit', 'Unit: Status Changed'],
	['EVENT_UNIT_PANIC', 'unit', 'Unit: Panic Button'],
	['EVENT_UNIT_GROUP_ADD', 'unit', 'Unit: Added to Group'],
	['EVENT_UNIT_GROUP_REMOVE', 'unit', 'Unit: Removed From Group'],
	['EVENT_UNIT_GROUP_CHANGE_NAME', 'unit', 'Unit: Group Renamed'],
	['EVENT_UNIT_UPDATE', 'unit', 'Unit: Updated'],
	['EVENT_DISPATCH_NEW', 'dispatch', 'Dispatch: New Call'],
	['EVENT_DISPATCH_EDIT', 'dispatch', 'Dispatch: Call Edited'],
	['EVENT_DISPATCH_CLOSED', 'dispatch', 'Dispatch: Call Closed'],
	['EVENT_DISPATCH_NOTE', 'dispatch', 'Dispatch: Note Added'],
	['EVENT_DISPATCH_TOGGLE_BODYCAM', 'dispatch', 'Dispatch: Bodycam Toggled'],
	['EVENT_DISPATCH_UNIT_ATTACH', 'dispatch', 'Dispatch: Unit Attached'],
	['EVENT_DISPATCH_UNIT_DETACH', 'dispatch', 'Dispatch: Unit Detached'],
	['EVENT_911', '911', '911: New Call'],
	['EVENT_REMOVE_911', '911', '911: Call Removed'],
	['EVENT_RECORD_ADD', 'other', 'Other: Record Added'],
	['EVENT_RECORD_EDIT', 'other', 'Other: Record Edited'],
	['EVENT_RECORD_REMOVE', 'other', 'Other: Record Removed'],
	['EVENT_STREETSIGN_UPDATED', 'other', 'Other: Street Sign Updated'],
	['EVENT_TONE', 'other', 'Other: Tone'],
	['EVENT_CHAR_SELECTED', 'other', 'Other: Character Selected'],
	['EVENT_COMMUNITY_LINK_VERIFIED', 'other', 'Other: Community Link Verified'],
	['EVENT_NEW_CALLOUT', 'other', 'Other: New Callout'],
	['EVENT_PAGER_REBORN', 'other', 'Other: Pager Reborn'],
	['EVENT_STATION_ALERT', 'other', 'Other: Station Alert'],
	['EVENT_PRINT_RECORD', 'other', 'Other: Record Printed'],
];

/**
 * A press on an Integration Panel arrives as `EVENT_PANEL_<PANEL KEY>` (upper case), one type per
 * panel: this one entry of the Events list stands for all of them.
 */
export const PANEL_ACTION = 'EVENT_PANEL_*';
const PANEL_PREFIX = 'EVENT_PANEL_';

export function isPanelEvent(event: string): boolean {
	return event.startsWith(PANEL_PREFIX) && event.length > PANEL_PREFIX.length;
}

/** The panel key a panel event's type names (Sonoran upper-cases it; keys are lower case). */
export function panelKeyOfType(event: string): string {
	return event.slice(PANEL_PREFIX.length).toLowerCase();
}

/** Requests from Sonoran that are not game events: Any Event leaves them out (GET_LOGS is support asking for logs). */
const NOT_EVENTS = ['GET_LOGS'];

/** Selecting this starts the workflow on every event, documented or new. */
export const ANY_EVENT = '*';

/** Names Sonoran has used for the same event. */
const ALIASES: Record<string, string> = { EVENT_DISPATCH_CLOSE: 'EVENT_DISPATCH_CLOSED' };

/** The event's documented name: upper case (Sonoran matches names so), aliases resolved. */
export function canonicalEvent(type: string): string {
	const upper = type.trim().toUpperCase();
	return ALIASES[upper] ?? upper;
}

/** Whether the chosen Events include this event (canonical). */
export function isChosen(chosen: string[], event: string): boolean {
	if (chosen.includes(ANY_EVENT) && !NOT_EVENTS.includes(event)) return true;
	if (isPanelEvent(event)) return chosen.includes(PANEL_ACTION);
	return chosen.map(canonicalEvent).includes(event);
}

export function categoryOf(event: string): EventCategory {
	if (isPanelEvent(event)) return 'panel';
	const known = EVENTS.find(([type]) => type === event);
	if (known) return known[1];
	if (event.startsWith('EVENT_UNIT_')) return 'unit';
	if (event.startsWith('EVENT_DISPATCH_')) return 'dispatch';
	return event.includes('911') ? '911' : 'other';
}

/** The Events list: "Any Event" and every documented event, sorted as n8n lists options. */
export const eventOptions: INodePropertyOptions[] = [
	{
		name: 'Any Event',
		value: ANY_EVENT,
		description:
			'Every push event, including ones Sonoran adds later (but not GET_LOGS, a support request)',
	},
	{
		name: 'Panel: Action',
		value: PANEL_ACTION,
		description:
			'A dispatcher pressed a control of an Integration Panel (EVENT_PANEL_ followed by the panel key): one execution per press',
	},
	...EVENTS.map(([value, , name]) => ({ name, value, description: value })),
].sort((a, b) => a.name.localeCompare(b.name));
