import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createCertificates } from '../shared/certificates';
import { HttpsEmulator, parseJson, sendJson, sendText } from '../shared/HttpsEmulator';
import { seededRandom } from '../shared/random';
import { FMG_ADMINS, FMG_API_KEYS, type RpcPermit } from './accounts';
import { DEFAULT_FLEET, Fleet, type FleetDevice, type ManagedDevice } from './fleet';
import { TaskTable, type TaskLine } from './tasks';

export interface FortiManagerEmulatorOptions {
	fleet?: readonly FleetDevice[];
	/**
	 * How enums come back (fortimanager-jsonrpc.md section 3): `honour` gives
	 * words when the request says `verbose: 1`, numbers otherwise; `numeric`
	 * always numbers, as a build that ignores `verbose` would.
	 */
	enums?: 'honour' | 'numeric';
	/** A session ends after serving this many calls, and the next call answers -11 (section 1). */
	sessionCallLimit?: number;
	/** Workspace mode (section 2): ADOM changes need a lock, then commit and unlock. */
	workspaceMode?: boolean;
	/** How long a task runs before it is done. */
	taskDurationMs?: number;
	/** `exec` answers with `result` as an object, not a list (section 1: "accept both"). */
	execResultAsObject?: boolean;
	/**
	 * What /sys/proxy/json does with a target it does not know (unknown, section 4):
	 * refuse the call (-6), or answer an entry with -3 for it.
	 */
	unknownTarget?: 'call' | 'entry';
	/** Each device's FortiOS reply is passed on as a JSON string instead of an object (unknown, section 4). */
	proxyResponseAsText?: boolean;
	/**
	 * Where the CLI script table lives (section 5): `dvmdb`
	 * (/dvmdb/adom/<adom>/script), or `pmConfig`
	 * (/pm/config/adom/<adom>/obj/fmg/script), where 7.6.5 moved it. What
	 * the old table's URL then answers is unknown: here -6 Invalid url.
	 * Running a script and its logs stay under /dvmdb.
	 */
	scriptTable?: 'dvmdb' | 'pmConfig';
	seed?: number;
}

interface Session {
	id: string;
	user: string;
	rpcPermit: RpcPermit;
	systemRights: boolean;
	calls: number;
}

interface Caller {
	session?: Session;
	name: string;
	rpcPermit: RpcPermit;
	systemRights: boolean;
}

type Params = Record<string, unknown> & { url?: string; data?: unknown };
type Status = { code: number; message: string };
type Outcome = { status: Status; data?: unknown };

const OK: Status = Object.freeze({ code: 0, message: 'OK' });
const status = (code: number, message: string): Status => ({ code, message });
const NO_PERMISSION = () => status(-11, 'No permission for the resource');

export interface FortiManagerCounters {
	logins: number;
	loginFailures: number;
	logouts: number;
	sessionsExpired: number;
	calls: number;
	accessTokenRequests: number;
	proxyCalls: Record<string, number>;
	/** The most /sys/proxy/json calls in progress at once (how a client spreads its fan-out). */
	proxyCallsInFlightMax: number;
	locksTaken: number;
	commits: number;
}

/**
 * A FortiManager's JSON-RPC API on 127.0.0.1, after
 * ../shared/reference/fortimanager-jsonrpc.md: everything is POST /jsonrpc
 * answered 200 with the outcome in the body; sessions from sys/login/user or
 * a Bearer API key; -11 for an expired session and for writes of an
 * `rpc-permit read` admin; the device inventory with numeric or verbose
 * enums; groups; /sys/proxy/json to a fleet of FortiGate emulators, in
 * shuffled order, with -12 entries for a device that is down; scripts,
 * policy package installs and tasks that progress over time; workspace
 * locks; counters for sessions, locks and proxied calls per device.
 */
