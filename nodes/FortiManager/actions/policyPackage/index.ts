import type { INodeProperties } from 'n8n-workflow';
import * as install from './install.operation';

export { install };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['policyPackage'] } },
		options: [{ name: 'Install', value: 'install', description: 'Install a policy package on FortiGates', action: 'Install a policy package' }],
		default: 'install',
	},
	...install.description,
];
