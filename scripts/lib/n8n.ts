import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJson } from '../../nodes/shared/json';
import { N8N_DIR, n8nBin, node24, say } from './runtime';

export interface CredentialExport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface WorkflowExport {
	id: string;
	name: string;
	nodes: Array<Record<string, unknown>>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	active?: boolean;
	[key: string]: unknown;
}

export interface N8nOptions {
	/** Folder holding this instance's .n8n (database, community nodes). */
	folder: string;
	port: number;
	/** Owner account created from the environment (for the editor). */
	owner?: { email: string; passwordHash: string };
	env?: NodeJS.ProcessEnv;
}

/**
 * One n8n instance of the pinned runtime in its own folder: the package
 * installed as a community node, credentials and workflows imported through
 * n8n's own CLI, and `n8n start` for webhook-triggered runs.
 */
export class N8nInstance {
	readonly env: NodeJS.ProcessEnv;
	/** The one folder the Read/Write Files node may use (N8N_RESTRICT_FILE_ACCESS_TO). */
	readonly filesFolder: string;
	private server?: ChildProcess;
	private log = '';
	private readonly lineCounters: Array<{ pattern: RegExp; count: number }> = [];

	constructor(private readonly options: N8nOptions) {
		mkdirSync(join(options.folder, '.n8n', 'nodes'), { recursive: true });
		this.filesFolder = join(options.folder, 'files');
		mkdirSync(this.filesFolder, { recursive: true });
		this.env = {
			...process.env,
			// n8n refuses to start with NODE_ENV=test, which jest sets.
			NODE_ENV: 'production',
			N8N_USER_FOLDER: options.folder,
			N8N_ENCRYPTION_KEY: 'n8n-nodes-fortinet-local-only',
			N8N_PORT: String(options.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `http://127.0.0.1:${options.port}/`,
			N8N_RUNNERS_BROKER_PORT: String(options.port + 1),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_LOG_LEVEL: 'warn',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_RESTRICT_FILE_ACCESS_TO: this.filesFolder,
			...(options.owner
				? {
						N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
						N8N_INSTANCE_OWNER_EMAIL: options.owner.email,
						N8N_INSTANCE_OWNER_PASSWORD_HASH: options.owner.passwordHash,
						N8N_INSTANCE_OWNER_FIRST_NAME: 'Fortinet',
						N8N_INSTANCE_OWNER_LAST_NAME: 'Admin',
					}
				: {}),
			...options.env,
		};
	}

	get url(): string {
		return `http://127.0.0.1:${this.options.port}`;
	}

	/** Installs the packed package the way n8n's docs describe for manual installs. */
	installPackage(tarball: string): void {
		const nodesDir = join(this.options.folder, '.n8n', 'nodes');
		writeFileSync(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
		const result = spawnSync('npm', ['install', '--omit=peer', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: nodesDir, stdio: ['ignore', 'ignore', 'inherit'] });
		if (result.status !== 0) throw new Error('npm install of the package into .n8n/nodes failed');
	}

	/**
	 * Runs an n8n CLI command; returns its exit code and output. The output goes
	 * through files: n8n exits right after printing, and a pipe would lose the
	 * end of a large result, while writes to a file are synchronous.
	 */
	cli(args: string[], env: NodeJS.ProcessEnv = {}): { status: number; stdout: string; stderr: string } {
		const base = join(this.options.folder, `cli-${randomBytes(4).toString('hex')}`);
		const out = openSync(`${base}.out`, 'w');
		const err = openSync(`${base}.err`, 'w');
		try {
			const result = spawnSync(node24, [n8nBin, ...args], { env: { ...this.env, ...env }, stdio: ['ignore', out, err] });
			return { status: result.status ?? 1, stdout: readFileSync(`${base}.out`, 'utf8'), stderr: readFileSync(`${base}.err`, 'utf8') };
		} finally {
			closeSync(out);
			closeSync(err);
			rmSync(`${base}.out`, { force: true });
			rmSync(`${base}.err`, { force: true });
		}
	}

	/**
	 * The error of the latest execution, read from n8n's database with n8n's
	 * own sqlite3 and flatted: `n8n execute` prints only the message, not the
	 * node that failed.
	 */
	lastExecutionError(): { node?: string; message?: string; description?: string } | undefined {
		const script = `
			const sqlite3 = require('sqlite3');
			const { parse } = require('flatted');
			const db = new sqlite3.Database(process.argv[1], sqlite3.OPEN_READONLY);
			db.get('SELECT d.data FROM execution_entity e JOIN execution_data d ON d.executionId = e.id ORDER BY e.id DESC LIMIT 1', (error, row) => {
				if (error || !row) process.exit(1);
				const result = parse(row.data).resultData || {};
				const failure = result.error || {};
				process.stdout.write(JSON.stringify({ node: (failure.node && failure.node.name) || result.lastNodeExecuted, message: failure.message, description: failure.description }));
			});`;
		const database = join(this.options.folder, '.n8n', 'database.sqlite');
		const result = spawnSync(node24, ['-e', script, database], { cwd: N8N_DIR, encoding: 'utf8' });
		if (result.status !== 0 || !result.stdout) return undefined;
		return JSON.parse(result.stdout) as { node?: string; message?: string; description?: string };
	}

	/**
	 * What the first node of each execution of a workflow produced, oldest
	 * first, read from n8n's database: for trigger workflows, whose output no
	 * webhook answer carries.
	 */
	executionOutputs(workflowId: string, nodeName: string): Array<{ status: string; items: Array<Record<string, unknown>> }> {
		const script = `
			const sqlite3 = require('sqlite3');
			const { parse } = require('flatted');
			const db = new sqlite3.Database(process.argv[1], sqlite3.OPEN_READONLY);
			db.all('SELECT e.status, d.data FROM execution_entity e JOIN execution_data d ON d.executionId = e.id WHERE e.workflowId = ? ORDER BY e.id', [process.argv[2]], (error, rows) => {
				if (error) process.exit(1);
				process.stdout.write(JSON.stringify(rows.map((row) => {
					const runs = (parse(row.data).resultData.runData || {})[process.argv[3]] || [];
					const items = runs.length ? runs[0].data.main[0].map((item) => item.json) : [];
					return { status: row.status, items };
				})));
			});`;
		const database = join(this.options.folder, '.n8n', 'database.sqlite');
		const result = spawnSync(node24, ['-e', script, database, workflowId, nodeName], { cwd: N8N_DIR, encoding: 'utf8' });
		if (result.status !== 0) throw new Error(`Reading the executions failed: ${result.stderr}`);
		return JSON.parse(result.stdout || '[]') as Array<{ status: string; items: Array<Record<string, unknown>> }>;
	}

	/** Logs in to the REST API as the owner and returns a caller that sends the session cookie. */
	async restAs(owner: { email: string; password: string }): Promise<(method: string, path: string, body?: unknown) => Promise<{ status: number; body: unknown }>> {
		const login = await fetch(`${this.url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
		});
		const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
		return async (method, path, body) => {
			const response = await fetch(`${this.url}/rest${path}`, {
				method,
				headers: { 'content-type': 'application/json', cookie, 'browser-id': 'n8n-nodes-fortinet' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await response.text();
			return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
		};
	}

	private cliOrThrow(args: string[]): void {
		const result = this.cli(args);
		if (result.status !== 0) throw new Error(`n8n ${args[0]} failed:\n${result.stdout}\n${result.stderr}`);
	}

	importCredentials(credentials: CredentialExport[]): void {
		const file = join(this.options.folder, `credentials-${randomBytes(4).toString('hex')}.json`);
		writeFileSync(file, JSON.stringify(credentials));
		this.cliOrThrow(['import:credentials', `--input=${file}`]);
	}

	/** Imports workflows; `publish` makes their webhooks live for `n8n start`. */
	importWorkflows(workflows: WorkflowExport[], publish = false): void {
		const dir = join(this.options.folder, `workflows-${randomBytes(4).toString('hex')}`);
		mkdirSync(dir, { recursive: true });
		for (const workflow of workflows) writeFileSync(join(dir, `${workflow.id}.json`), JSON.stringify(workflow));
		this.cliOrThrow(['import:workflow', '--separate', `--input=${dir}`]);
		if (publish) for (const workflow of workflows) this.cliOrThrow(['publish:workflow', `--id=${workflow.id}`]);
	}

	/**
	 * Starts `n8n start`, or with `worker` a queue-mode worker (its health
	 * endpoint, on this instance's port, tells when it is ready).
	 */
	async start(timeoutMs = 180_000, command: 'start' | 'worker' = 'start', args: string[] = []): Promise<void> {
		say(command === 'start' ? `Starting n8n on ${this.url}…` : `Starting an n8n worker (health on ${this.url})…`);
		this.server = spawn(node24, [n8nBin, command, ...args], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
		const keep = (chunk: Buffer) => {
			const text = chunk.toString();
			this.log = (this.log + text).slice(-200_000);
			for (const counter of this.lineCounters) counter.count += text.match(counter.pattern)?.length ?? 0;
		};
		this.server.stdout!.on('data', keep);
		this.server.stderr!.on('data', keep);
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (hasExited(this.server)) throw new Error(`n8n exited while starting:\n${this.log}`);
			const ready = await fetch(`${this.url}/healthz/readiness`).then((response) => response.ok, () => false);
			if (ready) return;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`n8n did not become ready within ${timeoutMs / 1000} s:\n${this.log}`);
	}

	/**
	 * Published workflows are activated after n8n reports ready. A GET on a
	 * POST webhook tells when: n8n then answers "did you mean POST".
	 */
	async waitForWebhooks(paths: string[], timeoutMs = 60_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (const path of paths) {
			for (;;) {
				const text = await fetch(`${this.url}/webhook/${path}`).then((response) => response.text(), () => '');
				if (/did you mean/i.test(text)) break;
				if (Date.now() > deadline) throw new Error(`The webhook ${path} was not activated within ${timeoutMs / 1000} s:\n${this.log}`);
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
		}
	}

	get output(): string {
		return this.log;
	}

	/** Counts, from now on, the output lines matching a pattern (a global RegExp); read the count with the function returned. */
	countLines(pattern: RegExp): () => number {
		const counter = { pattern, count: 0 };
		this.lineCounters.push(counter);
		return () => counter.count;
	}

	/** The process ID of `n8n start` or the worker, while it runs. */
	get pid(): number | undefined {
		return this.server && !hasExited(this.server) ? this.server.pid : undefined;
	}

	/** Kills the process at once, as a crash would (no graceful shutdown). */
	async kill(): Promise<void> {
		const server = this.server;
		if (!server || hasExited(server)) return;
		const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
		server.kill('SIGKILL');
		await exited;
	}

	/** Calls a production webhook and returns the status and parsed body. */
	async webhook(path: string, body: unknown = {}): Promise<{ status: number; body: unknown }> {
		const response = await fetch(`${this.url}/webhook/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		const text = await response.text();
		return { status: response.status, body: parseJson(text) ?? text };
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server || hasExited(server)) return;
		const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
		server.kill('SIGTERM');
		const timer = setTimeout(() => server.kill('SIGKILL'), 20_000);
		await exited;
		clearTimeout(timer);
	}
}

/** Whether a child process has ended, by exit or by a signal (a killed process keeps exitCode null). */
export function hasExited(child: ChildProcess): boolean {
	return child.exitCode !== null || child.signalCode !== null;
}

/**
 * The JSON that `n8n execute --rawOutput` prints between its log lines: it is
 * indented, so it runs from a line "{" to the next line "}".
 */
export function executionJson(stdout: string): Record<string, unknown> | undefined {
	const match = /^\{$[\s\S]*?^\}$/m.exec(stdout);
	if (!match) return undefined;
	try {
		return JSON.parse(match[0]) as Record<string, unknown>;
	} catch {
		return undefined;
	}
}
