import { SessionCookies } from '../../shared/cookies';
import { FortinetError } from '../../shared/errors';
import { HttpClient, closeOnFailure, type HttpResponse } from '../../shared/httpClient';
import type { Redactor } from '../../shared/redactor';
import { retryOnce } from '../../shared/retryOnce';
import { SessionRenewal } from '../../shared/sessionRenewal';
import type { FortiGateCarrier } from './carrier';
import type { FortiGateConnection } from './connection';
import { jsonLogin } from './login/jsonLogin';
import { legacyLogin } from './login/legacyLogin';
import { powerActionNotSent } from './powerActions';
import { logOut, sessionHeaders } from './sessionForm';
import type { ApiRequest, DeviceLink, SessionForm } from './types';

/** New logins allowed per execution after the device ended the session (admintimeout, another admin). */
const MAX_RELOGINS = 2;

/**
 * The FortiGate's own HTTPS API: a bearer API key, or an admin login (the
 * JSON dialect first, /logincheck when the firmware has no JSON login),
 * logged out at the end.
 */
export class DirectConnection implements FortiGateCarrier {
	readonly access: FortiGateConnection['authentication'];
	private form?: SessionForm;
	private readonly link: DeviceLink;
	private readonly renewal: SessionRenewal;
	/** A reboot or shutdown took the device down, and the session with it. */
	private endedByPowerAction = false;

	private constructor(
		private readonly connection: FortiGateConnection,
		options: { timeoutMs: number; redactor: Redactor },
	) {
		this.access = connection.authentication;
		options.redactor.add(connection.apiKey, connection.password);
		const http = new HttpClient({ baseUrl: connection.baseUrl, tls: connection.tls, timeoutMs: options.timeoutMs, product: 'The FortiGate' });
		this.link = { http, cookies: new SessionCookies(connection.baseUrl.origin, options.redactor), redactor: options.redactor };
		this.renewal = new SessionRenewal(connection.authentication === 'adminLogin' ? MAX_RELOGINS : 0, async () => {
			this.form = undefined;
			this.link.cookies.clear();
			await this.authenticate();
		});
	}

	static async open(connection: FortiGateConnection, options: { timeoutMs: number; redactor: Redactor }): Promise<DirectConnection> {
		const carrier = new DirectConnection(connection, options);
		return await closeOnFailure(carrier.link.http, async () => {
			await carrier.authenticate();
			return carrier;
		});
	}

	get defaultVdom(): string {
		return this.connection.vdom;
	}

	/** A 401 on an admin session (expired, ended by another admin) gets one new login and one resend. */
	async send(request: ApiRequest, vdom: string, options: { binary?: boolean } = {}): Promise<HttpResponse> {
		return await this.renewal.run(async () => await this.sendOnce(request, vdom, { binary: options.binary }), isUnauthorized);
	}

	/**
	 * Sent once, on a connection of its own. A connection that fails after
	 * the request was written to it means the device went down; one that
	 * fails before means nothing was sent.
	 */
	async sendPowerAction(request: ApiRequest): Promise<HttpResponse | 'dropped'> {
		// A 401 is a refusal unseen, so sending again after a new login cannot act twice.
		const outcome = await this.renewal.run(async () => await this.sendPowerActionOnce(request), isUnauthorized);
		if (outcome === 'dropped' || (outcome.status >= 200 && outcome.status < 300)) this.endedByPowerAction = true;
		return outcome;
	}

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
			warnings.push(this.link.redactor.redact(`Logout from the FortiGate failed (${reason}). The admin session stays open until admintimeout ends it.`));
		} finally {
			await this.link.http.close();
		}
		return warnings;
	}

	private async sendPowerActionOnce(request: ApiRequest): Promise<HttpResponse | 'dropped'> {
		try {
			return await this.sendOnce(request, request.vdom ?? '', { freshConnection: true });
		} catch (error) {
			if (error instanceof FortinetError && error.requestSent) return 'dropped';
			throw powerActionNotSent(request, error);
		}
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

	private async sendOnce(request: ApiRequest, vdom: string, how: { freshConnection?: boolean; binary?: boolean }): Promise<HttpResponse> {
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
