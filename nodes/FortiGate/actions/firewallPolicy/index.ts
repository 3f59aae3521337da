import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as deletePolicy from './delete.operation';
import * as disable from './disable.operation';
import * as enable from './enable.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getStatistics from './getStatistics.operation';
import * as move from './move.operation';
import * as update from './update.operation';

export { create, deletePolicy as delete, disable, enable, get, getMany, getStatistics, move, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['firewallPolicy'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a policy and put it in place (top, bottom, before or after another)', action: 'Create a firewall policy' },
			{ name: 'Delete', value: 'delete', description: 'Delete a policy by ID', action: 'Delete a firewall policy' },
			{ name: 'Disable', value: 'disable', description: 'Disable a policy (idempotent)', action: 'Disable a firewall policy' },
			{ name: 'Enable', value: 'enable', description: 'Enable a policy (idempotent)', action: 'Enable a firewall policy' },
			{ name: 'Get', value: 'get', description: 'One policy with its position', action: 'Get a firewall policy' },
			{ name: 'Get Many', value: 'getMany', description: 'Policies in evaluation order, with filters', action: 'Get many firewall policies' },
			{ name: 'Get Statistics', value: 'getStatistics', description: 'Hit counts, bytes, packets and last use of firewall policies', action: 'Get firewall policy statistics' },
			{ name: 'Move', value: 'move', description: 'Move a policy before or after another (idempotent)', action: 'Move a firewall policy' },
			{ name: 'Update', value: 'update', description: 'Change the fields given of a policy', action: 'Update a firewall policy' },
		],
		default: 'getStatistics',
	},
	...getMany.description,
	...get.description,
	...getStatistics.description,
	...create.description,
	...update.description,
	...move.description,
	...enable.description,
	...disable.description,
	...deletePolicy.description,
];
