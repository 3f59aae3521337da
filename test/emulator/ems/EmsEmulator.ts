import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { createCertificates, type CertificateKind } from '../shared/certificates';
import { HttpsEmulator, parseCookies, parseJson, sendJson, sendText } from '../shared/HttpsEmulator';
import { generateEndpoints, type EmsEndpoint } from './endpoints';

export type EmsMode = 'cloud' | 'onPrem';

export interface EmsEmulatorOptions {
	mode: EmsMode;
	endpointCount?: number;
	seed?: number;
	/** Largest page the server returns, whatever `count` asks for (EMS caps silently). */
	pageCap?: number;
	/** A session ends after serving this many API requests (to expire one mid-paging). */
	sessionRequestLimit?: number;
	certificate?: CertificateKind;
	/** Methods /api/v1/auth/signout accepts (clients disagree; 405 for the others). */
	signoutMethods?: Array<'GET' | 'POST'>;
	/**
	 * The name of the on-premises session cookie. forticlient-ems-api.md names
	 * `sessionid`; another name (a build or a proxy that renames it) makes a
	 * signin answer 200 without `sessionid` while a session is open all the same.
	 */
	sessionCookieName?: string;
}

export const CLOUD_ACCOUNT = { accessKey: 'fctk_9f2c4e7a1b3d5f8e0a6c2b4d9e1f3a5c', accountEmail: 'secops@example.com' };
export const ON_PREM_ADMINS = [
	{ name: 'ems-admin', password: 'Ems-Demo-2026', writable: true, sites: ['default', 'branch'] },
	{ name: 'ems-viewer', password: 'Viewer-Demo-2026', writable: false, sites: ['default'] },
];

/** Cloud calls are the on-premises paths behind this prefix. */
export const CLOUD_API_PREFIX = '/fct/api/public/v1/ems_api';
const CLOUD_LOGIN = '/fct/api/public/v1/ems_api_cloud/login/';
const CLOUD_LOGOUT = '/fct/api/public/v1/ems_api_cloud/logout/';

interface Session {
	id: string;
	csrfToken: string;
	writable: boolean;
	requests: number;
}

export interface EmsCounters {
	logins: number;
	loginFailures: number;
	logouts: number;
	sessionsExpired: number;
	pagesServed: number;
	quarantineRequests: number;
	requests: Record<string, number>;
}

const DETAILS_TEMPLATE = (
	JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'ems', 'onprem_endpoint_device_details.json'), 'utf8')) as {
		data: Record<string, unknown>;
	}
).data;

/**
 * FortiClient Cloud or on-premises EMS on 127.0.0.1. Cloud: access-key login
 * at the exact trailing-slash paths and a raw `Authorization: <session_id>`.
 * On-premises: Django-style signin with `csrftoken` and `sessionid` cookies,
 * CSRF token and Referer enforced on writes. Both: the `retval` envelope,
 * silent page-size caps, expiring sessions, and quarantine state that sticks.
 */
export class EmsEmulator extends HttpsEmulator {
	readonly counters: EmsCounters = { logins: 0, loginFailures: 0, logouts: 0, sessionsExpired: 0, pagesServed: 0, quarantineRequests: 0, requests: {} };
	readonly endpoints: EmsEndpoint[];
	/** Settings a test may change while the emulator runs. */
	readonly options: Required<Omit<EmsEmulatorOptions, 'certificate'>>;
	private readonly sessions = new Map<string, Session>();

	constructor(options: EmsEmulatorOptions) {
		const requests: Record<string, number> = {};
		// FortiClient Cloud has a CA-issued certificate; an EMS server usually a self-signed one.
		super(createCertificates(options.certificate ?? (options.mode === 'cloud' ? 'caSigned' : 'selfSigned'), 'FCTEMS0000000001'), requests);
		this.counters.requests = requests;
		this.options = {
			mode: options.mode,
			endpointCount: options.endpointCount ?? 25,
			seed: options.seed ?? 1,
			pageCap: options.pageCap ?? 1000,
			sessionRequestLimit: options.sessionRequestLimit ?? Number.POSITIVE_INFINITY,
			signoutMethods: options.signoutMethods ?? ['GET', 'POST'],
			sessionCookieName: options.sessionCookieName ?? 'sessionid',
		};
		this.endpoints = generateEndpoints(this.options.endpointCount, this.options.seed);
	}

	get openSessions(): number {
		return this.sessions.size;
	}

	expireAllSessions(): void {
		this.counters.sessionsExpired += this.sessions.size;
		this.sessions.clear();
	}

