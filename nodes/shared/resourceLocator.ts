import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * A parameter the user picks from what the device lists (with search), types
 * (By Name / By ID), or sets by expression. Workflows saved before it was a
 * locator hold the plain value, which `locatorValue` reads the same way.
 */
export function locatorField(options: {
	displayName: string;
	name: string;
	description: string;
	searchMethod: string;
	by: 'name' | 'id';
	placeholder: string;
	required?: boolean;
	displayOptions?: INodeProperties['displayOptions'];
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
		description: options.description,
		displayOptions: options.displayOptions,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: options.searchMethod, searchable: true } },
			{ displayName: options.by === 'id' ? 'By ID' : 'By Name', name: options.by, type: 'string', placeholder: options.placeholder },
		],
	};
}

/**
 * A locator's value (or an older workflow's plain value) as trimmed text;
 * empty when unset. Read here rather than with n8n's `extractValue`, which
 * refuses a parameter its display conditions hide and which these locators
 * do not need (they have no extraction pattern).
 */
export function locatorValue(context: IExecuteFunctions, name: string, itemIndex: number): string {
	return locatorText(context.getNodeParameter(name, itemIndex, '') as unknown);
}

/** The text of a locator value `{ mode, value }`, or of a plain value; also for a locator inside a collection. */
export function locatorText(raw: unknown): string {
	const value = typeof raw === 'object' && raw !== null && 'value' in raw ? (raw as { value: unknown }).value : raw;
	return String(value ?? '').trim();
}
