/** Sonoran CAD plans, as GET_VERSION numbers them (there is no 5). */
export const PLAN_NAMES: Record<number, string> = {
	0: 'FREE',
	1: 'STARTER',
	2: 'STANDARD',
	3: 'PLUS',
	4: 'PRO',
	6: 'SONORAN ONE',
};

export function planName(plan: number): string {
	return PLAN_NAMES[plan] ?? `plan ${plan}`;
}
