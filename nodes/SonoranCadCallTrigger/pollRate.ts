import type { IDataObject } from 'n8n-workflow';

/**
 * How many polls a minute n8n's Poll Times make at most: each entry polls at most once a minute,
 * except a custom cron whose seconds field matches several seconds (n8n 2.x refuses those when
 * the workflow is published; older versions may run them).
 */
export function pollsPerMinute(pollTimes: IDataObject | undefined): number {
	const entries = (pollTimes?.item ?? []) as IDataObject[];
	return entries.reduce((total, entry) => total + entryPollsPerMinute(entry), 0);
}

function entryPollsPerMinute(entry: IDataObject): number {
	if (entry.mode !== 'custom') return 1;
	const fields = String(entry.cronExpression ?? '')
		.trim()
		.split(/\s+/);
	return fields.length >= 6 ? secondsFieldCount(fields[0]) : 1;
}

/** How many seconds of each minute a cron seconds field matches. */
function secondsFieldCount(field: string): number {
	return field.split(',').reduce((total, part) => {
		const [range, stepText] = part.split('/');
		const step = stepText === undefined ? 1 : Math.max(1, Number(stepText) || 1);
		let [from, to] = [0, 59];
		if (range !== '*' && range !== '?') {
			const [start, end] = range.split('-').map(Number);
			from = start;
			to = end ?? (stepText === undefined ? start : 59);
		}
		return total + Math.floor((to - from) / step) + 1;
	}, 0);
}