export class FortiManagerEmulator extends HttpsEmulator {
	readonly fleet: Fleet;
	readonly counters: FortiManagerCounters = { logins: 0, loginFailures: 0, logouts: 0, sessionsExpired: 0, calls: 0, accessTokenRequests: 0, proxyCalls: {}, proxyCallsInFlightMax: 0, locksTaken: 0, commits: 0 };
	readonly options: Required<Omit<FortiManagerEmulatorOptions, 'fleet'>>;
	readonly groups = new Map<string, Map<string, string[]>>([['root', new Map([['branches', ['fgt-branch-01', 'fgt-branch-02', 'fgt-branch-03']]])]]);
	readonly scripts = new Map<string, Map<string, { name: string; type: string; target: string; content: string }>>();
	readonly packages = new Map<string, string[]>([['root', ['default', 'branch-policy']], ['customer-a', ['default']]]);
	/** Which session holds each ADOM's workspace lock. */
	readonly locks = new Map<string, string>();
	/** Script output per ADOM and device, as `script/log/latest` returns it. */
	private readonly scriptLogs = new Map<string, string>();
	private readonly sessions = new Map<string, Session>();
	private readonly tasks: TaskTable;
	private readonly random: () => number;

	constructor(options: FortiManagerEmulatorOptions = {}) {
		super(createCertificates('selfSigned', 'FMG-VM0000000001'), {});
		this.fleet = new Fleet(options.fleet ?? DEFAULT_FLEET);
		this.options = {
			enums: options.enums ?? 'honour',
			sessionCallLimit: options.sessionCallLimit ?? Number.POSITIVE_INFINITY,
			workspaceMode: options.workspaceMode ?? false,
			taskDurationMs: options.taskDurationMs ?? 400,
			execResultAsObject: options.execResultAsObject ?? false,
			unknownTarget: options.unknownTarget ?? 'call',
			proxyResponseAsText: options.proxyResponseAsText ?? false,
			scriptTable: options.scriptTable ?? 'dvmdb',
			seed: options.seed ?? 7,
		};
		this.random = seededRandom(this.options.seed);
		this.tasks = new TaskTable(() => this.options.taskDurationMs);
		this.scripts.set('root', new Map([['show-version', { name: 'show-version', type: 'cli', target: 'remote_device', content: 'get system status' }]]));
	}

	override async start(port = 0): Promise<void> {
		await this.fleet.start();
		await super.start(port);
	}

	override async stop(): Promise<void> {
		await super.stop();
		await this.fleet.stop();
	}

	get openSessions(): number {
		return this.sessions.size;
	}

	/** Workspace locks still held by anyone. */
	get locksHeld(): number {
		return this.locks.size;
	}

	/** Ends every session, as idle_timeout_api would. */
	expireAllSessions(): void {
		this.counters.sessionsExpired += this.sessions.size;
		this.sessions.clear();
	}

	protected route(req: IncomingMessage, res: ServerResponse, url: URL, body: string): void {
		if (url.pathname !== '/jsonrpc' || req.method !== 'POST') return sendText(res, 404, '<html><body><h1>404 Not Found</h1></body></html>');
		const request = parseJson(body) as { id?: unknown; method?: string; params?: Params[]; session?: string; verbose?: unknown } | undefined;
		if (!request || typeof request.method !== 'string' || !Array.isArray(request.params)) {
			return sendJson(res, 200, { id: request?.id ?? null, result: [{ status: status(-8, 'Invalid parameter'), url: '' }] });
		}
		this.counters.calls++;
		void this.answer(req, url, request as { id?: unknown; method: string; params: Params[]; session?: string; verbose?: unknown }).then(
			(reply) => sendJson(res, 200, reply),
			(error) => sendJson(res, 200, { id: request.id, result: [{ status: status(-1, String(error)), url: '' }] }),
		);
	}

