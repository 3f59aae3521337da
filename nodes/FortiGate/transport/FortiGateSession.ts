import { SessionCookies } from '../../shared/cookies';
import { FortinetError } from '../../shared/errors';
import { HttpClient, closeOnFailure, type HttpResponse, type QueryValue } from '../../shared/httpClient';
import type { Redactor } from '../../shared/redactor';
import { retryOnce } from '../../shared/retryOnce';
import { failedBeforeSending } from '../../shared/transportErrors';
import type { FortiGateConnection } from './connection';
import { findCsrfToken } from './cookies';
import { fortiGateHttpError, type RequestPurpose } from './errors';
import { readEnvelopes } from './replies';
import {
	loginRefused,
	noLoginEndpoint,
	parseJsonLoginAnswer,
	parseLegacyLoginAnswer,
	sessionLimitReached,
} from './login';

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

export interface SessionOptions {
	timeoutMs: number;
	redactor: Redactor;
}

type Authorization = { kind: 'apiKey' } | { kind: 'jsonSession'; sessionKey: string } | { kind: 'cookieSession' };

/** Re-logins allowed per execution after the device ended the session (admintimeout, reboot). */
const MAX_RELOGINS = 2;

/**
 * One FortiGate session for one execution: a bearer API key, or an admin
 * login (JSON first, /logincheck as fallback) with its cookie jar and CSRF
 * token. Every request goes through `request()`; `close()` logs out.
 */
export class FortiGateSession {
	/** FortiOS version seen in the latest reply envelope, e.g. "v6.2.4". */
	firmwareVersion?: string;
	private authorization?: Authorization;
	private readonly cookies: SessionCookies;
	private readonly http: HttpClient;
	private relogins = 0;
	private deviceRebooting = false;
	/** Counts session renewals, so that parallel items renew only once. */
	private generation = 0;
	private renewing?: Promise<void>;

	private constructor(
		private readonly connection: FortiGateConnection,
		private readonly options: SessionOptions,
	) {
		options.redactor.add(connection.apiKey, connection.password);
		this.cookies = new SessionCookies(connection.baseUrl.origin, options.redactor);
		this.http = new HttpClient({
			baseUrl: connection.baseUrl,
			tls: connection.tls,
			timeoutMs: options.timeoutMs,
			product: 'The FortiGate',
		});
	}

	static async open(connection: FortiGateConnection, options: SessionOptions): Promise<FortiGateSession> {
		const session = new FortiGateSession(connection, options);
		return await closeOnFailure(session.http, async () => {
			await session.authenticate();
			return session;
		});
	}

	get timeoutMs(): number {
		return this.options.timeoutMs;
	}

	/** The credential's VDOM, when it names one. */
	get defaultVdom(): string | undefined {
		return this.connection.vdom || undefined;
	}

	/** Registers a value that errors and warnings must never show (a backup password). */
	addSecret(value: string): void {
		this.options.redactor.add(value);
	}

	/** Sends an API request and returns its envelopes (one per VDOM; one when a single VDOM). */
	async request(request: ApiRequest): Promise<FortiGateEnvelope[]> {
		const vdom = request.vdom ?? this.connection.vdom;
		const response = await this.sendWithRenewal(request, vdom);
		const envelopes = readEnvelopes(response, request, { authentication: this.connection.authentication, vdom });
		const version = envelopes.find((envelope) => typeof envelope.version === 'string')?.version;
		if (version) this.firmwareVersion = version;
		return envelopes;
	}

	/**
	 * Sends a request whose success is a file, not an envelope (the
	 * configuration backup). Refusals still come as envelopes and are
	 * explained like any other.
	 */
	async download(request: ApiRequest): Promise<{ bytes: Buffer; headers: HttpResponse['headers'] }> {
		const vdom = request.vdom ?? this.connection.vdom;
		const response = await this.sendWithRenewal(request, vdom, true);
		const contentType = String(response.headers['content-type'] ?? '');
		if (response.status >= 200 && response.status < 300 && !contentType.includes('json')) {
			return { bytes: response.bytes ?? Buffer.from(response.body), headers: response.headers };
		}
		readEnvelopes(response, request, { authentication: this.connection.authentication, vdom });
		throw new FortinetError({
			kind: 'response',
			httpStatus: response.status,
			message: `The FortiGate answered ${request.method} ${request.path} with an API envelope instead of a file`,
			description: 'This FortiOS version may not support the options sent. Report it with the FortiOS version.',
		});
	}

