import { SessionCookies } from '../../shared/cookies';
import { FortinetError } from '../../shared/errors';
import { HttpClient, closeOnFailure, type HttpResponse, type QueryValue } from '../../shared/httpClient';
import { parseJson } from '../../shared/json';
import { retryOnce } from '../../shared/retryOnce';
import { SessionRenewal } from '../../shared/sessionRenewal';
import type { Redactor } from '../../shared/redactor';
import type { EmsConnection } from './connection';
import { cloudLoginRefused, emsHttpError, onPremLoginRefused, sessionLost, type EmsPurpose } from './errors';

const CLOUD_API_PREFIX = '/fct/api/public/v1/ems_api';
const CLOUD_LOGIN = '/fct/api/public/v1/ems_api_cloud/login/';
const CLOUD_LOGOUT = '/fct/api/public/v1/ems_api_cloud/logout/';

/** Re-logins allowed per execution after EMS ended the session. */
const MAX_RELOGINS = 3;

export interface EmsRequest {
	method: 'GET' | 'POST';
	/** On-premises path, e.g. /api/v1/endpoints/index; the cloud prefix is added here. */
	path: string;
	query?: Record<string, QueryValue>;
	body?: unknown;
	purpose: EmsPurpose;
}

export interface EmsReply {
	data: unknown;
	message: string | null;
}

interface EmsEnvelope {
	result?: { retval?: number; message?: string | null } | string;
	data?: unknown;
	message?: string;
	session_id?: string;
}

/**
 * One EMS session for one execution. FortiClient Cloud: access-key login,
 * then the raw session id in `Authorization`. On-premises: signin with the
 * Django `csrftoken` / `sessionid` cookies, `X-CSRFToken` and `Referer` on
 * writes, `Ems-Call-Type: 2` everywhere. Expired sessions are replaced once
 * per request; `close()` logs out.
 */
export class EmsSession {
	private readonly http: HttpClient;
	private readonly cookies: SessionCookies;
	private cloudSessionId?: string;
	private loggedIn = false;
	private readonly renewal = new SessionRenewal(MAX_RELOGINS, async () => await this.logIn());

	private constructor(
		private readonly connection: EmsConnection,
		private readonly redactor: Redactor,
		timeoutMs: number,
	) {
		redactor.add(connection.accessKey, connection.password);
		this.cookies = new SessionCookies(connection.baseUrl.origin, redactor);
		this.http = new HttpClient({
			baseUrl: connection.baseUrl,
			tls: connection.tls,
			timeoutMs,
			product: connection.authentication === 'cloudAccessKey' ? 'FortiClient Cloud' : 'EMS',
		});
	}

	static async open(connection: EmsConnection, options: { timeoutMs: number; redactor: Redactor }): Promise<EmsSession> {
		const session = new EmsSession(connection, options.redactor, options.timeoutMs);
		return await closeOnFailure(session.http, async () => {
			await session.logIn();
			return session;
		});
	}

	private get isCloud(): boolean {
		return this.connection.authentication === 'cloudAccessKey';
	}

	async request(request: EmsRequest): Promise<EmsReply> {
		const answer = await this.renewal.run(async () => await this.send(request), sessionExpired);
		if (sessionExpired(answer)) throw sessionLost();
		return this.reply(answer, request);
	}

	async close(): Promise<string[]> {
		const warnings: string[] = [];
		try {
			if (this.loggedIn) await retryOnce(async () => await this.logOut());
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			warnings.push(this.redactor.redact(`Logout from EMS failed (${reason}). The session stays open until EMS expires it.`));
		} finally {
			await this.http.close();
		}
		return warnings;
	}

	private async logIn(): Promise<void> {
		this.loggedIn = false;
		if (this.isCloud) {
			const response = await this.http.request({
				method: 'POST',
				path: CLOUD_LOGIN,
				headers: { accept: 'application/json' },
				json: { access_key: this.connection.accessKey, account_email: this.connection.accountEmail },
			});
			const body = parseJson(response.body) as EmsEnvelope | undefined;
			if (response.status !== 200 || body?.result !== 'login' || typeof body.session_id !== 'string') {
				throw cloudLoginRefused(response.status, this.redactor.redact(messageOf(body) ?? response.body.slice(0, 200)));
			}
			this.redactor.add(body.session_id);
			this.cloudSessionId = body.session_id;
		} else {
			this.cookies.clear();
			const response = await this.http.request({
				method: 'POST',
				path: '/api/v1/auth/signin',
				headers: { accept: 'application/json', 'ems-call-type': '2' },
				json: { name: this.connection.username, password: this.connection.password, ...(this.connection.site ? { site: this.connection.site } : {}) },
			});
			this.cookies.store(response.headers['set-cookie']);
			const body = parseJson(response.body) as EmsEnvelope | undefined;
			if (response.status !== 200 || retvalOf(body) !== 1 || !this.cookies.get('sessionid')) {
				// A signin answered 200 may have opened a session all the same (under
				// another cookie, or with only the CSRF token): it is signed out.
				if (response.status === 200) await retryOnce(async () => await this.logOut()).catch(() => undefined);
				throw onPremLoginRefused(response.status, this.connection.username!, messageOf(body));
			}
		}
		this.loggedIn = true;
	}

