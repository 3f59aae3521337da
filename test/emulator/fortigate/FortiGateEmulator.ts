import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createCertificates, type CertificateKind } from '../shared/certificates';
import { HttpsEmulator, parseCookies, sendJson as send, sendText } from '../shared/HttpsEmulator';
import { DEMO_ADMINS, DEMO_API_USERS, isTrustedHost, type AccessProfile, type Admin, type ApiUser } from './accounts';
import { PROFILES, type FortiOsProfile, type ProfileName } from './profiles';
import { FortiGateData } from './data';
import { DeviceError, RawReply, WithFields, type Endpoint } from './endpoints/types';

export interface FortiGateEmulatorOptions {
	profile?: ProfileName;
	certificate?: CertificateKind;
	/** Override the profile: does POST /api/v2/authentication exist? */
	jsonLogin?: boolean;
	/**
	 * Override the profile: where a successful JSON login puts the session. Beyond
	 * the two real forms (fortios-rest-api.md section 1), two broken answers the
	 * reference tells clients to survive: `incomplete`, a session cookie without
	 * the CSRF cookie; `none`, success with no session at all.
	 */
	jsonSessionForm?: 'body' | 'cookie' | 'incomplete' | 'none';
	/**
	 * The words of a JSON login's answer (section 1: `status` / `status_code` 5
	 * or 6, or the text LOGIN_SUCCESS; which one a build sends is not recorded).
	 */
	jsonLoginAnswer?: 'statusCode' | 'status' | 'words';
	/** `config system global` / `admin-login-max` (default 100). */
	adminLoginMax?: number;
	/** `admin-lockout-threshold` (default 3) and `admin-lockout-duration` in ms (default 60 s). */
	lockoutThreshold?: number;
	lockoutMs?: number;
	/** `admintimeout` in ms: idle sessions expire (default 5 minutes). */
	adminTimeoutMs?: number;
	/** A pre-login disclaimer must be accepted (`set pre-login-banner enable`). */
	loginDisclaimer?: boolean;
	/** POST /logindisclaimer is refused (403), leaving the half-open session behind until logout. */
	refuseDisclaimer?: boolean;
	/** How the device answers a reboot: `drop` closes the connection unanswered, `reply` answers 200 first. */
	rebootMode?: 'drop' | 'reply';
	/** How long the device stays unreachable after a reboot. */
	rebootDowntimeMs?: number;
	/** Extra synthetic DHCP leases per VDOM, for load tests. */
	extraLeases?: number;
	/** Override the profile: the methods `system/config/backup` accepts. */
	backupMethods?: Array<'GET' | 'POST'>;
	/**
	 * A file (the backup) is sent in 8 chunks this far apart: a large
	 * configuration over a slow WAN, still flowing after any total deadline.
	 */
	downloadChunkDelayMs?: number;
}

interface Session {
	id: string;
	admin: Admin;
	/** The session cookie's name and value (APSCOOKIE_* from /logincheck, session_key_* from a JSON login's cookie form). */
	cookieName?: string;
	cookieValue?: string;
	/** The body form's session key, used as Bearer. */
	sessionKey?: string;
	csrfToken: string;
	/** Whether the client was given the CSRF token (an `incomplete` JSON login gives none). */
	csrfIssued: boolean;
	disclaimerPending: boolean;
	lastUsed: number;
}

type Caller =
	| { kind: 'session'; session: Session; profile: AccessProfile; vdoms: string[]; viaCookie: boolean }
	| { kind: 'apiUser'; user: ApiUser; profile: AccessProfile; vdoms: string[] };

export interface FortiGateCounters {
	logins: number;
	loginFailures: number;
	logouts: number;
	sessionsExpired: number;
	sessionsDroppedByReboot: number;
	reboots: number;
	shutdowns: number;
	csrfRejections: number;
	queryTokenRequests: number;
	requests: Record<string, number>;
}