	private async answer(req: IncomingMessage, url: URL, request: { id?: unknown; method: string; params: Params[]; session?: string; verbose?: unknown }): Promise<Record<string, unknown>> {
		const words = this.options.enums === 'honour' && (request.verbose === 1 || request.verbose === true);
		const [first] = request.params;
		const reply = (outcomes: Array<Outcome & { url: string }>, extra: Record<string, unknown> = {}) => {
			const result = outcomes.map(({ status: itemStatus, url: itemUrl, data }) => ({ status: itemStatus, url: itemUrl, ...(data !== undefined ? { data } : {}) }));
			return { id: request.id ?? null, result: request.method === 'exec' && this.options.execResultAsObject && result.length === 1 ? result[0] : result, ...extra };
		};
		const path = normalise(String(first?.url ?? ''));

		// The query-string token is gone (7.4.7 / 7.6.2): refused like any unknown caller.
		if (url.searchParams.has('access_token')) {
			this.counters.accessTokenRequests++;
			return reply([{ status: NO_PERMISSION(), url: path }]);
		}
		if (request.method === 'exec' && path === 'sys/login/user') return this.login(first.data, reply, path);

		const caller = this.caller(req, request.session);
		if (!caller) return reply([{ status: NO_PERMISSION(), url: path }]);
		if (request.method === 'exec' && path === 'sys/logout') {
			if (caller.session) {
				this.sessions.delete(caller.session.id);
				this.releaseLocksOf(caller.session.id);
				this.counters.logouts++;
			}
			return reply([{ status: OK, url: path }]);
		}
		const outcomes: Array<Outcome & { url: string }> = [];
		for (const params of request.params) {
			const itemPath = normalise(String(params.url ?? ''));
			outcomes.push({ ...(await this.dispatch(request.method, itemPath, params, caller, words)), url: String(params.url ?? '') });
		}
		return reply(outcomes);
	}

	private login(data: unknown, reply: (outcomes: Array<Outcome & { url: string }>, extra?: Record<string, unknown>) => Record<string, unknown>, path: string): Record<string, unknown> {
		const { user, passwd } = (data ?? {}) as { user?: unknown; passwd?: unknown };
		const admin = FMG_ADMINS.find((candidate) => candidate.user === user && candidate.passwd === passwd);
		if (!admin) {
			this.counters.loginFailures++;
			return reply([{ status: status(-22, 'Login fail'), url: path }]);
		}
		// rpc-permit none: -11 at login (section 2).
		if (admin.rpcPermit === 'none') return reply([{ status: NO_PERMISSION(), url: path }]);
		const session: Session = { id: randomBytes(24).toString('base64'), user: admin.user, rpcPermit: admin.rpcPermit, systemRights: admin.systemRights, calls: 0 };
		this.sessions.set(session.id, session);
		this.issued.push(session.id);
		this.counters.logins++;
		return reply([{ status: OK, url: path }], { session: session.id });
	}

	private caller(req: IncomingMessage, sessionId: string | undefined): Caller | undefined {
		const authorization = String(req.headers.authorization ?? '');
		if (authorization.startsWith('Bearer ')) {
			const key = FMG_API_KEYS.find((candidate) => candidate.key === authorization.slice(7).trim());
			return key ? { name: key.name, rpcPermit: key.rpcPermit, systemRights: key.systemRights } : undefined;
		}
		const session = sessionId ? this.sessions.get(sessionId) : undefined;
		if (!session) return undefined;
		session.calls++;
		if (session.calls > this.options.sessionCallLimit) {
			this.sessions.delete(session.id);
			this.releaseLocksOf(session.id);
			this.counters.sessionsExpired++;
			return undefined;
		}
		return { session, name: session.user, rpcPermit: session.rpcPermit, systemRights: session.systemRights };
	}

	private releaseLocksOf(sessionId: string): void {
		for (const [adom, holder] of [...this.locks]) if (holder === sessionId) this.locks.delete(adom);
	}