	private async logOut(): Promise<void> {
		if (this.isCloud) {
			const response = await this.http.request({ method: 'POST', path: CLOUD_LOGOUT, headers: this.headers('POST') });
			if (response.status >= 400) throw new Error(`FortiClient Cloud answered ${response.status}`);
			this.loggedIn = false;
			return;
		}
		// Clients disagree on the method: POST first, GET when EMS answers 405.
		let response = await this.http.request({ method: 'POST', path: '/api/v1/auth/signout', headers: this.headers('POST') });
		if (response.status === 405) response = await this.http.request({ method: 'GET', path: '/api/v1/auth/signout', headers: this.headers('GET') });
		if (response.status >= 400) throw new Error(`EMS answered ${response.status}`);
		this.loggedIn = false;
	}

	private headers(method: string): Record<string, string> {
		const headers: Record<string, string> = { accept: 'application/json' };
		if (this.isCloud) {
			headers.authorization = this.cloudSessionId ?? '';
			headers['ems-api-header-content-type'] = 'application/json';
			return headers;
		}
		headers['ems-call-type'] = '2';
		const cookie = this.cookies.header();
		if (cookie) headers.cookie = cookie;
		if (method !== 'GET') {
			// Django over HTTPS checks both the token and a same-origin Referer.
			headers['x-csrftoken'] = this.cookies.get('csrftoken') ?? '';
			headers.referer = `${this.connection.baseUrl.origin}/`;
		}
		return headers;
	}

	/** Sends a request; the reply's body is parsed here, once. */
	private async send(request: EmsRequest): Promise<Answer> {
		const response = await this.http.request({
			method: request.method,
			path: this.isCloud ? `${CLOUD_API_PREFIX}${request.path}` : request.path,
			query: request.query,
			headers: this.headers(request.method),
			json: request.body,
		});
		if (!this.isCloud) this.cookies.store(response.headers['set-cookie']);
		return { response, body: parseJson(response.body) as EmsEnvelope | undefined };
	}

	private reply({ response, body }: Answer, request: EmsRequest): EmsReply {
		const where = `${request.method} ${request.path}`;
		if (response.status < 200 || response.status >= 300) {
			const message = messageOf(body) ?? djangoReason(response.body);
			throw emsHttpError(response.status, request.purpose, message, request.method, request.path);
		}
		if (!body || typeof body !== 'object') {
			throw new FortinetError({
				kind: 'response',
				httpStatus: response.status,
				message: `EMS answered ${where} with ${response.body.trim() ? (response.body.trim().startsWith('<') ? 'an HTML page' : 'something that is not JSON') : 'an empty reply'}`,
				description: 'The Base URL may point at a proxy, a login portal or another service. Use the address of the EMS server itself.',
			});
		}
		const retval = retvalOf(body);
		if (retval !== 1) {
			throw new FortinetError({
				kind: 'device',
				httpStatus: response.status,
				deviceCode: retval,
				message: `EMS could not ${request.purpose.action}${messageOf(body) ? `: ${messageOf(body)}` : ` (retval ${retval ?? 'missing'})`}`,
				description: 'Check the parameters; the message above is EMS\'s own.',
			});
		}
		return { data: body.data, message: messageOf(body) ?? null };
	}
}

/** A reply and its parsed body (undefined when it is not JSON). */
interface Answer {
	response: HttpResponse;
	body: EmsEnvelope | undefined;
}

/** EMS ends a session with 401, or with the `retval: -4` envelope. */
function sessionExpired({ response, body }: Answer): boolean {
	return response.status === 401 || retvalOf(body) === -4;
}

function retvalOf(body: EmsEnvelope | undefined): number | undefined {
	const result = body?.result;
	return typeof result === 'object' && result !== null && typeof result.retval === 'number' ? result.retval : undefined;
}

function messageOf(body: EmsEnvelope | undefined): string | undefined {
	const result = body?.result;
	if (typeof result === 'object' && result !== null && typeof result.message === 'string' && result.message) return result.message;
	return typeof body?.message === 'string' && body.message ? body.message : undefined;
}

/** Django's CSRF failure page says why in a paragraph. */
function djangoReason(html: string): string | undefined {
	const match = /CSRF verification failed[^<]*/.exec(html);
	return match?.[0];
}
