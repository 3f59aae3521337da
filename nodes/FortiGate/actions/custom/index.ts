import type { INodeProperties } from 'n8n-workflow';
import * as apiRequest from './apiRequest.operation';

export { apiRequest };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['custom'] } },
		options: [
			{
				name: 'API Request',
				value: 'apiRequest',
				description: 'Call any FortiOS REST endpoint over the node\'s session',
				action: 'Make a FortiOS API request',
			},
		],
		default: 'apiRequest',
	},
	...apiRequest.description,
];