	private async dispatch(method: string, path: string, params: Params, caller: Caller, words: boolean): Promise<Outcome> {
		const data = (params.data ?? {}) as Record<string, unknown>;
		const proxyRead = path === 'sys/proxy/json' && String(data.action ?? '').toLowerCase() === 'get';
		if (method !== 'get' && caller.rpcPermit !== 'read-write' && !proxyRead) return { status: NO_PERMISSION() };
		let match: RegExpExecArray | null;
		if (method === 'get' && path === 'sys/status') return caller.systemRights ? { status: OK, data: this.systemStatus() } : { status: NO_PERMISSION() };
		if (method === 'get' && path === 'cli/global/system/status') return { status: OK, data: this.systemStatus() };
		if (method === 'get' && path === 'cli/global/system/global') {
			return { status: OK, data: { hostname: 'FMG-EMU', 'adom-status': words ? 'enable' : 1, 'workspace-mode': this.options.workspaceMode ? (words ? 'normal' : 1) : words ? 'disable' : 0 } };
		}
		if (method === 'get' && path === 'dvmdb/adom') return { status: OK, data: this.adoms().map((name) => ({ name, desc: name === 'root' ? 'Default ADOM' : '', state: words ? 'enable' : 1, os_ver: words ? '7.0' : 7, mr: 4 })) };
		if (method === 'get' && path === 'dvmdb/device') return { status: OK, data: this.fleet.devices.map((device) => this.record(device, words)) };
		if ((match = /^dvmdb\/adom\/([^/]+)\/device(?:\/([^/]+))?$/.exec(path)) && method === 'get') {
			const [, adom, name] = match;
			if (!this.adoms().includes(adom)) return { status: status(-6, 'Invalid url') };
			if (name === undefined) return { status: OK, data: this.fleet.inAdom(adom).map((device) => this.record(device, words)) };
			const device = this.fleet.find(adom, decodeURIComponent(name));
			return device ? { status: OK, data: this.record(device, words) } : { status: status(-3, 'Object does not exist') };
		}
		if ((match = /^dvmdb\/adom\/([^/]+)\/group$/.exec(path)) && method === 'get') return { status: OK, data: this.groupRecords(match[1], params) };
		if (path === 'sys/proxy/json') return method === 'exec' ? await this.proxy(data) : { status: status(-5, 'No such command') };
		if ((match = /^dvmdb\/adom\/([^/]+)\/workspace\/(lock|commit|unlock)$/.exec(path)) && method === 'exec') return this.workspace(match[1], match[2], caller);
		if ((match = /^dvmdb\/adom\/([^/]+)\/script\/execute$/.exec(path)) && method === 'exec') return await this.runScript(match[1], data);
		if ((match = /^dvmdb\/adom\/([^/]+)\/script\/log\/latest\/device\/([^/]+)$/.exec(path)) && method === 'get') {
			const log = this.scriptLogs.get(`${match[1]}/${decodeURIComponent(match[2])}`);
			return log === undefined ? { status: status(-3, 'Object does not exist') } : { status: OK, data: { content: log, exec_time: new Date().toISOString() } };
		}
		const scriptTablePath = this.options.scriptTable === 'dvmdb' ? /^dvmdb\/adom\/([^/]+)\/script(?:\/([^/]+))?$/ : /^pm\/config\/adom\/([^/]+)\/obj\/fmg\/script(?:\/([^/]+))?$/;
		if ((match = scriptTablePath.exec(path))) return this.scriptTable(method, match[1], match[2] && decodeURIComponent(match[2]), data, caller);
		if (path === 'securityconsole/install/package' && method === 'exec') return this.install(data, caller);
		if ((match = /^task\/task\/(\d+)$/.exec(path)) && method === 'get') {
			const task = this.tasks.read(Number(match[1]), words);
			return task ? { status: OK, data: task } : { status: status(-3, 'Object does not exist') };
		}
		return { status: status(-6, 'Invalid url') };
	}

	private adoms(): string[] {
		return [...new Set(['root', ...this.fleet.devices.map((device) => device.adom)])];
	}

