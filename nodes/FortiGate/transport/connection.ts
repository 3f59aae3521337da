import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { parseBaseUrl } from '../../shared/baseUrl';
import { credentialText, readKeyOrLogin, readTlsSettings } from '../../shared/credentialData';
import { FortinetError } from '../../shared/errors';
import type { TlsSettings } from '../../shared/tls';

export type FortiGateAuthentication = 'apiKey' | 'adminLogin';

/** Everything needed to reach one FortiGate, read once from the credential. */
export interface FortiGateConnection {
	authentication: FortiGateAuthentication;
	baseUrl: URL;
	/** Default VDOM from the credential; empty means the account's default. */
	vdom: string;
	tls: TlsSettings;
	apiKey?: string;
	username?: string;
	password?: string;
}

export function readConnection(
	authentication: FortiGateAuthentication,
	data: ICredentialDataDecryptedObject,
): FortiGateConnection {
	const connection: FortiGateConnection = {
		authentication,
		baseUrl: parseBaseUrl(data.baseUrl, 'FortiGate'),
		vdom: credentialText(data.vdom),
		tls: readTlsSettings(data),
	};
	const secrets = readKeyOrLogin(data, authentication === 'apiKey', {
		key: () =>
			new FortinetError({
				kind: 'configuration',
				message: 'The FortiGate API Key credential has no API key',
				description: 'Create a REST API admin (System > Administrators > Create New > REST API Admin), copy the key it shows once, and paste it into the credential.',
			}),
		login: () =>
			new FortinetError({
				kind: 'configuration',
				message: 'The FortiGate Admin Login credential needs a username and a password',
				description: 'Enter the administrator\'s username and password as used on the FortiGate login page.',
			}),
	});
	return { ...connection, ...secrets };
}
