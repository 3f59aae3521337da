import type { INodeProperties } from 'n8n-workflow';
import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['dhcpLease'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the leases of the DHCP servers',
				action: 'Get many DHCP leases',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
