import type { INodeProperties } from 'n8n-workflow';
import * as getStatus from './getStatus.operation';

export { getStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['ha'] } },
		options: [{ name: 'Get Status', value: 'getStatus', description: 'Members, primary, configuration sync and statistics of the HA cluster', action: 'Get the HA status' }],
		default: 'getStatus',
	},
	...getStatus.description,
];
