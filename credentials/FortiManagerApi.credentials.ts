import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { tlsCredentialFields } from './common/tlsFields';

export class FortiManagerApi implements ICredentialType {
	name = 'fortiManagerApi';

	displayName = 'FortiManager';

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-fortinet#fortimanager';

	icon = { light: 'file:../nodes/FortiManager/fortimanager.svg', dark: 'file:../nodes/FortiManager/fortimanager.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://fmg.example.com',
			required: true,
			description: 'Address of the FortiManager: https://host or https://host:port, without a path',
		},
		{
			displayName: 'Authentication Type',
			name: 'authType',
			type: 'options',
			options: [
				{ name: 'API Key', value: 'apiKey', description: 'A REST API admin\'s key (FortiManager 7.2.2 and later), sent as a Bearer header' },
				{ name: 'Username and Password', value: 'login', description: 'An admin login, one session per execution, always logged out' },
			],
			default: 'apiKey',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Key of an API admin with JSON API Access (rpc-permit) read-write, or read for reading only',
			displayOptions: { show: { authType: ['apiKey'] } },
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			description: 'An administrator with JSON API Access (rpc-permit) read-write, or read for reading only',
			displayOptions: { show: { authType: ['login'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authType: ['login'] } },
		},
		{
			displayName: 'ADOM',
			name: 'adom',
			type: 'string',
			default: 'root',
			description: 'The administrative domain nodes work in unless they name another; root when ADOMs are disabled',
		},
		...tlsCredentialFields,
	];
}
