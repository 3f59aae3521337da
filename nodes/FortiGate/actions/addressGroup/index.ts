import type { INodeProperties } from 'n8n-workflow';
import * as addMembers from './addMembers.operation';
import * as getMany from './getMany.operation';
import * as removeMembers from './removeMembers.operation';

export { addMembers, getMany, removeMembers };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['addressGroup'] } },
		options: [
			{ name: 'Add Members', value: 'addMembers', description: 'Add members to a group; members already in it are left alone', action: 'Add members to an address group' },
			{ name: 'Get Many', value: 'getMany', description: 'List address groups with their members', action: 'Get many address groups' },
			{ name: 'Remove Members', value: 'removeMembers', description: 'Remove members from a group', action: 'Remove members from an address group' },
		],
		default: 'addMembers',
	},
	...addMembers.description,
	...getMany.description,
	...removeMembers.description,
];