	protected route(req: IncomingMessage, res: ServerResponse, url: URL, body: string): void {
		const method = req.method ?? 'GET';
		let path = url.pathname;
		if (this.options.mode === 'cloud') {
			if (path === CLOUD_LOGIN && method === 'POST') return this.cloudLogin(res, body);
			if (path === CLOUD_LOGOUT && method === 'POST') return this.cloudLogout(req, res);
			if (!path.startsWith(`${CLOUD_API_PREFIX}/api/`)) return notFound(res);
			path = path.slice(CLOUD_API_PREFIX.length);
		} else {
			if (path === '/api/v1/auth/signin' && method === 'POST') return this.signin(res, body);
			if (path === '/api/v1/auth/signout') return this.signout(req, res, method);
		}
		if (!path.startsWith('/api/v1/')) return notFound(res);

		const session = this.authenticate(req, res);
		if (!session) return;
		if (method !== 'GET' && this.options.mode === 'onPrem' && !this.csrfPasses(req, session, res)) return;

		const details = /^\/api\/v1\/endpoints\/device\/(\d+)\/details$/.exec(path);
		if (method === 'GET' && path === '/api/v1/system/serial_number') return ok(res, 'FCTEMS0000000001');
		if (method === 'GET' && path === '/api/v1/endpoints/index') return this.listEndpoints(res, url.searchParams);
		if (method === 'GET' && details) return this.endpointDetails(res, Number(details[1]));
		if (method === 'POST' && (path === '/api/v1/clients/quarantine' || path === '/api/v1/clients/unquarantine')) {
			if (!session.writable) return sendJson(res, 403, { result: { retval: -1, message: 'Permission denied.' } });
			return this.setQuarantine(res, body, path.endsWith('/quarantine'));
		}
		notFound(res);
	}

	private newSession(writable: boolean): Session {
		const session: Session = { id: randomBytes(20).toString('hex'), csrfToken: randomBytes(24).toString('hex'), writable, requests: 0 };
		this.sessions.set(session.id, session);
		this.issued.push(session.id, session.csrfToken);
		this.counters.logins++;
		return session;
	}

	private cloudLogin(res: ServerResponse, body: string): void {
		const request = parseJson(body) as { access_key?: string; account_email?: string } | undefined;
		if (request?.access_key !== CLOUD_ACCOUNT.accessKey || request?.account_email?.toLowerCase() !== CLOUD_ACCOUNT.accountEmail) {
			this.counters.loginFailures++;
			// The real failure body is not documented; this one is plausible.
			return sendJson(res, 401, { result: 'error', message: 'Invalid access key or account email.' });
		}
		const session = this.newSession(true);
		sendJson(res, 200, { result: 'login', session_id: session.id });
	}

	private cloudLogout(req: IncomingMessage, res: ServerResponse): void {
		const session = this.sessions.get(String(req.headers.authorization ?? ''));
		if (!session) return sendJson(res, 401, { result: { retval: -4, message: 'Session has expired or does not exist.' } });
		this.sessions.delete(session.id);
		this.counters.logouts++;
		sendJson(res, 200, { result: 'logout' });
	}

	private signin(res: ServerResponse, body: string): void {
		const request = parseJson(body) as { name?: string; password?: string; site?: string } | undefined;
		const admin = ON_PREM_ADMINS.find((candidate) => candidate.name === request?.name && candidate.password === request?.password);
		if (!admin) {
			this.counters.loginFailures++;
			return sendJson(res, 401, { result: { retval: -1, message: 'Invalid username or password.' } });
		}
		if (request?.site && !admin.sites.includes(request.site)) {
			this.counters.loginFailures++;
			return sendJson(res, 400, { result: { retval: -1, message: `Site ${request.site} does not exist or is not accessible.` } });
		}
		const session = this.newSession(admin.writable);
		res.setHeader('set-cookie', [
			`csrftoken=${session.csrfToken}; expires=Fri, 26 Nov 2027 03:00:00 GMT; Max-Age=31449600; Path=/; SameSite=Lax; Secure`,
			`${this.options.sessionCookieName}=${session.id}; expires=Fri, 11 Dec 2026 03:00:00 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax; Secure`,
		]);
		sendJson(res, 200, { result: { retval: 1, message: 'Login successful.' } });
	}