/**
 * An HTTPS FortiGate on 127.0.0.1 that answers like the devices described in
 * the reference: the login dialects and their answer codes, quoted CSRF
 * cookies with port-suffixed names, CSRF enforcement on cookie-session writes,
 * trusted hosts for API keys, admin profiles, lockout, `admin-login-max`,
 * VDOM arrays, recorded replies, and a reboot that drops the connection.
 */
export class FortiGateEmulator extends HttpsEmulator {
	readonly profile: FortiOsProfile;
	readonly counters: FortiGateCounters = {
		logins: 0,
		loginFailures: 0,
		logouts: 0,
		sessionsExpired: 0,
		sessionsDroppedByReboot: 0,
		reboots: 0,
		shutdowns: 0,
		csrfRejections: 0,
		queryTokenRequests: 0,
		requests: {},
	};
	/** When the last reboot went down and came back, and when the first request after it arrived. */
	readonly rebootTimeline: { down?: number; up?: number; firstRequestAfter?: number } = {};
	/** Messages written to the event log by reboot requests. */
	readonly eventLog: string[] = [];
	readonly admins: Admin[] = DEMO_ADMINS.map((admin) => ({ ...admin }));
	readonly apiUsers: ApiUser[] = DEMO_API_USERS.map((user) => ({ ...user }));

	/** Settings a test may change while the emulator runs (admin-login-max, reboot behaviour, ...). */
	readonly options: Required<Omit<FortiGateEmulatorOptions, 'profile' | 'certificate' | 'jsonLogin' | 'backupMethods' | 'jsonSessionForm'>>;
	/** Whether POST /api/v2/authentication exists, and where it puts the session; a test may change both. */
	jsonLogin: boolean;
	jsonSessionForm: NonNullable<FortiGateEmulatorOptions['jsonSessionForm']>;
	/** The device's tables and state: addresses, banned IPs, tunnels, interfaces, HA, firmware, backups. */
	readonly data: FortiGateData;
	private readonly sessions = new Map<string, Session>();
	private readonly failedLogins = new Map<string, { count: number; lockedUntil: number }>();
	private downUntil = 0;

	constructor(options: FortiGateEmulatorOptions = {}) {
		const profile = PROFILES[options.profile ?? '7.2'];
		const requests: Record<string, number> = {};
		super(createCertificates(options.certificate ?? 'selfSigned', profile.serial), requests);
		this.counters.requests = requests;
		this.profile = profile;
		this.jsonLogin = options.jsonLogin ?? this.profile.jsonLogin;
		this.jsonSessionForm = options.jsonSessionForm ?? this.profile.jsonSessionForm;
		this.options = {
			adminLoginMax: options.adminLoginMax ?? 100,
			lockoutThreshold: options.lockoutThreshold ?? 3,
			lockoutMs: options.lockoutMs ?? 60_000,
			adminTimeoutMs: options.adminTimeoutMs ?? 5 * 60_000,
			loginDisclaimer: options.loginDisclaimer ?? false,
			refuseDisclaimer: options.refuseDisclaimer ?? false,
			jsonLoginAnswer: options.jsonLoginAnswer ?? 'statusCode',
			rebootMode: options.rebootMode ?? 'drop',
			rebootDowntimeMs: options.rebootDowntimeMs ?? 1500,
			extraLeases: options.extraLeases ?? 0,
			downloadChunkDelayMs: options.downloadChunkDelayMs ?? 0,
		};
		this.data = new FortiGateData(this.profile, this.options.extraLeases);
		if (options.backupMethods) this.data.backup.methods.splice(0, Infinity, ...options.backupMethods);
	}

	/** Sessions the device holds now: idle ones past `admintimeout` are gone, as on the device. */
	get openSessions(): number {
		for (const session of [...this.sessions.values()]) {
			if (Date.now() - session.lastUsed > this.options.adminTimeoutMs) {
				this.sessions.delete(session.id);
				this.counters.sessionsExpired++;
			}
		}
		return this.sessions.size;
	}

