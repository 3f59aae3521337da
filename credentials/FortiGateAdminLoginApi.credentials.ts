import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { tlsCredentialFields } from '../nodes/shared/tlsCredentialFields';

export class FortiGateAdminLoginApi implements ICredentialType {
	name = 'fortiGateAdminLoginApi';

	displayName = 'FortiGate Admin Login';

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-fortinet#fortigate-admin-login';

	icon = { light: 'file:../nodes/FortiGate/fortigate.svg', dark: 'file:../nodes/FortiGate/fortigate.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://192.0.2.1:8443',
			required: true,
			description: 'Address of the FortiGate: https://host or https://host:port (the admin HTTPS port), without a path',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The node logs in once per execution and always logs out. Three wrong passwords lock the admin out for 60 s.',
		},
		{
			displayName: 'VDOM',
			name: 'vdom',
			type: 'string',
			default: '',
			placeholder: 'root',
			description: 'Default VDOM for every request; empty uses the account\'s default. The node\'s VDOM option overrides it; * means every VDOM.',
		},
		...tlsCredentialFields,
	];
}
