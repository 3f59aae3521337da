import type { INodeProperties } from 'n8n-workflow';
import * as backupConfig from './backupConfig.operation';
import * as getStatus from './getStatus.operation';
import * as reboot from './reboot.operation';
import * as shutdown from './shutdown.operation';

export { backupConfig, getStatus, reboot, shutdown };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['system'] } },
		options: [
			{
				name: 'Back Up Configuration',
				value: 'backupConfig',
				description: 'Download the configuration as a file, optionally encrypted',
				action: 'Back up the configuration',
			},
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
			{
				name: 'Shut Down',
				value: 'shutdown',
				description: 'Power the FortiGate off; it stays off until someone powers it on',
				action: 'Shut down the FortiGate',
			},
		],
		default: 'getStatus',
	},
	...backupConfig.description,
	...getStatus.description,
	...reboot.description,
	...shutdown.description,
];
