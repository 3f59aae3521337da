import { SessionCookies } from '../../shared/cookies';
import { FortinetError } from '../../shared/errors';
import { HttpClient, closeOnFailure, type HttpResponse } from '../../shared/httpClient';
import type { Redactor } from '../../shared/redactor';
import { retryOnce } from '../../shared/retryOnce';
import { SessionRenewal } from '../../shared/sessionRenewal';
import type { FortiGateConnection } from './connection';
import { jsonLogin } from './login/jsonLogin';
import { legacyLogin } from './login/legacyLogin';
import { powerActionNotSent } from './powerActions';
import { METHOD_REFUSED, readEnvelopes, refusesMethod } from './replies';
import { logOut, sessionHeaders } from './sessionForm';
import type { ApiRequest, DeviceLink, FortiGateEnvelope, SessionForm } from './types';

export type { ApiRequest, FortiGateEnvelope } from './types';

export interface SessionOptions {
	timeoutMs: number;
	redactor: Redactor;
}

/** New logins allowed per execution after the device ended the session (admintimeout, another admin). */
const MAX_RELOGINS = 2;

/**
 * One FortiGate session for one execution: a bearer API key, or an admin
 * login (the JSON dialect first, /logincheck when the firmware has no JSON
 * login). Every request goes through `request()`; `close()` logs out.
 */
export class FortiGateSession {
	/** FortiOS version seen in the latest reply envelope, e.g. "v6.2.4". */
	firmwareVersion?: string;
	private form?: SessionForm;
	private readonly link: DeviceLink;
	private readonly renewal: SessionRenewal;
	/** A reboot or shutdown took the device down, and the session with it. */
	private endedByPowerAction = false;
	/** GET replies kept for this execution by `readOnce`, by path; a change to a table forgets what was read from it. */
	private readonly remembered = new Map<string, { path: string; reply: Promise<FortiGateEnvelope[]> }>();

	private constructor(
		private readonly connection: FortiGateConnection,
		private readonly options: SessionOptions,
	) {
		options.redactor.add(connection.apiKey, connection.password);
		const http = new HttpClient({ baseUrl: connection.baseUrl, tls: connection.tls, timeoutMs: options.timeoutMs, product: 'The FortiGate' });
		this.link = { http, cookies: new SessionCookies(connection.baseUrl.origin, options.redactor), redactor: options.redactor };
		this.renewal = new SessionRenewal(connection.authentication === 'adminLogin' ? MAX_RELOGINS : 0, async () => {
			this.form = undefined;
			this.link.cookies.clear();
			await this.authenticate();
		});
	}