	get utcLastReboot(): number {
		return this.data.utcLastReboot;
	}

	isDown(): boolean {
		return Date.now() < this.downUntil;
	}

	/** While "rebooting" the device accepts nothing. */
	protected override acceptsConnections(): boolean {
		return !this.isDown();
	}

	/** Ends every session as `admintimeout` would (for session-expiry tests). */
	expireAllSessions(): void {
		this.counters.sessionsExpired += this.sessions.size;
		this.sessions.clear();
	}

	protected route(req: IncomingMessage, res: ServerResponse, url: URL, body: string): void {
		const method = req.method ?? 'GET';
		if (this.rebootTimeline.up && !this.rebootTimeline.firstRequestAfter) this.rebootTimeline.firstRequestAfter = Date.now();
		const path = url.pathname.replace(/\/+$/, '') || '/';
		if (path === '/logincheck' && method === 'POST') return this.legacyLogin(res, body);
		if (path === '/logindisclaimer' && method === 'POST') return this.acceptDisclaimer(req, res, body);
		if (path === '/logout' && (method === 'POST' || method === 'GET')) return this.legacyLogout(req, res);
		if (path === '/api/v2/authentication') {
			if (!this.jsonLogin) return this.notFound(res, method, path);
			if (method === 'POST') return this.jsonLoginRequest(res, body);
			if (method === 'DELETE') return this.jsonLogout(req, res);
			return send(res, 405, { http_method: method, status: 'error', http_status: 405 });
		}
		if (!path.startsWith('/api/v2/')) return notFound(res);

		const caller = this.authenticate(req, url, res);
		if (!caller) return;
		if (method !== 'GET' && caller.kind === 'session' && caller.viaCookie) {
			const header = req.headers['x-csrftoken'];
			if (header !== caller.session.csrfToken) {
				// httpsd logs "no CSRF token found"; the client sees a bare 403.
				this.counters.csrfRejections++;
				return send(res, 403, { http_method: method, status: 'error', http_status: 403 });
			}
		}

		const endpoint = this.data.endpoint(method, path);
		if (!endpoint) return this.notFound(res, method, path);
		if (endpoint.accessGroup !== 'any') {
			const access = caller.profile[endpoint.accessGroup];
			if (access === 'none' || (endpoint.write && access !== 'read-write')) {
				return send(res, 403, { http_method: method, status: 'error', http_status: 403 });
			}
		}

		if (endpoint.reboot || endpoint.shutdown) return this.powerAction(req, res, body, endpoint.shutdown ? 'shutdown' : 'reboot');

		const requested = url.searchParams.get('vdom');
		const vdoms = requested === '*' ? caller.vdoms : requested ? requested.split(',') : [caller.vdoms[0]];
		const unknown = vdoms.find((vdom) => !caller.vdoms.includes(vdom));
		if (unknown !== undefined) {
			return send(res, 404, { http_method: method, status: 'error', http_status: 404, error: -3, vdom: unknown, path: endpoint.path, name: endpoint.name });
		}
		let parsedBody: Record<string, unknown> = {};
		if (method !== 'GET' && body.trim()) {
			try {
				parsedBody = JSON.parse(body) as Record<string, unknown>;
			} catch {
				return send(res, 400, { http_method: method, status: 'error', http_status: 400 });
			}
		}
		const user = caller.kind === 'apiUser' ? caller.user.name : caller.session.admin.username;
		const envelopes: Array<Record<string, unknown>> = [];
		for (const vdom of vdoms) {
			const envelope = this.answer(endpoint, method, vdom, { vdom, params: url.searchParams, body: parsedBody, user });
			if (envelope instanceof RawReply) return this.sendFile(res, envelope);
			if (envelope.status === 'error') return send(res, envelope.http_status as number, envelope);
			envelopes.push(envelope);
		}
		const multi = requested === '*' || (requested ?? '').includes(',');
		send(res, 200, multi ? envelopes : envelopes[0]);
	}

