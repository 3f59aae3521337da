import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { parseBaseUrl } from '../../shared/baseUrl';
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

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

export function readConnection(
	authentication: FortiGateAuthentication,
	data: ICredentialDataDecryptedObject,
): FortiGateConnection {
	const connection: FortiGateConnection = {
		authentication,
		baseUrl: parseBaseUrl(data.baseUrl, 'FortiGate'),
		vdom: text(data.vdom),
		tls: {
			allowUnauthorizedCerts: data.allowUnauthorizedCerts === true,
			certificateFingerprint: text(data.certificateFingerprint),
			caCertificate: text(data.caCertificate),
		},
	};
	if (authentication === 'apiKey') {
		connection.apiKey = text(data.apiKey);
		if (!connection.apiKey) {
			throw new FortinetError({
				kind: 'configuration',
				message: 'The FortiGate API Key credential has no API key',
				description: 'Create a REST API admin (System > Administrators > Create New > REST API Admin), copy the key it shows once, and paste it into the credential.',
			});
		}
	} else {
		connection.username = text(data.username);
		connection.password = typeof data.password === 'string' ? data.password : '';
		if (!connection.username || !connection.password) {
			throw new FortinetError({
				kind: 'configuration',
				message: 'The FortiGate Admin Login credential needs a username and a password',
				description: 'Enter the administrator\'s username and password as used on the FortiGate login page.',
			});
		}
	}
	return connection;
}
