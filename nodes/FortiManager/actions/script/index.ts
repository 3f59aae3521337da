import type { INodeProperties } from 'n8n-workflow';
import * as run from './run.operation';

export { run };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['script'] } },
		options: [{ name: 'Run', value: 'run', description: 'Run a CLI script on FortiGates', action: 'Run a CLI script' }],
		default: 'run',
	},
	...run.description,
];
