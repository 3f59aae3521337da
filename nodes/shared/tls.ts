import * as tls from 'node:tls';
import type { Socket } from 'node:net';
import { buildConnector } from 'undici';
import { FortinetError } from './errors';

/** The TLS trio every device credential carries (DESIGN.md section 2). */
export interface TlsSettings {
	allowUnauthorizedCerts?: boolean;
	certificateFingerprint?: string;
	caCertificate?: string;
}

/**
 * Accepts `AB:CD:...`, `abcd...` or with spaces; returns upper-case hex without
 * separators, or undefined when empty. A value that is not 64 hex digits is a
 * configuration error, reported before any connection is made.
 */
export function normalizeFingerprint(raw: string | undefined): string | undefined {
	const text = (raw ?? '').trim();
	if (!text) return undefined;
	const hex = text.replace(/^sha-?256\s*(fingerprint)?\s*[:=]?\s*/i, '').replace(/[\s:]/g, '').toUpperCase();
	if (!/^[0-9A-F]{64}$/.test(hex)) {
		throw new FortinetError({
			kind: 'configuration',
			message: 'The Certificate Fingerprint is not a SHA-256 fingerprint',
			description:
				'Paste the 64 hex digits of the certificate\'s SHA-256 fingerprint, with or without colons. On a FortiGate: System > Certificates, or `openssl s_client -connect host:port | openssl x509 -noout -fingerprint -sha256`.',
		});
	}
	return hex;
}

function formatFingerprint(hex: string): string {
	return hex.match(/.{2}/g)!.join(':');
}

const CERTIFICATE_PROBLEMS: Readonly<Record<string, Readonly<{ message: string; fix: string }>>> = Object.freeze({
	DEPTH_ZERO_SELF_SIGNED_CERT: {
		message: 'The device presented a self-signed certificate',
		fix: 'FortiGates ship with a self-signed certificate. Paste its SHA-256 fingerprint into Certificate Fingerprint (safest), add the signing CA under CA Certificate, or enable Allow Self-Signed Certificates.',
	},
	SELF_SIGNED_CERT_IN_CHAIN: {
		message: 'The device\'s certificate chain ends in a CA that this n8n host does not trust',
		fix: 'Paste that CA\'s certificate (PEM) into CA Certificate, or paste the device certificate\'s SHA-256 fingerprint into Certificate Fingerprint.',
	},
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: {
		message: 'The device\'s certificate is signed by a CA that this n8n host does not trust',
		fix: 'Paste the issuing CA\'s certificate (PEM) into CA Certificate, or paste the device certificate\'s SHA-256 fingerprint into Certificate Fingerprint.',
	},
	UNABLE_TO_GET_ISSUER_CERT_LOCALLY: {
		message: 'The device\'s certificate is signed by a CA that this n8n host does not trust',
		fix: 'Paste the issuing CA\'s certificate (PEM) into CA Certificate, or paste the device certificate\'s SHA-256 fingerprint into Certificate Fingerprint.',
	},
	CERT_HAS_EXPIRED: {
		message: 'The device\'s certificate has expired',
		fix: 'Renew the certificate on the device (System > Certificates, then config system global, admin-server-cert), or pin the current one with Certificate Fingerprint until then.',
	},
	CERT_NOT_YET_VALID: {
		message: 'The device\'s certificate is not valid yet',
		fix: 'Check the clock of the device and of the n8n host (NTP), or pin the certificate with Certificate Fingerprint.',
	},
});

/** The SHA-256 fingerprint of the certificate a socket's peer presented, upper-case hex without separators. */
function presentedFingerprint(socket: tls.TLSSocket): string {
	return (socket.getPeerCertificate()?.fingerprint256 ?? '').replace(/:/g, '').toUpperCase();
}

/** A certificate Node refused during the handshake, explained with what the device presented. */
function refusedCertificate(reason: string, hostname: string, presented: string | undefined): FortinetError {
	const presentedText = presented ? formatFingerprint(presented) : 'unknown';
	if (reason === 'ERR_TLS_CERT_ALTNAME_INVALID') {
		return new FortinetError({
			kind: 'tls',
			code: reason,
			message: `The device's certificate is not issued for "${hostname}"`,
			description: `Use the host name the certificate names in the Base URL, or pin this certificate with Certificate Fingerprint (SHA-256 ${presentedText}).`,
		});
	}
	const known = CERTIFICATE_PROBLEMS[reason];
	return new FortinetError({
		kind: 'tls',
		code: reason,
		message: known?.message ?? `The device's certificate was not accepted (${reason})`,
		description: `${known?.fix ?? 'Pin the certificate with Certificate Fingerprint, add its CA under CA Certificate, or enable Allow Self-Signed Certificates.'} The device presented SHA-256 ${presentedText}.`,
	});
}

