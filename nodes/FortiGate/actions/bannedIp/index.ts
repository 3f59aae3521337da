import type { INodeProperties } from 'n8n-workflow';
import * as add from './add.operation';
import * as getMany from './getMany.operation';
import * as remove from './remove.operation';
import * as removeAll from './removeAll.operation';

export { add, getMany, remove, removeAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['bannedIp'] } },
		options: [
			{ name: 'Ban', value: 'add', description: 'Ban IP addresses for a time or until released', action: 'Ban IP addresses' },
			{ name: 'Get Many', value: 'getMany', description: 'List the banned IP addresses', action: 'Get banned IP addresses' },
			{ name: 'Release', value: 'remove', description: 'Release banned IP addresses', action: 'Release banned IP addresses' },
			{ name: 'Release All', value: 'removeAll', description: 'Release every banned IP address of the VDOM', action: 'Release all banned IP addresses' },
		],
		default: 'add',
	},
	...add.description,
	...getMany.description,
	...remove.description,
	...removeAll.description,
];
