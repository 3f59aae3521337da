import type { INodeProperties } from 'n8n-workflow';
import * as getStatus from './getStatus.operation';

export { getStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['system'] } },
		options: [{ name: 'Get Status', value: 'getStatus', description: 'Version, serial number, host name and HA mode of the FortiManager', action: 'Get the FortiManager status' }],
		default: 'getStatus',
	},
	...getStatus.description,
];