	private sendFile(res: ServerResponse, file: RawReply): void {
		const bytes = Buffer.from(file.body);
		res.writeHead(200, { ...file.headers, 'content-length': bytes.length });
		const delay = this.options.downloadChunkDelayMs;
		if (delay <= 0) return void res.end(bytes);
		const size = Math.ceil(bytes.length / 8);
		const next = (offset: number) => {
			if (offset >= bytes.length || res.destroyed) return void res.end();
			res.write(bytes.subarray(offset, offset + size));
			setTimeout(() => next(offset + size), delay);
		};
		next(0);
	}

	/** One VDOM's envelope (or a raw reply), with the error envelope FortiOS sends when the request fails. */
	private answer(endpoint: Endpoint, method: string, vdom: string, request: Parameters<Endpoint['results']>[0]): Record<string, unknown> | RawReply {
		const envelope: Record<string, unknown> = {
			http_method: method,
			vdom,
			path: endpoint.path,
			name: endpoint.name,
			...(endpoint.action !== undefined ? { action: endpoint.action } : {}),
		};
		const identity = { serial: this.profile.serial, version: this.profile.version, build: this.profile.build };
		try {
			const results = endpoint.results(request);
			if (results instanceof RawReply) return results;
			if (results instanceof WithFields) {
				return { ...envelope, ...(results.results !== undefined ? { results: results.results } : {}), ...results.fields, status: 'success', http_status: 200, ...identity };
			}
			return { ...envelope, results, status: 'success', ...(endpoint.cmdb ? { http_status: 200 } : {}), ...identity };
		} catch (error) {
			if (!(error instanceof DeviceError)) throw error;
			return { ...envelope, status: 'error', http_status: error.httpStatus, error: error.code, ...(error.cliError ? { cli_error: error.cliError } : {}), ...identity };
		}
	}

	private authenticate(req: IncomingMessage, url: URL, res: ServerResponse): Caller | undefined {
		const remote = req.socket.remoteAddress ?? '';
		const queryToken = url.searchParams.get('access_token');
		if (queryToken !== null) {
			this.counters.queryTokenRequests++;
			if (!this.profile.queryTokenAllowed) {
				res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
				send(res, 401, { http_status: 401, status: 'error' });
				return undefined;
			}
		}
		const authorization = String(req.headers.authorization ?? '');
		const bearer = authorization.startsWith('Bearer ') ? authorization.slice(7).trim() : queryToken;

		const cookieSession = this.sessionFromCookie(req);
		if (cookieSession) {
			return { kind: 'session', session: cookieSession, profile: cookieSession.admin.profile, vdoms: cookieSession.admin.vdoms, viaCookie: true };
		}
		if (bearer) {
			const keySession = [...this.sessions.values()].find((session) => session.sessionKey === bearer);
			if (keySession && this.touch(keySession)) {
				return { kind: 'session', session: keySession, profile: keySession.admin.profile, vdoms: keySession.admin.vdoms, viaCookie: false };
			}
			const user = this.apiUsers.find((candidate) => candidate.key === bearer);
			if (user && isTrustedHost(remote, user.trustedHosts)) {
				return { kind: 'apiUser', user, profile: user.profile, vdoms: user.vdoms };
			}
		}
		send(res, 401, { http_status: 401, status: 'error' });
		return undefined;
	}

	private sessionFromCookie(req: IncomingMessage): Session | undefined {
		const session = this.sessionOfCookies(req);
		return session && !session.disclaimerPending && this.touch(session) ? session : undefined;
	}

	/** The session whose cookie (name and value) the request carries, disclaimer pending or not. */
	private sessionOfCookies(req: IncomingMessage): Session | undefined {
		const cookies = parseCookies(req);
		return [...this.sessions.values()].find((candidate) => candidate.cookieName !== undefined && cookies[candidate.cookieName] === candidate.cookieValue);
	}

