import type { IAuthenticateGeneric, ICredentialType, INodeProperties } from 'n8n-workflow';
import { tlsCredentialFields } from '../nodes/shared/tlsCredentialFields';

export class FortiGateApiKeyApi implements ICredentialType {
	name = 'fortiGateApiKeyApi';

	displayName = 'FortiGate API Key';

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-fortinet#fortigate-api-key';

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
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Key of a REST API admin (System > Administrators > Create New > REST API Admin). Its Trusted Hosts must include the address of this n8n host.',
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

	// Lets n8n's HTTP Request node use this credential too; the FortiGate node
	// sends the key itself, in this same header and never in the URL.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};
}