	private systemStatus(): Record<string, unknown> {
		return { Version: 'v7.4.5-build2588 240925 (GA)', 'Serial Number': 'FMG-VM0000000001', Hostname: 'FMG-EMU', 'Platform Type': 'FMG-VM64', 'Admin Domain Configuration': 'Enabled', 'HA Mode': 'Stand Alone', 'Current Time': new Date().toUTCString() };
	}

	/** A `dvmdb` device record (section 3), its enums as numbers or words. */
	private record(device: ManagedDevice, words: boolean): Record<string, unknown> {
		const profile = device.emulator!.profile;
		const [major, minor, patch] = profile.version.replace(/^v/, '').split('.').map(Number);
		const up = !device.down;
		return {
			name: device.name,
			sn: profile.serial,
			ip: up ? `127.0.0.1` : '192.0.2.33',
			hostname: device.emulator!.data.hostname,
			desc: '',
			platform_str: 'FortiGate-200F',
			os_type: words ? 'fos' : 0,
			os_ver: words ? `${major}.0` : major,
			mr: minor,
			patch,
			build: profile.build,
			conn_status: words ? (up ? 'up' : 'down') : up ? 1 : 2,
			conf_status: words ? (device.name.endsWith('02') ? 'outofsync' : 'insync') : device.name.endsWith('02') ? 2 : 1,
			db_status: words ? 'nomod' : 1,
			ha_mode: words ? (device.haMode === 'a-p' ? 'AP' : 'standalone') : device.haMode === 'a-p' ? 1 : 0,
			ha_slave: device.haMode === 'a-p' ? [{ name: `${device.name}-b`, sn: `${profile.serial.slice(0, -1)}B`, role: words ? 'slave' : 0 }] : null,
			mgmt_mode: words ? 'fmg' : 2,
			mgt_vdom: 'root',
			vdom: [{ name: 'root', opmode: words ? 'nat' : 1 }, ...(device.profile === '7.2' ? [{ name: 'FG-traffic', opmode: words ? 'nat' : 1 }] : [])],
		};
	}

	private groupRecords(adom: string, params: Params): Array<Record<string, unknown>> {
		const withMembers = JSON.stringify(params.option ?? '').includes('object member');
		const groups = new Map(this.groups.get(adom) ?? []);
		groups.set('All_FortiGate', this.fleet.inAdom(adom).map((device) => device.name));
		return [...groups].map(([name, members]) => ({
			name,
			desc: name === 'All_FortiGate' ? 'All FortiGate devices' : '',
			os_type: 0,
			...(withMembers ? { 'object member': members.map((member) => (this.fleet.find(adom, member) ? { name: member, vdom: 'root' } : { name: member })) } : {}),
		}));
	}