	/** Applies `admintimeout`; returns false when the session has just expired. */
	private touch(session: Session): boolean {
		if (Date.now() - session.lastUsed > this.options.adminTimeoutMs) {
			this.sessions.delete(session.id);
			this.counters.sessionsExpired++;
			return false;
		}
		session.lastUsed = Date.now();
		return true;
	}

	/** Checks lockout, password and token; returns the /logincheck answer digit or the admin. */
	private checkPassword(username: string, password: string, tokenCode?: string): Admin | 0 | 2 | 3 | 4 {
		const record = this.failedLogins.get(username) ?? { count: 0, lockedUntil: 0 };
		if (Date.now() < record.lockedUntil) return 2;
		const admin = this.admins.find((candidate) => candidate.username === username && candidate.password === password);
		if (!admin) {
			record.count++;
			if (record.count >= this.options.lockoutThreshold) {
				record.lockedUntil = Date.now() + this.options.lockoutMs;
				record.count = 0;
			}
			this.failedLogins.set(username, record);
			this.counters.loginFailures++;
			return 0;
		}
		this.failedLogins.delete(username);
		if (admin.tokenCode && tokenCode !== admin.tokenCode) return 3;
		if (admin.passwordChangeRequired) return 4;
		return admin;
	}

	/**
	 * Opens a session: `legacy` from /logincheck (APSCOOKIE), `jsonCookie` from
	 * a JSON login's cookie form (session_key_* cookie), `key` from its body
	 * form. Every session opened counts as a login, disclaimer pending or not:
	 * the device holds it either way.
	 */
	private newSession(admin: Admin, kind: 'legacy' | 'jsonCookie' | 'key'): Session {
		const id = randomBytes(8).toString('hex');
		const session: Session = {
			id,
			admin,
			csrfToken: randomBytes(16).toString('hex'),
			csrfIssued: true,
			disclaimerPending: kind === 'legacy' && this.options.loginDisclaimer,
			lastUsed: Date.now(),
		};
		if (kind === 'key') session.sessionKey = randomBytes(24).toString('base64url');
		else {
			session.cookieName = kind === 'legacy' ? `APSCOOKIE_${this.port}_${id.slice(0, 6)}` : `session_key_${this.port}_${id.slice(0, 7)}`;
			session.cookieValue = randomBytes(24).toString('hex');
		}
		this.issued.push(session.csrfToken, session.cookieValue ?? session.sessionKey!);
		this.sessions.set(session.id, session);
		this.counters.logins++;
		return session;
	}

	private sessionLimitReached(res: ServerResponse): boolean {
		if (this.sessions.size < this.options.adminLoginMax) return false;
		res.writeHead(503, { 'content-type': 'text/plain' });
		res.end('Maximum number of admin sessions reached (admin-login-max)');
		return true;
	}

	private legacyLogin(res: ServerResponse, body: string): void {
		const form = new URLSearchParams(body);
		const username = form.get('username') ?? '';
		const outcome = this.checkPassword(username, form.get('secretkey') ?? '', form.get('token_code') ?? undefined);
		const port = this.port;
		if (typeof outcome === 'number') {
			// A failed login resets the CSRF cookie to the "not logged in" value.
			res.setHeader('set-cookie', this.profile.csrfCookieNames(port).map((name) => `${name}="0%260"; path=/`));
			return sendText(res, 200, String(outcome));
		}
		if (this.profile.legacyLogin === 'noSessionCookie') {
			// fortios-rest-api.md section 1: from 7.6.3 /logincheck answers the usual "1" but
			// issues no usable session cookie (no APSCOOKIE_*); here a CSRF cookie still comes.
			res.setHeader('set-cookie', this.profile.csrfCookieNames(port).map((name) => `${name}="${randomBytes(16).toString('hex')}"; path=/`));
			return sendText(res, 200, `1document.location="${this.profile.loginRedirect}";\n`);
		}
		if (this.sessionLimitReached(res)) return;
		const session = this.newSession(outcome, 'legacy');
		res.setHeader('set-cookie', [
			`${session.cookieName}="${session.cookieValue}"; path=/; HttpOnly; Secure; SameSite=Strict`,
			...this.profile.csrfCookieNames(port).map((name) => `${name}="${session.csrfToken}"; path=/`),
		]);
		const redirect = session.disclaimerPending ? '/logindisclaimer?viewOnly&redir=%2F' : this.profile.loginRedirect;
		sendText(res, 200, `1document.location="${redirect}";\n`);
	}