	/** Sends a request; a 401 on an admin session (expired, ended by a reboot) gets one new login and one resend. */
	private async sendWithRenewal(request: ApiRequest, vdom: string, binary = false): Promise<HttpResponse> {
		return await this.renewingOn401(async () => await this.send(request, vdom, false, binary));
	}

	/**
	 * Runs a send; when the device answered 401 (it refused the request
	 * unseen, the session having ended), logs in again once and sends again.
	 */
	private async renewingOn401<T extends HttpResponse | 'dropped'>(send: () => Promise<T>): Promise<T> {
		const sentWith = this.generation;
		const outcome = await send();
		if (outcome === 'dropped' || outcome.status !== 401 || !this.canLogInAgain()) return outcome;
		await this.renewSession(sentWith);
		return await send();
	}

	/**
	 * Sends a request that takes the device down (reboot, shutdown). It is sent
	 * once, never retried, on a connection of its own: a connection dropped
	 * after sending means the device went down, which is success.
	 */
	async sendPowerAction(request: ApiRequest): Promise<{ connectionDropped: boolean }> {
		// A 401 is a refusal unseen, so sending again after a new login cannot act twice.
		const outcome = await this.renewingOn401(async () => await this.sendOnce(request));
		if (outcome !== 'dropped' && (outcome.status < 200 || outcome.status >= 300)) {
			readEnvelopes(outcome, request, { authentication: this.connection.authentication, vdom: '' });
		}
		// Whatever the body of a 2xx, the device is on its way down.
		this.deviceRebooting = true;
		return { connectionDropped: outcome === 'dropped' };
	}

	/** The response, or 'dropped' when the connection failed after the request left. */
	private async sendOnce(request: ApiRequest): Promise<HttpResponse | 'dropped'> {
		try {
			return await this.send(request, request.vdom ?? '', true);
		} catch (error) {
			if (failedBeforeSending(error)) throw error;
			return 'dropped';
		}
	}

	/**
	 * Probes the device while it reboots: any HTTP answer means its web
	 * service is up again. The session the reboot ended is replaced by a new
	 * login on the first request that gets 401.
	 */
	async isAnswering(timeoutMs: number): Promise<boolean> {
		try {
			await this.http.request({ method: 'GET', path: '/api/v2/monitor/system/status', timeoutMs, headers: this.headers() });
			return true;
		} catch {
			return false;
		}
	}

	/** Logs out and closes the connection pool. Returns warnings for the output, never throws. */
	async close(): Promise<string[]> {
		const warnings: string[] = [];
		try {
			// After a reboot or shutdown the session is gone with the device:
			// a logout would only wait for the timeout, so it is skipped.
			const authorization = this.authorization;
			this.authorization = undefined;
			if (!this.deviceRebooting && authorization && authorization.kind !== 'apiKey') {
				await retryOnce(async () => await this.logout(authorization));
			}
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			warnings.push(
				this.options.redactor.redact(
					`Logout from the FortiGate failed (${reason}). The admin session stays open until admintimeout ends it.`,
				),
			);
		} finally {
			await this.http.close();
		}
		return warnings;
	}

	private canLogInAgain(): boolean {
		return this.connection.authentication === 'adminLogin' && this.relogins < MAX_RELOGINS;
	}

	/**
	 * The device ended the session (admintimeout, reboot): start a new one.
	 * Items running in parallel share one renewal, and a request sent before
	 * another item renewed the session just uses the new one.
	 */
	private async renewSession(sentWith: number): Promise<void> {
		if (this.generation !== sentWith) return;
		this.renewing ??= (async () => {
			this.relogins++;
			this.authorization = undefined;
			this.cookies.clear();
			await this.authenticate();
			this.generation++;
		})().finally(() => {
			this.renewing = undefined;
		});
		await this.renewing;
	}

	private async authenticate(): Promise<void> {
		if (this.connection.authentication === 'apiKey') {
			this.authorization = { kind: 'apiKey' };
			return;
		}
		// JSON login first: it is the only one on 7.6.4+, and firmware without
		// it answers 404, which costs no failed-login count.
		if (!(await this.jsonLogin())) await this.legacyLogin();
		// A new session lives on a device that is up: it must be logged out.
		this.deviceRebooting = false;
	}