	private signout(req: IncomingMessage, res: ServerResponse, method: string): void {
		if (!this.options.signoutMethods.includes(method as 'GET' | 'POST')) {
			res.writeHead(405, { allow: this.options.signoutMethods.join(', '), 'content-type': 'application/json' });
			res.end(JSON.stringify({ detail: `Method "${method}" not allowed.` }));
			return;
		}
		const session = this.sessions.get(parseCookies(req)[this.options.sessionCookieName] ?? '');
		if (session) {
			this.sessions.delete(session.id);
			this.counters.logouts++;
		}
		res.setHeader('set-cookie', [`${this.options.sessionCookieName}=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/`]);
		sendJson(res, 200, { result: { retval: 1, message: 'Logout successful.' } });
	}

	private authenticate(req: IncomingMessage, res: ServerResponse): Session | undefined {
		const id = this.options.mode === 'cloud' ? String(req.headers.authorization ?? '') : (parseCookies(req)[this.options.sessionCookieName] ?? '');
		const session = this.sessions.get(id);
		if (!session || session.requests >= this.options.sessionRequestLimit) {
			if (session) {
				this.sessions.delete(session.id);
				this.counters.sessionsExpired++;
			}
			sendJson(res, 401, { result: { retval: -4, message: 'Session has expired or does not exist.' } });
			return undefined;
		}
		session.requests++;
		return session;
	}

	/** Django's CSRF middleware over HTTPS: token header matching the cookie, and a same-origin Referer. */
	private csrfPasses(req: IncomingMessage, session: Session, res: ServerResponse): boolean {
		const header = String(req.headers['x-csrftoken'] ?? '');
		const referer = String(req.headers.referer ?? '');
		const origin = `https://${req.headers.host}`;
		if (header === session.csrfToken && parseCookies(req).csrftoken === session.csrfToken && (referer === origin || referer.startsWith(`${origin}/`))) {
			return true;
		}
		const reason = !referer ? 'Referer checking failed - no Referer.' : header !== session.csrfToken ? 'CSRF token missing or incorrect.' : 'Referer checking failed - does not match any trusted origins.';
		sendText(res, 403, `<!DOCTYPE html><html><body><h1>Forbidden <span>(403)</span></h1><p>CSRF verification failed. Request aborted.</p><p>${reason}</p></body></html>`);
		return false;
	}

	private listEndpoints(res: ServerResponse, params: URLSearchParams): void {
		const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
		const count = Math.min(Math.max(1, Number(params.get('count') ?? 50) || 50), this.options.pageCap);
		const connection = params.get('connection');
		const deviceId = params.get('device_id');
		const matching = this.endpoints.filter(
			(endpoint) =>
				(!connection || (connection === 'online') === endpoint.is_ems_online) &&
				(!deviceId || String(endpoint.device_id) === deviceId),
		);
		this.counters.pagesServed++;
		ok(res, { endpoints: matching.slice(offset, offset + count), total: matching.length });
	}

	private endpointDetails(res: ServerResponse, id: number): void {
		const endpoint = this.endpoints.find((candidate) => candidate.device_id === id);
		if (!endpoint) return sendJson(res, 404, { result: { retval: -1, message: `Endpoint ${id} not found.` } });
		const { username: _user, group_path: _group, ...fields } = endpoint;
		ok(res, { ...DETAILS_TEMPLATE, ...fields, owner: endpoint.username, can_quarantine: true, is_managed: true, is_installed: true });
	}

	private setQuarantine(res: ServerResponse, body: string, quarantine: boolean): void {
		this.counters.quarantineRequests++;
		const ids = (parseJson(body) as { ids?: unknown } | undefined)?.ids;
		if (!Array.isArray(ids) || ids.length === 0) return sendJson(res, 400, { result: { retval: -1, message: 'ids is required.' } });
		const unknown = ids.filter((id) => !this.endpoints.some((endpoint) => endpoint.device_id === Number(id)));
		if (unknown.length > 0) return sendJson(res, 400, { result: { retval: -1, message: `Invalid client IDs: ${unknown.join(', ')}.` } });
		for (const endpoint of this.endpoints) if (ids.map(Number).includes(endpoint.device_id)) endpoint.is_quarantined = quarantine ? 1 : 0;
		ok(res, null, `${quarantine ? 'Quarantine' : 'Unquarantine'} request sent to ${ids.length} endpoint(s).`);
	}
}

function ok(res: ServerResponse, data: unknown, message: string | null = null): void {
	sendJson(res, 200, { result: { retval: 1, message }, data });
}

function notFound(res: ServerResponse): void {
	sendText(res, 404, '<!doctype html><html><body><h1>Not Found</h1><p>The requested resource was not found on this server.</p></body></html>');
}
