/** Unit statuses as Sonoran numbers them (communities may rename them in the CAD; numbers stay). */
const STATUS_NAMES: Record<number, string> = {
	0: 'UNAVAILABLE',
	1: 'BUSY',
	2: 'AVAILABLE',
	3: 'ENROUTE',
	4: 'ON_SCENE',
	100: 'OFFLINE',
};

export function statusName(status: number): string {
	return STATUS_NAMES[status] ?? String(status);
}

/** The statuses as a parameter's choices, by Sonoran's numbers. */
export const UNIT_STATUS_OPTIONS = [
	{ name: 'Unavailable', value: 0 },
	{ name: 'Busy', value: 1 },
	{ name: 'Available', value: 2 },
	{ name: 'En Route', value: 3 },
	{ name: 'On Scene', value: 4 },
	{ name: 'Offline', value: 100 },
];
