import type { INodeProperties } from 'n8n-workflow';
import * as getStatistics from './getStatistics.operation';

export { getStatistics };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['firewallPolicy'] } },
		options: [
			{
				name: 'Get Statistics',
				value: 'getStatistics',
				description: 'Hit counts, bytes, packets and last use of firewall policies',
				action: 'Get firewall policy statistics',
			},
		],
		default: 'getStatistics',
	},
	...getStatistics.description,
];
