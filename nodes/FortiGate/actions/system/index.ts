import type { INodeProperties } from 'n8n-workflow';
import * as getStatus from './getStatus.operation';
import * as reboot from './reboot.operation';

export { getStatus, reboot };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['system'] } },
		options: [
			{
				name: 'Get Status',
				value: 'getStatus',
				description: 'Hostname, model, serial number and firmware version',
				action: 'Get system status',
			},
			{
				name: 'Reboot',
				value: 'reboot',
				description: 'Reboot the FortiGate, optionally waiting until it is back online',
				action: 'Reboot the FortiGate',
			},
		],
		default: 'getStatus',
	},
	...getStatus.description,
	...reboot.description,
];
