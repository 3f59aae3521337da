import type { INodeProperties } from 'n8n-workflow';
import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['interface'] } },
		options: [{ name: 'Get Many', value: 'getMany', description: 'List interfaces with link state and counters', action: 'Get many interfaces' }],
		default: 'getMany',
	},
	...getMany.description,
];
