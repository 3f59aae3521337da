import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { parseBaseUrl } from '../../shared/baseUrl';
import { credentialText, readKeyOrLogin, readTlsSettings } from '../../shared/credentialData';
import { FortinetError } from '../../shared/errors';
import type { TlsSettings } from '../../shared/tls';

export type FortiManagerAuthType = 'apiKey' | 'login';

/** Everything needed to reach one FortiManager, read once from the credential. */
export interface FortiManagerConnection {
	authType: FortiManagerAuthType;
	baseUrl: URL;
	/** The ADOM used when a node does not name one (`root` when ADOMs are off). */
	adom: string;
	tls: TlsSettings;
	apiKey?: string;
	username?: string;
	password?: string;
}

export function readFortiManagerConnection(data: ICredentialDataDecryptedObject): FortiManagerConnection {
	const authType: FortiManagerAuthType = data.authType === 'login' ? 'login' : 'apiKey';
	const connection: FortiManagerConnection = {
		authType,
		baseUrl: parseBaseUrl(data.baseUrl, 'FortiManager'),
		adom: credentialText(data.adom) || 'root',
		tls: readTlsSettings(data),
	};
	const secrets = readKeyOrLogin(data, authType === 'apiKey', {
		key: () =>
			new FortinetError({
				kind: 'configuration',
				message: 'The FortiManager credential has no API key',
				description: 'Create an API admin on FortiManager 7.2.2 or later (System Settings > Administrators, type REST API Admin, JSON API Access Read-Write), generate its key (execute api-user generate-key <name>) and paste it, or switch the credential to Username and Password.',
			}),
		login: () =>
			new FortinetError({
				kind: 'configuration',
				message: 'The FortiManager credential needs a username and a password',
				description: 'Enter the administrator\'s username and password as used on the FortiManager login page; the admin needs JSON API Access (rpc-permit) read or read-write.',
			}),
	});
	return { ...connection, ...secrets };
}