	/** The devices a target string names (section 4); undefined when it names nothing known. */
	private resolveTarget(target: string): ManagedDevice[] | undefined {
		const parts = target.replace(/^\//, '').split('/');
		const [scope, adomOrKind, kind, name] = parts.length === 2 ? [undefined, undefined, parts[0], parts[1]] : parts;
		if (parts.length !== 2 && (scope !== 'adom' || adomOrKind === undefined)) return undefined;
		const adom = parts.length === 2 ? undefined : adomOrKind;
		if (kind === 'device') {
			const device = this.fleet.find(adom, name);
			return device ? [device] : undefined;
		}
		if (kind === 'group') {
			const pool = adom ? this.fleet.inAdom(adom) : this.fleet.devices;
			if (name === 'All_FortiGate') return pool;
			const members = this.groups.get(adom ?? 'root')?.get(name);
			return members?.map((member) => this.fleet.find(adom, member)).filter((device): device is ManagedDevice => device !== undefined);
		}
		return undefined;
	}

	private proxyCallsInFlight = 0;

	private async proxy(data: Record<string, unknown>): Promise<Outcome> {
		this.proxyCallsInFlight++;
		this.counters.proxyCallsInFlightMax = Math.max(this.counters.proxyCallsInFlightMax, this.proxyCallsInFlight);
		try {
			return await this.proxyToFleet(data);
		} finally {
			this.proxyCallsInFlight--;
		}
	}

	private async proxyToFleet(data: Record<string, unknown>): Promise<Outcome> {
		const targets = Array.isArray(data.target) ? data.target.map(String) : [];
		const devices = new Map<string, ManagedDevice>();
		const unknown: string[] = [];
		for (const target of targets) {
			const resolved = this.resolveTarget(target);
			if (!resolved && this.options.unknownTarget === 'call') return { status: status(-6, `Invalid url: target ${target}`) };
			if (!resolved) unknown.push(target.split('/').pop() ?? target);
			for (const device of resolved ?? []) devices.set(device.name, device);
		}
		if (devices.size === 0 && unknown.length === 0) return { status: status(-8, 'Invalid parameter: no target') };
		const resource = String(data.resource ?? '');
		const action = String(data.action ?? 'get').toLowerCase();
		const timeoutMs = Math.min(28_800, Number(data.timeout ?? 60)) * 1000;
		const entries = await Promise.all(
			[...devices.values()].map(async (device) => {
				this.counters.proxyCalls[device.name] = (this.counters.proxyCalls[device.name] ?? 0) + 1;
				// What a down device looks like is unknown (section 4): a non-zero status and no response.
				if (device.down) return { target: device.name, status: status(-12, 'Target cannot be connected') };
				try {
					const reply = await this.fleet.forward(device, action, resource, data.payload, timeoutMs);
					return { target: device.name, status: OK, response: this.options.proxyResponseAsText ? JSON.stringify(reply.body) : reply.body };
				} catch (error) {
					return { target: device.name, status: status(-12, `Target cannot be connected: ${(error as Error).message}`) };
				}
			}),
		);
		entries.push(...unknown.map((name) => ({ target: name, status: status(-3, 'Object does not exist') })));
		// No guaranteed order (section 4).
		for (let index = entries.length - 1; index > 0; index--) {
			const other = Math.floor(this.random() * (index + 1));
			[entries[index], entries[other]] = [entries[other], entries[index]];
		}
		return { status: OK, data: entries };
	}

	private workspace(adom: string, action: string, caller: Caller): Outcome {
		const holder = caller.session?.id ?? `key:${caller.name}`;
		const current = this.locks.get(adom);
		if (action === 'lock') {
			if (current && current !== holder) return { status: status(-20055, 'Workspace is locked by another user') };
			if (!current) this.counters.locksTaken++;
			this.locks.set(adom, holder);
			return { status: OK };
		}
		if (current !== holder) return { status: status(-10147, 'No write permission: the ADOM is not locked') };
		if (action === 'commit') this.counters.commits++;
		else this.locks.delete(adom);
		return { status: OK };
	}

	/** In workspace mode an ADOM change needs this caller's lock (section 2). */
	private needsLock(adom: string, caller: Caller): Outcome | undefined {
		if (!this.options.workspaceMode) return undefined;
		const holder = caller.session?.id ?? `key:${caller.name}`;
		const current = this.locks.get(adom);
		if (current === holder) return undefined;
		return current ? { status: status(-20055, 'Workspace is locked by another user') } : { status: status(-10147, 'No write permission: the ADOM is not locked') };
	}

	private scriptTable(method: string, adom: string, name: string | undefined, data: Record<string, unknown>, caller: Caller): Outcome {
		const table = this.scripts.get(adom) ?? new Map();
		this.scripts.set(adom, table);
		if (method === 'get') {
			if (name === undefined) return { status: OK, data: [...table.values()] };
			return table.has(name) ? { status: OK, data: table.get(name) } : { status: status(-3, 'Object does not exist') };
		}
		const refused = this.needsLock(adom, caller);
		if (refused) return refused;
		if (method === 'add' && name === undefined) {
			const script = { name: String(data.name ?? ''), type: String(data.type ?? 'cli'), target: String(data.target ?? 'remote_device'), content: String(data.content ?? '') };
			if (!script.name) return { status: status(-8, 'Invalid parameter: name') };
			if (table.has(script.name)) return { status: status(-2, 'Object already exists') };
			table.set(script.name, script);
			return { status: OK, data: { name: script.name } };
		}
		if (method === 'delete' && name !== undefined) {
			if (!table.delete(name)) return { status: status(-3, 'Object does not exist') };
			return { status: OK };
		}
		return { status: status(-9, 'Command invalid for the url') };
	}

	/** The devices a script or install `scope` names: `{name, vdom}` a device, `{name}` a group. */
	private scopeDevices(adom: string, scope: unknown): ManagedDevice[] | undefined {
		const entries = Array.isArray(scope) ? (scope as Array<{ name?: unknown; vdom?: unknown }>) : [];
		const devices = new Map<string, ManagedDevice>();
		for (const entry of entries) {
			const name = String(entry.name ?? '');
			const resolved = entry.vdom === undefined ? this.resolveTarget(`adom/${adom}/group/${name}`) : this.fleet.find(adom, name) && [this.fleet.find(adom, name)!];
			if (!resolved) return undefined;
			for (const device of resolved) devices.set(device.name, device);
		}
		return [...devices.values()];
	}

	private async runScript(adom: string, data: Record<string, unknown>): Promise<Outcome> {
		const script = this.scripts.get(adom)?.get(String(data.script ?? ''));
		if (!script) return { status: status(-3, 'Object does not exist: script') };
		const devices = this.scopeDevices(adom, data.scope);
		if (!devices || devices.length === 0) return { status: status(-8, 'Invalid parameter: scope') };
		const lines: TaskLine[] = [];
		for (const device of devices) {
			if (device.down) {
				lines.push({ name: device.name, ok: false, detail: 'Device is offline' });
				continue;
			}
			const hostname = device.emulator!.data.hostname;
			const output = script.content
				.split('\n')
				.filter((line) => line.trim())
				.map((line) => `${hostname} $ ${line.trim()}\n${/^get system status/.test(line.trim()) ? `Version: FortiGate-200F ${device.emulator!.profile.version}\nHostname: ${hostname}` : ''}`)
				.join('\n');
			this.scriptLogs.set(`${adom}/${device.name}`, output);
			lines.push({ name: device.name, ok: true, detail: 'OK' });
		}
		return { status: OK, data: { task: this.tasks.create(`Run script ${script.name}`, adom, lines) } };
	}

	private install(data: Record<string, unknown>, caller: Caller): Outcome {
		const adom = String(data.adom ?? '');
		if (!this.packages.has(adom)) return { status: status(-6, 'Invalid url: adom') };
		if (!this.packages.get(adom)!.includes(String(data.pkg ?? ''))) return { status: status(-3, `Object does not exist: package ${String(data.pkg)}`) };
		const refused = this.needsLock(adom, caller);
		if (refused) return refused;
		const devices = this.scopeDevices(adom, data.scope);
		if (!devices || devices.length === 0) return { status: status(-8, 'Invalid parameter: scope') };
		const preview = JSON.stringify(data.flags ?? '').includes('preview');
		const lines = devices.map((device) => (device.down ? { name: device.name, ok: false, detail: 'Device is offline' } : { name: device.name, ok: true, detail: preview ? 'Preview is ready' : 'Install succeeded' }));
		return { status: OK, data: { task: this.tasks.create(`Install ${String(data.pkg)}${preview ? ' (preview)' : ''}`, adom, lines) } };
	}
}

/** Urls are written with and without the leading slash. */
function normalise(url: string): string {
	return url.replace(/^\/+/, '').replace(/\/+$/, '');
}
