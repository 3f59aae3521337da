import type { HttpResponse } from '../../shared/httpClient';
import type { ApiRequest } from './types';

/** Whose refusal a reply is: the key's, the admin's, or that of the account FortiManager uses on the device. */
export type FortiGateAccess = 'apiKey' | 'adminLogin' | 'fortiManager';

/**
 * How a FortiGate session's requests reach the device and come back as HTTP
 * replies: straight to its HTTPS API (`DirectConnection`), or through a
 * FortiManager's `/sys/proxy/json` (`ProxiedFortiGate`). The session reads
 * and explains the replies the same way whatever carried them.
 */
export interface FortiGateCarrier {
	readonly access: FortiGateAccess;
	/** The VDOM requests go to when the node names none ('' = the account's default). */
	readonly defaultVdom: string;
	/** The firmware version known before any reply (from an inventory), e.g. "v7.2.8". */
	readonly knownVersion?: string;
	/** Sends a request (renewing an expired session once where there is one). `binary` keeps the reply's bytes. */
	send(request: ApiRequest, vdom: string, options?: { binary?: boolean }): Promise<HttpResponse>;
	/**
	 * Sends a reboot or shutdown once, never again. 'dropped' means the
	 * connection failed after the request went out: the device is going down.
	 * A request that provably never left throws "NOT sent".
	 */
	sendPowerAction(request: ApiRequest): Promise<HttpResponse | 'dropped'>;
	/** Ends what the carrier opened; returns warnings, never throws. */
	close(): Promise<string[]>;
}
