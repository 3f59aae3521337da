/**
 * A failure that the transport or an operation understood well enough to
 * explain. `message` names the cause, `description` names the fix, both in the
 * words a Fortinet admin uses. Neither may contain a secret: the router
 * redacts them again before they reach n8n, as a second line of defence.
 */
export type FortinetErrorKind =
	| 'configuration'
	| 'tls'
	| 'connection'
	| 'timeout'
	| 'http'
	| 'device'
	| 'response'
	| 'login'
	| 'parameter';

export interface FortinetErrorDetails {
	kind: FortinetErrorKind;
	message: string;
	description: string;
	/** HTTP status the device answered with, when it answered. */
	httpStatus?: number;
	/** FortiOS / EMS error code from the reply envelope (e.g. -3). */
	deviceCode?: number | string;
	/** Low-level code (ECONNREFUSED, CERT_HAS_EXPIRED, ...) kept for diagnostics. */
	code?: string;
	/**
	 * For a request sent on a connection of its own: whether its bytes were
	 * written to the established TLS connection before the failure.
	 */
	requestSent?: boolean;
}

export class FortinetError extends Error {
	readonly kind: FortinetErrorKind;
	readonly description: string;
	readonly httpStatus?: number;
	readonly deviceCode?: number | string;
	readonly code?: string;
	requestSent?: boolean;

	constructor(details: FortinetErrorDetails) {
		super(details.message);
		this.name = 'FortinetError';
		this.kind = details.kind;
		this.description = details.description;
		this.httpStatus = details.httpStatus;
		this.deviceCode = details.deviceCode;
		this.code = details.code;
		this.requestSent = details.requestSent;
	}
}