	private async jsonLogin(): Promise<boolean> {
		const { username, password } = this.connection;
		const response = await this.http.request({
			method: 'POST',
			path: '/api/v2/authentication',
			headers: { accept: 'application/json' },
			json: {
				username,
				secretkey: password,
				ack_pre_disclaimer: true,
				ack_post_disclaimer: true,
				request_key: true,
			},
		});
		this.cookies.store(response.headers['set-cookie']);
		if (response.status === 503) throw sessionLimitReached();
		if (response.status === 429) throw loginRefused('2', username!);
		const answer = parseJsonLoginAnswer(response.body);
		if (!answer) {
			// Not the JSON dialect: the endpoint is absent (404) or disabled
			// (401, 405, an HTML page). /logincheck is tried next.
			if ([200, 401, 404, 405].includes(response.status)) return false;
			throw fortiGateHttpError({ status: response.status, authentication: 'adminLogin', method: 'POST', path: '/api/v2/authentication', purpose: { action: 'log in' } });
		}
		if (answer.code === '5' && answer.sessionKey) {
			this.options.redactor.add(answer.sessionKey);
			this.authorization = { kind: 'jsonSession', sessionKey: answer.sessionKey };
			return true;
		}
		throw loginRefused(answer.code, username!);
	}

	private async legacyLogin(): Promise<void> {
		const { username, password } = this.connection;
		const form = new URLSearchParams({ username: username!, secretkey: password!, ajax: '1' });
		const response = await this.http.request({
			method: 'POST',
			path: '/logincheck',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: form.toString(),
		});
		this.cookies.store(response.headers['set-cookie']);
		if (response.status === 404 || response.status === 405) throw noLoginEndpoint();
		if (response.status === 503) throw sessionLimitReached();
		if (response.status === 429) throw loginRefused('2', username!);
		if (response.status !== 200) {
			throw fortiGateHttpError({ status: response.status, authentication: 'adminLogin', method: 'POST', path: '/logincheck', purpose: { action: 'log in' } });
		}
		const answer = parseLegacyLoginAnswer(response.body);
		if (answer.code !== '1') throw loginRefused(answer.code, username!);
		this.authorization = { kind: 'cookieSession' };
		if (answer.disclaimer) await this.acceptDisclaimer();
		if (!findCsrfToken(this.cookies.jar, this.origin)) {
			// "1" without a valid CSRF cookie: FortiOS did not really log in.
			await this.logout(this.authorization).catch(() => undefined);
			this.authorization = undefined;
			throw loginRefused('0', username!);
		}
	}

	/** A login disclaimer (pre-login banner) is accepted on the admin's behalf. */
	private async acceptDisclaimer(): Promise<void> {
		const response = await this.http.request({
			method: 'POST',
			path: '/logindisclaimer',
			headers: { 'content-type': 'application/x-www-form-urlencoded', ...this.headers() },
			body: 'confirm=1&ajax=1',
		});
		this.cookies.store(response.headers['set-cookie']);
		if (response.status !== 200) {
			throw new FortinetError({
				kind: 'login',
				httpStatus: response.status,
				message: 'The FortiGate did not accept the login disclaimer',
				description: 'Log in once in the web UI to see the disclaimer, or disable it (config system global, set pre-login-banner disable).',
			});
		}
	}

	private async logout(authorization: Authorization | undefined): Promise<void> {
		if (!authorization || authorization.kind === 'apiKey') return;
		const response =
			authorization.kind === 'jsonSession'
				? await this.http.request({ method: 'DELETE', path: '/api/v2/authentication', headers: { authorization: `Bearer ${authorization.sessionKey}`, accept: 'application/json' } })
				: await this.http.request({ method: 'POST', path: '/logout', headers: this.headersFor(authorization) });
		if (response.status >= 400) throw new Error(`the FortiGate answered ${response.status}`);
	}

	private get origin(): string {
		return this.connection.baseUrl.origin;
	}

	private headers(): Record<string, string> {
		return this.headersFor(this.authorization);
	}

	private headersFor(authorization: Authorization | undefined): Record<string, string> {
		const headers: Record<string, string> = { accept: 'application/json' };
		if (authorization?.kind === 'apiKey') headers.authorization = `Bearer ${this.connection.apiKey}`;
		if (authorization?.kind === 'jsonSession') headers.authorization = `Bearer ${authorization.sessionKey}`;
		const cookie = this.cookies.header();
		if (cookie) headers.cookie = cookie;
		const csrf = findCsrfToken(this.cookies.jar, this.origin);
		// Required on writes; sent on every request, which FortiOS accepts.
		if (csrf) headers['x-csrftoken'] = csrf;
		return headers;
	}

	private async send(request: ApiRequest, vdom: string, freshConnection = false, binary = false): Promise<HttpResponse> {
		const response = await this.http.request({
			method: request.method,
			path: request.path,
			query: { ...request.query, vdom: vdom || undefined },
			headers: this.headers(),
			json: request.body,
			freshConnection,
			binary,
			timeoutMs: request.timeoutMs,
		});
		this.cookies.store(response.headers['set-cookie']);
		return response;
	}
}
