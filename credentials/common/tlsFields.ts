import type { INodeProperties } from 'n8n-workflow';

/** A CA to trust in addition to the system CAs. */
export const caCertificateField: INodeProperties = {
	displayName: 'CA Certificate',
	name: 'caCertificate',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	placeholder: '-----BEGIN CERTIFICATE-----',
	description: 'PEM certificate of a CA to trust in addition to the system CAs (for a device certificate issued by your own CA)',
};

/** The TLS trio of every device credential (DESIGN.md section 2). */
export const tlsCredentialFields: INodeProperties[] = [
	{
		displayName: 'Allow Self-Signed Certificates',
		name: 'allowUnauthorizedCerts',
		type: 'boolean',
		default: false,
		description:
			'Whether to accept any certificate, including self-signed and expired ones. Pinning the certificate with its fingerprint is safer.',
	},
	{
		displayName: 'Certificate Fingerprint (SHA-256)',
		name: 'certificateFingerprint',
		type: 'string',
		default: '',
		placeholder: 'AB:CD:EF:…',
		description:
			'When set, the connection is accepted if and only if the device presents exactly this certificate, self-signed or not. 64 hex digits, with or without colons.',
	},
	caCertificateField,
];