	static async open(connection: FortiGateConnection, options: SessionOptions): Promise<FortiGateSession> {
		const session = new FortiGateSession(connection, options);
		return await closeOnFailure(session.link.http, async () => {
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
		if (request.method !== 'GET') this.forgetReadsOf(request.path);
		const vdom = request.vdom ?? this.connection.vdom;
		const response = await this.sendWithRenewal(request, vdom);
		const envelopes = readEnvelopes(response, request, { authentication: this.connection.authentication, vdom });
		const version = envelopes.find((envelope) => typeof envelope.version === 'string')?.version;
		if (version) this.firmwareVersion = version;
		return envelopes;
	}

	/**
	 * A GET read once per execution, for lookups every item repeats (the
	 * objects a firewall policy may refer to). Until the session sends a
	 * change, the same request gets the same reply without a new round trip.
	 */
	async readOnce(request: ApiRequest & { method: 'GET' }): Promise<FortiGateEnvelope[]> {
		const key = JSON.stringify([request.path, request.query ?? {}, request.vdom ?? this.connection.vdom]);
		let entry = this.remembered.get(key);
		if (!entry) {
			entry = { path: request.path, reply: this.request(request) };
			this.remembered.set(key, entry);
			entry.reply.catch(() => this.remembered.delete(key));
		}
		return await entry.reply;
	}

	/** A write to a table or one of its entries makes what was read of that table stale. */
	private forgetReadsOf(path: string): void {
		for (const [key, entry] of this.remembered) {
			if (path.startsWith(entry.path) || entry.path.startsWith(path)) this.remembered.delete(key);
		}
	}

	/**
	 * Sends a request whose success is a file, not an envelope (the
	 * configuration backup). Refusals still come as envelopes and are
	 * explained like any other; one that refuses the method itself carries
	 * the code METHOD_REFUSED, so that the caller may try the other method.
	 */
	async download(request: ApiRequest): Promise<{ bytes: Buffer; headers: HttpResponse['headers'] }> {
		const vdom = request.vdom ?? this.connection.vdom;
		const response = await this.sendWithRenewal(request, vdom, true);
		const contentType = String(response.headers['content-type'] ?? '');
		if (response.status >= 200 && response.status < 300 && !contentType.includes('json')) {
			return { bytes: response.bytes ?? Buffer.from(response.body), headers: response.headers };
		}
		try {
			readEnvelopes(response, request, { authentication: this.connection.authentication, vdom });
		} catch (error) {
			if (error instanceof FortinetError && refusesMethod(response, request.method)) throw new FortinetError({ ...error, message: error.message, code: METHOD_REFUSED });
			throw error;
		}
		throw new FortinetError({
			kind: 'response',
			httpStatus: response.status,
			message: `The FortiGate answered ${request.method} ${request.path} with an API envelope instead of a file`,
			description: 'This FortiOS version may not support the options sent. Report it with the FortiOS version.',
		});
	}

	/**
	 * Sends a request that takes the device down (reboot, shutdown). It is sent
	 * once, never retried, on a connection of its own. A connection that fails
	 * after the request was written to it means the device went down, which is
	 * success; one that fails before means nothing was sent, which is an error.
	 */
	async sendPowerAction(request: ApiRequest): Promise<{ connectionDropped: boolean }> {
		// A 401 is a refusal unseen, so sending again after a new login cannot act twice.
		const outcome = await this.renewal.run(async () => await this.sendOnce(request), isUnauthorized);
		if (outcome !== 'dropped' && (outcome.status < 200 || outcome.status >= 300)) {
			readEnvelopes(outcome, request, { authentication: this.connection.authentication, vdom: '' });
		}
		// Whatever the body of a 2xx, the device is on its way down.
		this.endedByPowerAction = true;
		return { connectionDropped: outcome === 'dropped' };
	}

	/** The response, or 'dropped' when the connection failed after the request was written to it. */
	private async sendOnce(request: ApiRequest): Promise<HttpResponse | 'dropped'> {
		try {
			return await this.send(request, request.vdom ?? '', { freshConnection: true });
		} catch (error) {
			if (error instanceof FortinetError && error.requestSent) return 'dropped';
			throw powerActionNotSent(request, error);
		}
	}

	/** Logs out and closes the connection pool. Returns warnings for the output, never throws. */
	async close(): Promise<string[]> {
		const warnings: string[] = [];
		try {
			// After a reboot or shutdown the session is gone with the device:
			// a logout would only wait for the timeout, so it is skipped.
			const form = this.form;
			this.form = undefined;
			if (!this.endedByPowerAction && form) await retryOnce(async () => await logOut(this.link, form));
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			warnings.push(
				this.options.redactor.redact(`Logout from the FortiGate failed (${reason}). The admin session stays open until admintimeout ends it.`),
			);
		} finally {
			await this.link.http.close();
		}
		return warnings;
	}

	/** Sends a request; a 401 on an admin session (expired, ended by another admin) gets one new login and one resend. */
	private async sendWithRenewal(request: ApiRequest, vdom: string, binary = false): Promise<HttpResponse> {
		return await this.renewal.run(async () => await this.send(request, vdom, { binary }), isUnauthorized);
	}

	private async authenticate(): Promise<void> {
		const { authentication, apiKey, username, password } = this.connection;
		if (authentication === 'apiKey') {
			this.form = { kind: 'apiKey', apiKey: apiKey! };
			return;
		}
		const credentials = { username: username!, password: password! };
		// JSON login first: it is the only one from 7.6.3, and firmware without
		// it answers an error envelope, which costs no failed-login count.
		const json = await jsonLogin(this.link, credentials);
		this.form = 'form' in json ? json.form : await legacyLogin(this.link, credentials, json.notOffered);
		// A new session lives on a device that is up: it must be logged out.
		this.endedByPowerAction = false;
	}

	private async send(request: ApiRequest, vdom: string, how: { freshConnection?: boolean; binary?: boolean } = {}): Promise<HttpResponse> {
		// A reboot ended the admin session: the first request after it logs in
		// anew (while the device boots, that login may fail; the caller retries).
		if (this.endedByPowerAction && this.connection.authentication === 'adminLogin') await this.renewal.renewNow();
		const response = await this.link.http.request({
			method: request.method,
			path: request.path,
			query: { ...request.query, vdom: vdom || undefined },
			headers: sessionHeaders(this.link, this.form),
			json: request.body,
			freshConnection: how.freshConnection,
			binary: how.binary,
			timeoutMs: request.timeoutMs,
		});
		this.link.cookies.store(response.headers['set-cookie']);
		return response;
	}
}

function isUnauthorized(outcome: HttpResponse | 'dropped'): boolean {
	return outcome !== 'dropped' && outcome.status === 401;
}