function pinMismatch(presented: string): FortinetError {
	return new FortinetError({
		kind: 'tls',
		code: 'FINGERPRINT_MISMATCH',
		message: 'The device\'s certificate does not match the Certificate Fingerprint in the credential',
		description: `The device presented SHA-256 ${presented ? formatFingerprint(presented) : 'unknown'}. If its certificate was replaced on purpose, check the new fingerprint on the device (System > Certificates) and update the credential; otherwise something else answers at this address.`,
	});
}

/** Node's codes for a certificate refused during the handshake (chain, validity, host name). */
function isCertificateRefusal(code: string): boolean {
	return code in CERTIFICATE_PROBLEMS || code === 'ERR_TLS_CERT_ALTNAME_INVALID' || /CERT|SIGNATURE|ISSUER/.test(code);
}

export interface ConnectorOptions {
	tls: TlsSettings;
	connectTimeoutMs: number;
	/** Returns a socket already tunnelled to the target, when a proxy applies. */
	openTunnel?: (hostname: string, port: number) => Promise<Socket | undefined>;
}

/**
 * An undici connector that applies the credential's certificate rules
 * (DESIGN.md section 2) on every new connection, before a request is written:
 * - by default Node verifies the chain (system CAs plus the optional CA) and
 *   the host name during the handshake, and a refusal names the certificate
 *   the device presented, read on a second handshake that carries no request;
 * - a fingerprint pin accepts exactly that certificate, self-signed or not:
 *   the handshake then leaves the decision to the pin check below;
 * - "allow unauthorized", without a pin, accepts any certificate.
 */
export function createTlsConnector(options: ConnectorOptions): buildConnector.connector {
	const pin = normalizeFingerprint(options.tls.certificateFingerprint);
	const caCertificate = options.tls.caCertificate?.trim();
	const verifiedByNode = !pin && !options.tls.allowUnauthorizedCerts;
	const common = {
		ca: caCertificate ? [...tls.rootCertificates, caCertificate] : undefined,
		timeout: options.connectTimeoutMs,
		// A resumed TLS session carries no peer certificate to check: every
		// connection does a full handshake.
		maxCachedSessions: 0,
	};
	const connect = buildConnector({ ...common, rejectUnauthorized: verifiedByNode });
	// Only to read the certificate of a refused handshake for the error; closed at once.
	const inspect = buildConnector({ ...common, rejectUnauthorized: false });

	const open = (hostname: string, port: number) => (options.openTunnel ? options.openTunnel(hostname, port) : Promise.resolve(undefined));

	/** The fingerprint the device presents, for an error message; never used for a request. */
	const fingerprintFor = (connectOptions: buildConnector.Options, port: number) =>
		new Promise<string | undefined>((resolve) => {
			open(connectOptions.hostname, port).then(
				(httpSocket) =>
					inspect({ ...connectOptions, ...(httpSocket ? { httpSocket } : {}) }, (error, socket) => {
						resolve(error || !socket ? undefined : presentedFingerprint(socket as tls.TLSSocket));
						socket?.destroy();
					}),
				() => resolve(undefined),
			);
		});

	return (connectOptions, callback) => {
		const port = Number(connectOptions.port) || 443;
		open(connectOptions.hostname, port).then(
			(httpSocket) => {
				connect({ ...connectOptions, ...(httpSocket ? { httpSocket } : {}) }, (error, socket) => {
					if (error || !socket) {
						const code = String((error as { code?: unknown } | null)?.code ?? '');
						if (!isCertificateRefusal(code)) return callback(error ?? new Error('connection failed'), null);
						void fingerprintFor(connectOptions, port).then((presented) => callback(refusedCertificate(code, connectOptions.hostname, presented), null));
						return;
					}
					// Only TLS reaches a device (the Base URL must be https://); anything else is refused.
					if (!(socket as tls.TLSSocket).encrypted) {
						socket.destroy();
						return callback(new Error('refusing a connection without TLS'), null);
					}
					const presented = presentedFingerprint(socket as tls.TLSSocket);
					if (pin && presented !== pin) {
						socket.destroy();
						return callback(pinMismatch(presented), null);
					}
					callback(null, socket);
				});
			},
			(error: Error) => callback(error, null),
		);
	};
}
