import type { IExecuteFunctions } from 'n8n-workflow';
import { FortinetError } from './errors';

/** Reads `returnAll` / `limit`; undefined means no limit. */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	const limit = Number(context.getNodeParameter('limit', itemIndex, 50));
	if (!Number.isInteger(limit) || limit < 1) {
		throw new FortinetError({
			kind: 'parameter',
			message: `Limit must be a whole number of at least 1, not ${JSON.stringify(limit)}`,
			description: 'Set Limit to 1 or more, or enable Return All.',
		});
	}
	return limit;
}

/**
 * Parses a list of whole numbers: "1, 2,3", a number, or an array from an
 * expression. Empty means "all". `1,,x` is refused, naming the bad entry.
 */
export function parseIdList(raw: unknown, label: string): number[] {
	const entries = Array.isArray(raw)
		? raw.map((value) => String(value).trim())
		: String(raw ?? '')
				.split(',')
				.map((value) => value.trim());
	if (entries.length === 1 && entries[0] === '') return [];
	const ids: number[] = [];
	for (const [index, entry] of entries.entries()) {
		if (!/^\d+$/.test(entry)) {
			throw new FortinetError({
				kind: 'parameter',
				message: `${label} must be whole numbers separated by commas: entry ${index + 1} is ${entry === '' ? 'empty' : `"${entry}"`}`,
				description: `Write the IDs as whole numbers separated by commas, like "1, 2, 15".`,
			});
		}
		ids.push(Number(entry));
	}
	return ids;
}