	private acceptDisclaimer(req: IncomingMessage, res: ServerResponse, body: string): void {
		const session = this.sessionOfCookies(req);
		if (!session || new URLSearchParams(body).get('confirm') !== '1') return sendText(res, 401, '');
		// Not recorded anywhere; a refusal here leaves the session open, as a device's would be.
		if (this.options.refuseDisclaimer) return sendText(res, 403, '<html><body>Forbidden</body></html>');
		session.disclaimerPending = false;
		sendText(res, 200, `1document.location="${this.profile.loginRedirect}";\n`);
	}

	private legacyLogout(req: IncomingMessage, res: ServerResponse): void {
		const cookies = parseCookies(req);
		const session = this.sessionOfCookies(req);
		if (session) {
			this.sessions.delete(session.id);
			this.counters.logouts++;
		}
		res.setHeader('set-cookie', Object.keys(cookies).map((name) => `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`));
		sendText(res, 200, '<html><body>logged out</body></html>');
	}

	private jsonLoginRequest(res: ServerResponse, body: string): void {
		let request: Record<string, unknown> = {};
		try {
			request = JSON.parse(body || '{}') as Record<string, unknown>;
		} catch {
			return send(res, 400, { http_method: 'POST', status: 'error', http_status: 400 });
		}
		const outcome = this.checkPassword(String(request.username ?? ''), String(request.secretkey ?? ''), request.token_code ? String(request.token_code) : undefined);
		if (typeof outcome === 'number') {
			const answers = { 0: [-1, 'LOGIN_FAILED'], 2: [-4, 'ADMIN_LOCKOUT'], 3: [3, 'TOKEN_CODE_REQUIRED'], 4: [4, 'PASSWORD_CHANGE_REQUIRED'] } as const;
			const [statusCode, message] = answers[outcome];
			return send(res, 200, this.loginAnswer(statusCode, message));
		}
		if (this.sessionLimitReached(res)) return;
		if (this.options.loginDisclaimer && request.ack_pre_disclaimer !== true) {
			return send(res, 200, this.loginAnswer(7, 'PRE_LOGIN_DISCLAIMER_REQUIRED'));
		}
		const success = this.loginAnswer(5, 'LOGIN_SUCCESS');
		const form = this.jsonSessionForm;
		if (form === 'none') return send(res, 200, success);
		if (form === 'body' && request.request_key === true) {
			const session = this.newSession(outcome, 'key');
			return send(res, 200, { ...success, session_key: session.sessionKey });
		}
		// The cookie form (7.6.3+, KB 227837), or a body-form device asked for no key.
		const session = this.newSession(outcome, 'jsonCookie');
		const csrfName = `ccsrf_token_${this.port}_${session.id.slice(0, 7)}`;
		session.csrfIssued = form !== 'incomplete';
		res.setHeader('set-cookie', [
			`${session.cookieName}="${session.cookieValue}"; path=/; HttpOnly; Secure; SameSite=Strict`,
			...(session.csrfIssued ? [`${csrfName}="${session.csrfToken}"; path=/`] : []),
		]);
		send(res, 200, success);
	}

	/** A JSON login answer in the words this emulator was told to use (`jsonLoginAnswer`). */
	private loginAnswer(code: number, words: string): Record<string, unknown> {
		switch (this.options.jsonLoginAnswer) {
			case 'status':
				return { status: code };
			case 'words':
				return { status_message: words };
			default:
				return { status_code: code, status_message: words };
		}
	}

