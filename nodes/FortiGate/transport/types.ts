import type { HttpClient, QueryValue } from '../../shared/httpClient';
import type { SessionCookies } from '../../shared/cookies';
import type { Redactor } from '../../shared/redactor';
import type { RequestPurpose } from './errors';

/** One FortiOS reply envelope (monitor or CMDB). */
export interface FortiGateEnvelope {
	results?: unknown;
	vdom?: string;
	status?: string;
	version?: string;
	build?: number;
	serial?: string;
	error?: number;
	http_status?: number;
	[key: string]: unknown;
}

export interface ApiRequest {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	path: string;
	query?: Record<string, QueryValue>;
	body?: unknown;
	/** VDOM for this request; undefined = the credential's default; '' = none sent. */
	vdom?: string;
	purpose: RequestPurpose;
	/** Overrides the execution's timeout (used while waiting for a reboot). */
	timeoutMs?: number;
}

/**
 * How requests prove who sends them, decided at login (fortios-rest-api.md
 * sections 1 and 4): a REST API key; a JSON login's session key (body form);
 * a JSON login's cookies with the `ccsrf_token` value (cookie form, 7.6.3+);
 * or the cookies of a /logincheck login.
 */
export type SessionForm =
	| { kind: 'apiKey'; apiKey: string }
	| { kind: 'bearerSession'; sessionKey: string }
	| { kind: 'jsonCookieSession' }
	| { kind: 'legacyCookieSession' };

/** What a login dialect needs: the execution's HTTP client, the session's cookie jar, the redactor. */
export interface DeviceLink {
	http: HttpClient;
	cookies: SessionCookies;
	redactor: Redactor;
}

export interface AdminCredentials {
	username: string;
	password: string;
}
