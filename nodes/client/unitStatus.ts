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
