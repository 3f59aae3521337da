import { FortinetError } from '../../shared/errors';
import { HttpClient, closeOnFailure } from '../../shared/httpClient';
import { parseJson } from '../../shared/json';
import type { Redactor } from '../../shared/redactor';
import { retryOnce } from '../../shared/retryOnce';
import { SessionRenewal } from '../../shared/sessionRenewal';
import type { FortiManagerConnection } from './connection';
import { notJsonRpc, rpcError, type RpcStatus } from './errors';

export type RpcMethod = 'get' | 'add' | 'set' | 'update' | 'delete' | 'exec';

/** One JSON-RPC call with one params item (fortimanager-jsonrpc.md section 1). */
export interface RpcCall {
	method: RpcMethod;
	url: string;
	data?: unknown;
	/** Other params fields: `fields`, `filter`, `option`, `range`, `loadsub`. */
	params?: Record<string, unknown>;
	/** Reads as "could not <purpose>". */
	purpose: string;
	/** Overrides the execution's timeout (a proxied call with its own timeout). */
	timeoutMs?: number;
}

export interface RpcResult {
	status: RpcStatus;
	data?: unknown;
}

/** New logins per execution after FortiManager ended the session. */
const MAX_RELOGINS = 2;
const NO_PERMISSION = -11;

/**
 * One FortiManager session for one execution: a Bearer API key (7.2.2+), or
 * a sys/login/user session carried in every request body and ended with
 * sys/logout. A -11 on a login session may be an expired session, so it gets
 * one new login and one resend; a second -11 is a real permission problem.
 * Workspace locks the execution took are released before the logout, also
 * after failures.
 */
export class FortiManagerSession {
	private sessionId?: string;
	private nextId = 1;
	private readonly http: HttpClient;
	private readonly renewal: SessionRenewal;
	/** ADOMs this execution locked (workspace mode), to release whatever happens. */
	private readonly locked = new Set<string>();
	private workspaceMode?: Promise<boolean>;

	private constructor(
		readonly connection: FortiManagerConnection,
		private readonly redactor: Redactor,
		readonly timeoutMs: number,
	) {
		redactor.add(connection.apiKey, connection.password);
		this.http = new HttpClient({ baseUrl: connection.baseUrl, tls: connection.tls, timeoutMs, product: 'FortiManager' });
		this.renewal = new SessionRenewal(connection.authType === 'login' ? MAX_RELOGINS : 0, async () => await this.logIn());
	}

	static async open(connection: FortiManagerConnection, options: { timeoutMs: number; redactor: Redactor }): Promise<FortiManagerSession> {
		const session = new FortiManagerSession(connection, options.redactor, options.timeoutMs);
		return await closeOnFailure(session.http, async () => {
			if (connection.authType === 'login') await session.logIn();
			return session;
		});
	}

	/** The ADOM of the credential. */
	get adom(): string {
		return this.connection.adom;
	}

	/** Runs a call; a non-zero status becomes an error that says what to do. */
	async call(call: RpcCall): Promise<unknown> {
		const result = await this.result(call);
		if (result.status.code !== 0) throw this.explain(result.status, call);
		return result.data;
	}

	/** Runs a call and returns its status and data as they are, for callers that decide on the code. */
	async result(call: RpcCall): Promise<RpcResult> {
		return await this.renewal.run(async () => await this.send(call), (result) => result.status.code === NO_PERMISSION && this.connection.authType === 'login');
	}

	explain(status: RpcStatus, call: RpcCall): FortinetError {
		return rpcError(status, { purpose: call.purpose, url: call.url, authType: this.connection.authType, username: this.connection.username });
	}

	/**
	 * Runs `change` with the ADOM locked when FortiManager is in workspace
	 * mode, then commits and unlocks; without workspace mode it just runs it.
	 * Read-only work never calls this. An unlock that fails here is tried
	 * again in `close()`, before the logout.
	 */
	async withWorkspaceLock<T>(adom: string, change: () => Promise<T>): Promise<T> {
		if (!(await this.isWorkspaceMode())) return await change();
		const url = `/dvmdb/adom/${encodeURIComponent(adom)}/workspace`;
		await this.call({ method: 'exec', url: `${url}/lock`, purpose: `lock ADOM "${adom}" for changes` });
		this.locked.add(adom);
		try {
			const outcome = await change();
			await this.call({ method: 'exec', url: `${url}/commit`, purpose: `commit the changes in ADOM "${adom}"` });
			return outcome;
		} finally {
			await this.unlock(adom).catch(() => undefined);
		}
	}

	/** Releases what this execution locked, logs out, closes the pool. Returns warnings, never throws. */
	async close(): Promise<string[]> {
		const warnings: string[] = [];
		for (const adom of [...this.locked]) {
			await retryOnce(async () => await this.unlock(adom)).catch((error: unknown) =>
				warnings.push(this.redactor.redact(`Unlocking ADOM "${adom}" failed (${(error as Error).message}). Unlock it in FortiManager's GUI; uncommitted changes are dropped.`)),
			);
		}
		try {
			if (this.sessionId) await retryOnce(async () => await this.logOut());
		} catch (error) {
			warnings.push(this.redactor.redact(`Logout from FortiManager failed (${(error as Error).message}). The session stays open until idle_timeout_api ends it.`));
		} finally {
			await this.http.close();
		}
		return warnings;
	}