	/**
	 * DELETE /api/v2/authentication (section 1): the Bearer key for the body
	 * form; the cookies and X-CSRFTOKEN for the cookie form (a write like any
	 * other; a session that was never given a CSRF token is let go without).
	 */
	private jsonLogout(req: IncomingMessage, res: ServerResponse): void {
		const authorization = String(req.headers.authorization ?? '');
		const key = authorization.startsWith('Bearer ') ? authorization.slice(7) : '';
		const byKey = key ? [...this.sessions.values()].find((candidate) => candidate.sessionKey === key) : undefined;
		const byCookie = byKey ? undefined : this.sessionOfCookies(req);
		const session = byKey ?? byCookie;
		if (!session) return send(res, 401, { http_method: 'DELETE', status: 'error', http_status: 401 });
		if (byCookie && byCookie.csrfIssued && req.headers['x-csrftoken'] !== byCookie.csrfToken) {
			this.counters.csrfRejections++;
			return send(res, 403, { http_method: 'DELETE', status: 'error', http_status: 403 });
		}
		this.sessions.delete(session.id);
		this.counters.logouts++;
		send(res, 200, { http_method: 'DELETE', status: 'success', http_status: 200 });
	}

	/**
	 * An /api/v2 path this firmware does not have: FortiOS answers with a JSON
	 * error envelope, not a page (the forum report of a 404 for
	 * `dashboard/reboot`, fortios-rest-api.md section 6; envelope fields per section 5).
	 */
	private notFound(res: ServerResponse, method: string, path: string): void {
		const [, , , kind, ...rest] = path.split('/');
		send(res, 404, {
			http_method: method,
			...(kind === 'cmdb' || kind === 'monitor' ? { path: rest[0] ?? '', name: rest[1] ?? '' } : {}),
			status: 'error',
			http_status: 404,
			serial: this.profile.serial,
			version: this.profile.version,
			build: this.profile.build,
		});
	}

	/** Ends a shutdown: the device answers again, as when someone powers it on. */
	powerOn(): void {
		this.downUntil = 0;
		this.rebootTimeline.up = Date.now();
	}

	private powerAction(req: IncomingMessage, res: ServerResponse, body: string, action: 'reboot' | 'shutdown'): void {
		let message = '';
		try {
			message = String((JSON.parse(body || '{}') as { event_log_message?: unknown }).event_log_message ?? '');
		} catch {
			return send(res, 400, { status: 'error', http_status: 400 });
		}
		if (action === 'reboot') this.counters.reboots++;
		else this.counters.shutdowns++;
		this.eventLog.push(message);
		const goDown = () => {
			// A shut-down device stays down until a test powers it on.
			this.downUntil = action === 'reboot' ? Date.now() + this.options.rebootDowntimeMs : Number.MAX_SAFE_INTEGER;
			this.rebootTimeline.down = Date.now();
			this.rebootTimeline.up = this.downUntil;
			this.rebootTimeline.firstRequestAfter = undefined;
			this.counters.sessionsDroppedByReboot += this.sessions.size;
			this.sessions.clear();
			this.dropAllConnections();
			if (action === 'reboot') this.data.utcLastReboot = this.downUntil;
		};
		if (this.options.rebootMode === 'reply') {
			send(res, 200, { http_method: 'POST', status: 'success', http_status: 200, vdom: 'root', path: 'system', name: 'os', action, serial: this.profile.serial, version: this.profile.version, build: this.profile.build });
			res.once('finish', () => setTimeout(goDown, 50));
		} else {
			// The forum-reported behaviour: "Empty reply from server".
			req.socket.destroy();
			goDown();
		}
	}
}

/** What httpsd serves outside the REST API: an HTML page. */
function notFound(res: ServerResponse): void {
	sendText(res, 404, '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>');
}
