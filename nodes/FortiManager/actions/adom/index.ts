import type { INodeProperties } from 'n8n-workflow';
import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['adom'] } },
		options: [{ name: 'Get Many', value: 'getMany', description: 'List the administrative domains', action: 'Get many ADOMs' }],
		default: 'getMany',
	},
	...getMany.description,
];
