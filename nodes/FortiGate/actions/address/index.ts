import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as deleteAddress from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, deleteAddress as delete, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['address'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create an address object; succeeds again when it exists with the same value', action: 'Create an address' },
			{ name: 'Delete', value: 'delete', description: 'Delete an address object by name', action: 'Delete an address' },
			{ name: 'Get', value: 'get', description: 'Get one address object by name', action: 'Get an address' },
			{ name: 'Get Many', value: 'getMany', description: 'List address objects', action: 'Get many addresses' },
			{ name: 'Update', value: 'update', description: 'Change fields of an address object', action: 'Update an address' },
		],
		default: 'create',
	},
	...create.description,
	...deleteAddress.description,
	...get.description,
	...getMany.description,
	...update.description,
];
