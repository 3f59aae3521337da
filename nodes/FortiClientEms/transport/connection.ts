import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { parseBaseUrl } from '../../shared/baseUrl';
import { FortinetError } from '../../shared/errors';
import type { TlsSettings } from '../../shared/tls';

export type EmsAuthentication = 'cloudAccessKey' | 'onPremLogin';

export const FORTICLIENT_CLOUD_URL = 'https://forticlient.forticloud.com';

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

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

function missing(message: string, description: string): FortinetError {
	return new FortinetError({ kind: 'configuration', message, description });
}

export function readEmsConnection(authentication: EmsAuthentication, data: ICredentialDataDecryptedObject): EmsConnection {
	const tls: TlsSettings = {
		allowUnauthorizedCerts: data.allowUnauthorizedCerts === true,
		certificateFingerprint: text(data.certificateFingerprint),
		caCertificate: text(data.caCertificate),
	};
	if (authentication === 'cloudAccessKey') {
		const connection: EmsConnection = {
			authentication,
			baseUrl: parseBaseUrl(text(data.baseUrl) || FORTICLIENT_CLOUD_URL, 'FortiClient Cloud'),
			tls,
			accessKey: text(data.accessKey),
			accountEmail: text(data.accountEmail),
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
		username: text(data.username),
		password: typeof data.password === 'string' ? data.password : '',
		site: text(data.site) || undefined,
	};
	if (!connection.username || !connection.password) {
		throw missing('The FortiClient EMS credential needs a username and a password', 'Enter an EMS administrator\'s name and password as used on the EMS login page.');
	}
	return connection;
}
