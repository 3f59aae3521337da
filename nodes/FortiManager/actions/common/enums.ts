/**
 * FortiManager enums come as numbers, or as words with `verbose: 1`
 * (fortimanager-jsonrpc.md section 3); a client must read both.
 */
export function isOneOf(value: unknown, numbers: number[], words: string[]): boolean {
	if (typeof value === 'number') return numbers.includes(value);
	if (typeof value === 'string') return words.includes(value.trim().toLowerCase()) || numbers.includes(Number(value));
	return false;
}

const TASK_STATES: Readonly<Record<number, string>> = Object.freeze({ 0: 'pending', 1: 'running', 2: 'cancelling', 3: 'cancelled', 4: 'done', 5: 'error', 6: 'aborting', 7: 'aborted', 8: 'warning', 9: 'to_continue', 10: 'unknown' });

/** A task or task line state in words: 4 / "done", 5 / "error", ... */
export function taskState(value: unknown): string {
	if (typeof value === 'number') return TASK_STATES[value] ?? String(value);
	if (typeof value === 'string' && /^\d+$/.test(value)) return TASK_STATES[Number(value)] ?? value;
	return typeof value === 'string' ? value.toLowerCase() : 'unknown';
}
