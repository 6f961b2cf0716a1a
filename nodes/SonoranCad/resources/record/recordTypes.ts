/** Sonoran's record kinds (a template's `type`), as its Create Record and Lookup pages number them. */
export const RECORD_TYPES: Array<{ name: string; value: number }> = [
	{ name: 'Warrant', value: 2 },
	{ name: 'BOLO', value: 3 },
	{ name: 'License', value: 4 },
	{ name: 'Vehicle Registration', value: 5 },
	{ name: 'Character', value: 7 },
	{ name: 'Police Record', value: 8 },
	{ name: 'Police Report', value: 9 },
	{ name: 'Medical Record', value: 10 },
	{ name: 'Medical Report', value: 11 },
	{ name: 'Fire Record', value: 12 },
	{ name: 'Fire Report', value: 13 },
	{ name: 'DMV Record', value: 14 },
	{ name: 'Lawyer Record', value: 15 },
	{ name: 'Lawyer Report', value: 16 },
];

export function recordTypeName(type: unknown): string | undefined {
	return RECORD_TYPES.find((recordType) => recordType.value === Number(type))?.name;
}
