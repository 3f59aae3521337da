import type { INodeProperties } from 'n8n-workflow';
import * as getStatus from './getStatus.operation';

export { getStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['firmware'] } },
		options: [{ name: 'Get Status', value: 'getStatus', description: 'Running version and the newer versions FortiGuard offers', action: 'Get the firmware status' }],
		default: 'getStatus',
	},
	...getStatus.description,
];
