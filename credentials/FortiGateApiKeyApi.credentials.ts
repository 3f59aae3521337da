import type { IAuthenticateGeneric, ICredentialType, INodeProperties } from 'n8n-workflow';
import { tlsCredentialFields } from './common/tlsFields';
import { baseUrlField, fortiGateIcon, vdomField } from './common/fortiGateFields';

export class FortiGateApiKeyApi implements ICredentialType {
	name = 'fortiGateApiKeyApi';

	displayName = 'FortiGate API Key';

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-fortinet#fortigate-api-key';

	icon = fortiGateIcon;

	properties: INodeProperties[] = [
		baseUrlField,
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
		vdomField,
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