	private async unlock(adom: string): Promise<void> {
		await this.call({ method: 'exec', url: `/dvmdb/adom/${encodeURIComponent(adom)}/workspace/unlock`, purpose: `unlock ADOM "${adom}"` });
		this.locked.delete(adom);
	}

	/**
	 * `workspace-mode` of /cli/global/system/global: 0 / "disable" is off; 1
	 * "normal" and 2 "workflow" lock ADOMs. An admin who may not read it is
	 * taken to work without locks: in workspace mode FortiManager then refuses
	 * the change with -10147, which is explained.
	 */
	private async isWorkspaceMode(): Promise<boolean> {
		this.workspaceMode ??= this.call({ method: 'get', url: '/cli/global/system/global', params: { fields: ['workspace-mode'] }, purpose: 'read the workspace mode' }).then(
			(data) => {
				const mode = (data as Record<string, unknown> | undefined)?.['workspace-mode'];
				return !(mode === undefined || mode === 0 || mode === '0' || mode === 'disable' || mode === 'disabled');
			},
			() => false,
		);
		return await this.workspaceMode;
	}

	private async logIn(): Promise<void> {
		// A -11 may also be a real refusal on a live session: that one is ended before a new one opens.
		if (this.sessionId) await this.logOut().catch(() => undefined);
		this.sessionId = undefined;
		const call: RpcCall = { method: 'exec', url: 'sys/login/user', data: { user: this.connection.username, passwd: this.connection.password }, purpose: 'log in' };
		const { result, reply } = await this.post(call, false);
		if (result.status.code !== 0) {
			if (result.status.code === NO_PERMISSION) {
				throw new FortinetError({
					kind: 'login',
					deviceCode: NO_PERMISSION,
					message: `FortiManager refused the login of "${this.connection.username}": no JSON API access (FortiManager -11)`,
					description: 'Set the admin\'s JSON API Access (rpc-permit) to Read-Write, or Read for reading only (System Settings > Administrators > Edit > JSON API Access).',
				});
			}
			throw this.explain(result.status, call);
		}
		const session = (reply as { session?: unknown }).session;
		if (typeof session !== 'string' || !session) {
			throw new FortinetError({ kind: 'login', message: 'FortiManager answered the login without a session', description: 'Check that the Base URL reaches FortiManager itself and not FortiManager Cloud or a proxy; report it with the FortiManager version.' });
		}
		this.redactor.add(session);
		this.sessionId = session;
	}

	private async logOut(): Promise<void> {
		const { result } = await this.post({ method: 'exec', url: 'sys/logout', purpose: 'log out' }, true);
		// -11: the session was already gone (idle timeout), which is what a logout wants.
		if (result.status.code !== 0 && result.status.code !== NO_PERMISSION) throw new Error(`FortiManager answered ${result.status.code}`);
		this.sessionId = undefined;
	}

	private async send(call: RpcCall): Promise<RpcResult> {
		return (await this.post(call, true)).result;
	}

	/** One HTTP POST to /jsonrpc; the first result item read whether `result` is a list or an object. */
	private async post(call: RpcCall, withSession: boolean): Promise<{ result: RpcResult; reply: Record<string, unknown> }> {
		const id = this.nextId++;
		const body: Record<string, unknown> = { id, method: call.method, params: [{ url: call.url, ...(call.data !== undefined ? { data: call.data } : {}), ...call.params }], verbose: 1 };
		if (withSession && this.sessionId) body.session = this.sessionId;
		const headers: Record<string, string> = { accept: 'application/json' };
		if (this.connection.authType === 'apiKey') headers.authorization = `Bearer ${this.connection.apiKey}`;
		const response = await this.http.request({ method: 'POST', path: '/jsonrpc', headers, json: body, timeoutMs: call.timeoutMs });
		const reply = parseJson(response.body.trim()) as Record<string, unknown> | undefined;
		const raw = reply && typeof reply === 'object' ? reply.result : undefined;
		const first = (Array.isArray(raw) ? raw[0] : raw) as { status?: Partial<RpcStatus>; data?: unknown } | undefined;
		if (response.status === 401 && this.connection.authType === 'apiKey') {
			return { result: { status: { code: NO_PERMISSION, message: 'HTTP 401' } }, reply: reply ?? {} };
		}
		if (!first || typeof first !== 'object' || typeof first.status?.code !== 'number') throw notJsonRpc(response.status, response.body.trim().startsWith('<'));
		return { result: { status: { code: first.status.code, message: String(first.status.message ?? '') }, data: first.data }, reply: reply! };
	}
}
