import type { INodeProperties } from 'n8n-workflow';
import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['deviceGroup'] } },
		options: [{ name: 'Get Many', value: 'getMany', description: 'List device groups with their members', action: 'Get many device groups' }],
		default: 'getMany',
	},
	...getMany.description,
];
