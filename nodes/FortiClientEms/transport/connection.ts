import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { parseBaseUrl } from '../../shared/baseUrl';
import { credentialSecret, credentialText, readTlsSettings } from '../../shared/credentialData';
import { FortinetError } from '../../shared/errors';
import type { TlsSettings } from '../../shared/tls';
import { FORTICLIENT_CLOUD_URL } from '../../../credentials/common/forticlientCloud';

export type EmsAuthentication = 'cloudAccessKey' | 'onPremLogin';

/** Everything needed to reach one EMS, read once from the credential. */
export interface EmsConnection {
	authentication: EmsAuthentication;
	baseUrl: URL;
	tls: TlsSettings;
	accessKey?: string;
	accountEmail?: string;
	username?: string;
	password?: string;
	site?: string;
}

function missing(message: string, description: string): FortinetError {
	return new FortinetError({ kind: 'configuration', message, description });
}

export function readEmsConnection(authentication: EmsAuthentication, data: ICredentialDataDecryptedObject): EmsConnection {
	const tls: TlsSettings = readTlsSettings(data);
	if (authentication === 'cloudAccessKey') {
		const connection: EmsConnection = {
			authentication,
			baseUrl: parseBaseUrl(credentialText(data.baseUrl) || FORTICLIENT_CLOUD_URL, 'FortiClient Cloud'),
			tls,
			accessKey: credentialText(data.accessKey),
			accountEmail: credentialText(data.accountEmail),
		};
		if (!connection.accessKey || !connection.accountEmail) {
			throw missing(
				'The FortiClient Cloud credential needs an access key and the account email',
				'In FortiClient Cloud, the primary account creates the key under Access Key > EMS API Access. Enter it with the email of that account.',
			);
		}
		return connection;
	}
	const connection: EmsConnection = {
		authentication,
		baseUrl: parseBaseUrl(data.baseUrl, 'FortiClient EMS'),
		tls,
		username: credentialText(data.username),
		password: credentialSecret(data.password),
		site: credentialText(data.site) || undefined,
	};
	if (!connection.username || !connection.password) {
		throw missing('The FortiClient EMS credential needs a username and a password', 'Enter an EMS administrator\'s name and password as used on the EMS login page.');
	}
	return connection;
}
