import type { INodeProperties } from 'n8n-workflow';
import * as request from './request.operation';

export { request };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['fortiGateApi'] } },
		options: [{ name: 'Request', value: 'request', description: 'Send a FortiOS REST call to many FortiGates through FortiManager', action: 'Send a FortiOS API request' }],
		default: 'request',
	},
	...request.description,
];
