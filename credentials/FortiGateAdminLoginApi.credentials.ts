import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { tlsCredentialFields } from './common/tlsFields';
import { baseUrlField, fortiGateIcon, vdomField } from './common/fortiGateFields';
import { passwordField, usernameField } from './common/loginFields';

export class FortiGateAdminLoginApi implements ICredentialType {
	name = 'fortiGateAdminLoginApi';

	displayName = 'FortiGate Admin Login';

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-fortinet#fortigate-admin-login';

	icon = fortiGateIcon;

	properties: INodeProperties[] = [
		baseUrlField,
		usernameField,
		{
			...passwordField,
			description: 'The node logs in once per execution and always logs out. Three wrong passwords lock the admin out for 60 s.',
		},
		vdomField,
		...tlsCredentialFields,
	];
}
