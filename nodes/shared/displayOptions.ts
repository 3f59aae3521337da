import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * Shows an operation's bare properties only for that operation: its
 * conditions are added to each property's own (such as Limit's "Return All
 * is off"), so no field repeats the resource and operation it belongs to.
 */
export function updateDisplayOptions(displayOptions: IDisplayOptions, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			...merged('show', displayOptions, property.displayOptions),
			...merged('hide', displayOptions, property.displayOptions),
		},
	}));
}

function merged(key: 'show' | 'hide', outer: IDisplayOptions, own: IDisplayOptions | undefined): IDisplayOptions {
	if (!outer[key] && !own?.[key]) return {};
	return { [key]: { ...outer[key], ...own?.[key] } };
}
