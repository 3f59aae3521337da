import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['device'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get one managed FortiGate', action: 'Get a device' },
			{ name: 'Get Many', value: 'getMany', description: 'List the managed FortiGates of an ADOM', action: 'Get many devices' },
		],
		default: 'getMany',
	},
	...get.description,
	...getMany.description,
];
