import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { tlsCredentialFields } from './common/tlsFields';
import { passwordField, usernameField } from './common/loginFields';

export class FortiClientEmsApi implements ICredentialType {
	name = 'fortiClientEmsApi';

	displayName = 'FortiClient EMS On-Premises';

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-fortinet#forticlient-ems-on-premises';

	icon = { light: 'file:../nodes/FortiClientEms/forticlientems.svg', dark: 'file:../nodes/FortiClientEms/forticlientems.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://ems.example.com',
			required: true,
			description: 'Address of the EMS server: https://host or https://host:port, without a path',
		},
		usernameField,
		passwordField,
		{
			displayName: 'Site',
			name: 'site',
			type: 'string',
			default: '',
			placeholder: 'default',
			description: 'Site to log in to on a multi-site EMS; empty for a single-site EMS',
		},
		...tlsCredentialFields,
	];
}
