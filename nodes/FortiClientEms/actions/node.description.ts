import type { INodeProperties } from 'n8n-workflow';
import * as endpoint from './endpoint';
import { optionsCollection } from './common/options';

/** The node's fields as the editor shows them: authentication, resources, their operations and each operation's fields. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'FortiClient Cloud Access Key', value: 'cloudAccessKey' },
			{ name: 'On-Premises EMS Login', value: 'onPremLogin' },
		],
		default: 'cloudAccessKey',
		description: 'FortiClient Cloud with an access key, or an on-premises EMS server with an admin login (one session per use, always logged out)',
	},
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Endpoint', value: 'endpoint' }],
		default: 'endpoint',
	},
	...endpoint.description,
	optionsCollection,
];
