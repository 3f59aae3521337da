import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as quarantine from './quarantine.operation';
import * as unquarantine from './unquarantine.operation';

export { get, getMany, quarantine, unquarantine };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['endpoint'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get one endpoint with its details', action: 'Get an endpoint' },
			{ name: 'Get Many', value: 'getMany', description: 'List endpoints, optionally filtered', action: 'Get many endpoints' },
			{ name: 'Quarantine', value: 'quarantine', description: 'Quarantine endpoints', action: 'Quarantine endpoints' },
			{ name: 'Unquarantine', value: 'unquarantine', description: 'Release endpoints from quarantine', action: 'Unquarantine endpoints' },
		],
		default: 'getMany',
	},
	...get.description,
	...getMany.description,
	...quarantine.description,
	...unquarantine.description,
];
