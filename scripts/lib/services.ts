import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { hasExited } from './n8n';
import { say } from './runtime';

/** A server this script started; `stop` ends it by PID and removes its data. */
export interface Service {
	name: string;
	port: number;
	pid: number;
	stop(): Promise<void>;
}

const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';

/**
 * Makes sure Debian's PostgreSQL 15 and Redis are installed, installing them
 * with apt-get (and saying so) when they are not.
 */
export function ensureDebianPackages(): void {
	const missing = [
		...(existsSync(join(POSTGRES_BIN, 'postgres')) ? [] : ['postgresql-15']),
		...(spawnSync('which', ['redis-server']).status === 0 ? [] : ['redis-server']),
	];
	if (missing.length === 0) return;
	say(`Installing ${missing.join(' and ')} from Debian's packages (apt-get)…`);
	const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, stdio: ['ignore', 'ignore', 'inherit'] });
	if (install().status === 0) return;
	// The package lists may be missing or stale on a fresh machine.
	spawnSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'] });
	if (install().status !== 0) throw new Error(`apt-get could not install ${missing.join(', ')}`);
}

/**
 * PostgreSQL on 127.0.0.1 in a data folder of its own, run as the `postgres`
 * system user (it refuses root), with a database and trusted user "n8n".
 */
export async function startPostgres(folder: string, port: number): Promise<Service & { query(sql: string): string[][] }> {
	const data = join(folder, 'pgdata');
	mkdirSync(data, { recursive: true });
	chmodSync(folder, 0o755);
	const asPostgres = (args: string[]) => ['-u', 'postgres', '--', ...args];
	spawnSync('chown', ['-R', 'postgres:postgres', data]);
	const init = spawnSync('runuser', asPostgres([join(POSTGRES_BIN, 'initdb'), '-D', data, '-U', 'n8n', '--auth=trust', '-E', 'UTF8']), { encoding: 'utf8' });
	if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
	const server = spawn('runuser', asPostgres([join(POSTGRES_BIN, 'postgres'), '-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${data}`, '-c', 'fsync=off']), { stdio: ['ignore', 'ignore', 'pipe'] });
	let log = '';
	server.stderr!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000)));
	await waitFor('PostgreSQL', () => spawnSync(join(POSTGRES_BIN, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)]).status === 0, server, () => log);
	const create = spawnSync(join(POSTGRES_BIN, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', 'n8n'], { encoding: 'utf8' });
	if (create.status !== 0) throw new Error(`createdb failed: ${create.stderr}`);
	return {
		...service('PostgreSQL', port, server, {
			// pg_ctl's fast shutdown as the postgres user: signals to runuser need not reach the server.
			shutdown: () => spawnSync('runuser', asPostgres([join(POSTGRES_BIN, 'pg_ctl'), 'stop', '-D', data, '-m', 'fast', '-w']), { stdio: 'ignore' }),
			cleanUp: () => rmSync(data, { recursive: true, force: true }),
		}),
		/** Rows of a query on the n8n database, as text columns. */
		query: (sql: string) => {
			const result = spawnSync('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', '-d', 'n8n', '-At', '-F', '\t', '-c', sql], { encoding: 'utf8' });
			if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
			return result.stdout.split('\n').filter(Boolean).map((line) => line.split('\t'));
		},
	};
}

/** Redis on 127.0.0.1 that keeps nothing on disk. */
export async function startRedis(port: number): Promise<Service> {
	const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	server.stdout!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000)));
	await waitFor('Redis', () => /Ready to accept connections/.test(log), server, () => log);
	return service('Redis', port, server, { shutdown: () => server.kill('SIGTERM'), cleanUp: () => undefined });
}

async function waitFor(name: string, ready: () => boolean, server: ChildProcess, log: () => string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!ready()) {
		if (hasExited(server)) throw new Error(`${name} exited while starting:\n${log()}`);
		if (Date.now() > deadline) throw new Error(`${name} did not start within ${timeoutMs / 1000} s:\n${log()}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

function service(name: string, port: number, server: ChildProcess, how: { shutdown: () => void; cleanUp: () => void }): Service {
	return {
		name,
		port,
		pid: server.pid!,
		stop: async () => {
			if (!hasExited(server)) {
				const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
				how.shutdown();
				const timer = setTimeout(() => server.kill('SIGKILL'), 15_000);
				await exited;
				clearTimeout(timer);
			}
			how.cleanUp();
		},
	};
}
