import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import type { TlsSettings } from './tls';

/** A credential's text field, trimmed; '' when absent or not text. */
export function credentialText(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/** A credential's password field as typed: passwords may begin or end with spaces. */
export function credentialSecret(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

/** The TLS trio every device credential carries (DESIGN.md section 2). */
export function readTlsSettings(data: ICredentialDataDecryptedObject): TlsSettings {
	return {
		allowUnauthorizedCerts: data.allowUnauthorizedCerts === true,
		certificateFingerprint: credentialText(data.certificateFingerprint),
		caCertificate: credentialText(data.caCertificate),
	};
}

export interface KeyOrLogin {
	apiKey?: string;
	username?: string;
	password?: string;
}

/**
 * The secret half of a credential that takes either an API key or a
 * username and password; what is missing for the chosen kind is refused
 * before any connection, with the credential's own words.
 */
export function readKeyOrLogin(data: ICredentialDataDecryptedObject, useKey: boolean, missing: { key: () => Error; login: () => Error }): KeyOrLogin {
	if (useKey) {
		const apiKey = credentialText(data.apiKey);
		if (!apiKey) throw missing.key();
		return { apiKey };
	}
	const username = credentialText(data.username);
	const password = credentialSecret(data.password);
	if (!username || !password) throw missing.login();
	return { username, password };
}
