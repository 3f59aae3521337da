import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { FORTICLIENT_CLOUD_URL } from './common/forticlientCloud';
import { caCertificateField } from './common/tlsFields';

export class FortiClientCloudApi implements ICredentialType {
	name = 'fortiClientCloudApi';

	displayName = 'FortiClient Cloud Access Key';

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-fortinet#forticlient-cloud-access-key';

	icon = { light: 'file:../nodes/FortiClientEms/forticlientems.svg', dark: 'file:../nodes/FortiClientEms/forticlientems.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: FORTICLIENT_CLOUD_URL,
			required: true,
			description: 'FortiClient Cloud address; change it only if Fortinet support gives you another one',
		},
		{
			displayName: 'Access Key',
			name: 'accessKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Created by the primary account under Access Key > EMS API Access. Access keys do not expire.',
		},
		{
			displayName: 'Account Email',
			name: 'accountEmail',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			description: 'Email of the FortiClient Cloud account the access key belongs to',
		},
		{
			...caCertificateField,
			description: 'Only behind a TLS-inspecting proxy: the PEM certificate of the CA that re-signs HTTPS traffic (trusted in addition to the system CAs)',
		},
	];
}
