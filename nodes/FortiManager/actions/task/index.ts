import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: [{ name: 'Get', value: 'get', description: 'Read a task\'s progress and per-device results', action: 'Get a task' }],
		default: 'get',
	},
	...get.description,
];
