import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { focusedWorkflow } from '../test/e2e/workflows';
import { credentialsFor, runFortiGate, type Authentication } from '../test/harness/fortiGate';
import { emsCredentialsFor, runEms } from '../test/harness/fortiClientEms';
import { jsonOf } from '../test/harness/runNode';
import { emulatorCredentials, startEmulators, stopEmulators, type Emulators } from './lib/lab';
import { N8nInstance, type WorkflowExport } from './lib/n8n';
import { ensureRuntime, packPackage, say } from './lib/runtime';
import { ensureDebianPackages, startPostgres, startRedis, type Service } from './lib/services';

/**
 * `npm run queue`: the package on n8n's distributed engine. PostgreSQL and
 * Redis on loopback, one n8n main and two workers from the pinned runtime
 * (each with the package installed, as n8n requires), the emulators, and
 * webhook-triggered workflows fired with bounded concurrency: first with one
 * worker, then with both, then one worker is killed mid-run. Prints the
 * figures and exits 1 if anything that must hold does not.
 *
 * Options: --executions N (default 200; CI runs 40), --concurrency N (8).
 */

const ADMIN_TIMEOUT_MS = 20_000;

function option(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

interface Scenario {
	id: string;
	run: (emulators: Emulators) => Promise<unknown>;
	workflow: WorkflowExport;
}

/** The workflows, each with the single-process run whose output the queue-mode runs must equal. */
function scenarios(emulators: Emulators): Scenario[] {
	const fortiGate = (authentication: Authentication, name: string, parameters: Record<string, unknown>): Scenario => {
		const credentialType = authentication === 'apiKey' ? 'fortiGateApiKeyApi' : 'fortiGateAdminLoginApi';
		const id = `q-${name}-${authentication}`;
		// The node version the editor adds today, in n8n and in the single-process run alike.
		const typeVersion = 2;
		return {
			id,
			workflow: focusedWorkflow({ id, nodeType: 'fortiGate', credentialType, typeVersion, parameters: { authentication, ...parameters } }),
			run: async ({ fortiGate: emulator }) => jsonOf(await runFortiGate({ authentication, parameters: parameters as never, credentials: credentialsFor(emulator, authentication), typeVersion })),
		};
	};
	const emsSearch = { resource: 'endpoint', operation: 'getMany', limit: 1, filters: { search: emulators.cloud.endpoints[41].ip_addr } };
	return [
		...(['apiKey', 'adminLogin'] as const).flatMap((authentication) => [
			fortiGate(authentication, 'status', { resource: 'system', operation: 'getStatus' }),
			fortiGate(authentication, 'leases', { resource: 'dhcpLease', operation: 'getMany', returnAll: true, options: { vdom: '*' } }),
			fortiGate(authentication, 'policies', { resource: 'firewallPolicy', operation: 'getStatistics', ipVersion: 'both', options: { vdom: '*' } }),
		]),
		{
			id: 'q-ems-search',
			workflow: focusedWorkflow({ id: 'q-ems-search', nodeType: 'fortiClientEms', credentialType: 'fortiClientCloudApi', parameters: { authentication: 'cloudAccessKey', ...emsSearch } }),
			run: async ({ cloud }) => jsonOf(await runEms({ authentication: 'cloudAccessKey', parameters: emsSearch as never, credentials: emsCredentialsFor(cloud, 'cloudAccessKey') })),
		},
	];
}

interface Outcome {
	scenario: string;
	ok: boolean;
	sameAsSingleProcess: boolean;
	status: number;
	ms: number;
}

/** Fires `count` webhook calls, `concurrency` at a time, cycling through the scenarios. */
async function fire(main: N8nInstance, list: Scenario[], expected: Map<string, unknown>, count: number, concurrency: number): Promise<{ outcomes: Outcome[]; seconds: number }> {
	const outcomes: Outcome[] = [];
	let next = 0;
	const started = Date.now();
	const worker = async () => {
		while (next < count) {
			const scenario = list[next++ % list.length];
			const t0 = performance.now();
			const { status, body } = await main.webhook(scenario.id).catch(() => ({ status: 0, body: undefined }));
			const ms = performance.now() - t0;
			outcomes.push({ scenario: scenario.id, ok: status === 200, sameAsSingleProcess: isDeepStrictEqual(body, expected.get(scenario.id)), status, ms });
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return { outcomes, seconds: (Date.now() - started) / 1000 };
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
	const executions = option('executions', 200);
	const concurrency = option('concurrency', 8);
	const started = Date.now();
	ensureDebianPackages();
	ensureRuntime();
	const folder = mkdtempSync(join(tmpdir(), 'n8n-fortinet-queue-'));
	const base = 7100 + Math.floor(Math.random() * 200) * 10;
	const services: Service[] = [];
	const instances: N8nInstance[] = [];
	let emulators: Emulators | undefined;
	const failures: string[] = [];
	// Everything this run started is stopped by PID, also when it is interrupted.
	const stopAll = async () => {
		for (const instance of instances.splice(0).reverse()) await instance.stop();
		if (emulators) await stopEmulators(emulators);
		emulators = undefined;
		for (const service of services.splice(0).reverse()) await service.stop();
		rmSync(folder, { recursive: true, force: true });
	};
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			say(`\n${signal}: stopping n8n, the workers, PostgreSQL and Redis…`);
			void stopAll().finally(() => process.exit(130));
		});
	}
	try {
		const postgres = await startPostgres(folder, base + 8);
		services.push(postgres, await startRedis(base + 9));
		emulators = await startEmulators({ rebootDowntimeMs: 1_500 });
		emulators.fortiGate.options.adminTimeoutMs = ADMIN_TIMEOUT_MS;
		const queueEnv = {
			EXECUTIONS_MODE: 'queue',
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(base + 8),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(base + 9),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		};
		const mainInstance = new N8nInstance({ folder: join(folder, 'main'), port: base, env: queueEnv });
		const workers = [1, 2].map(
			(index) =>
				new N8nInstance({ folder: join(folder, `worker${index}`), port: base + 2 * index, env: { ...queueEnv, QUEUE_HEALTH_CHECK_PORT: String(base + 2 * index), N8N_LOG_LEVEL: 'info' } }),
		);
		instances.push(mainInstance, ...workers);
		// Community packages must be installed on the main instance and on every worker.
		const tarball = packPackage(join(folder, 'package'));
		for (const instance of instances) instance.installPackage(tarball);

		const list = scenarios(emulators);
		mainInstance.importCredentials(emulatorCredentials(emulators));
		mainInstance.importWorkflows(list.map((scenario) => scenario.workflow), true);
		const expected = new Map<string, unknown>();
		for (const scenario of list) expected.set(scenario.id, await scenario.run(emulators));

		await mainInstance.start();
		await mainInstance.waitForWebhooks(list.map((scenario) => scenario.id));
		const ran = workers.map((worker) => worker.countLines(/Worker started execution/g));
		await workers[0].start(180_000, 'worker', ['--concurrency=10']);
		// The single-process runs above logged in and out too: count from here.
		const before = { ...emulators.fortiGate.counters, cloudLogins: emulators.cloud.counters.logins, cloudLogouts: emulators.cloud.counters.logouts };

		const half = Math.floor(executions / 2);
		const one = await fire(mainInstance, list, expected, half, concurrency);
		await workers[1].start(180_000, 'worker', ['--concurrency=10']);
		const two = await fire(mainInstance, list, expected, executions - half, concurrency);
		const outcomes = [...one.outcomes, ...two.outcomes];
		const perWorker = ran.map((count) => count());
		const sessions = {
			fortiGate: { logins: emulators.fortiGate.counters.logins - before.logins, logouts: emulators.fortiGate.counters.logouts - before.logouts, open: emulators.fortiGate.openSessions },
			cloud: { logins: emulators.cloud.counters.logins - before.cloudLogins, logouts: emulators.cloud.counters.logouts - before.cloudLogouts, open: emulators.cloud.openSessions },
		};

		// A worker killed while executions with admin logins run on it.
		const kill = await killDuringRun(mainInstance, workers[1], list, expected, emulators, postgres.query);

		const { fortiGate, cloud } = emulators;
		const successes = outcomes.filter((outcome) => outcome.ok).length;
		const same = outcomes.filter((outcome) => outcome.sameAsSingleProcess).length;
		const latencies = outcomes.map((outcome) => outcome.ms);
		const rate = (phase: { outcomes: Outcome[]; seconds: number }) => phase.outcomes.length / phase.seconds;
		const rows: Array<[string, string]> = [
			['executions', String(outcomes.length)],
			['successes', String(successes)],
			['failures', String(outcomes.length - successes)],
			['same output as single-process', String(same)],
			['run by worker 1', String(perWorker[0])],
			['run by worker 2', String(perWorker[1])],
			['latency p50', `${Math.round(percentile(latencies, 50))} ms`],
			['latency p95', `${Math.round(percentile(latencies, 95))} ms`],
			[`throughput, 1 worker (${one.outcomes.length} runs)`, `${rate(one).toFixed(1)} /s`],
			[`throughput, 2 workers (${two.outcomes.length} runs)`, `${rate(two).toFixed(1)} /s`],
			['2 workers / 1 worker', (rate(two) / rate(one)).toFixed(2)],
			['FortiGate logins / logouts / open', `${sessions.fortiGate.logins} / ${sessions.fortiGate.logouts} / ${sessions.fortiGate.open}`],
			['FortiClient Cloud logins / logouts / open', `${sessions.cloud.logins} / ${sessions.cloud.logouts} / ${sessions.cloud.open}`],
			['worker killed mid-run: calls', `${kill.calls} (all answered within ${Math.round(kill.seconds)} s)`],
			['  answers', kill.answers],
			['  executions in n8n', kill.executionStatuses],
			['  sessions open right after the kill', String(kill.openAfterKill)],
			[`  ended by admintimeout (${ADMIN_TIMEOUT_MS / 1000} s)`, String(kill.endedByAdminTimeout)],
			['  sessions open after admintimeout', String(kill.openAfterTimeout)],
			['open sessions at the end', `FortiGate ${fortiGate.openSessions}, FortiClient Cloud ${cloud.openSessions}`],
			['total time', `${Math.round((Date.now() - started) / 1000)} s`],
		];
		const width = Math.max(...rows.map(([label]) => label.length));
		console.log(['', ...rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`), ''].join('\n'));

		if (successes !== outcomes.length) failures.push(`${outcomes.length - successes} executions failed`);
		if (same !== outcomes.length) failures.push(`${outcomes.length - same} outputs differ from the single-process run`);
		if (perWorker.some((count) => count === 0)) failures.push('a worker ran no execution');
		if (kill.openAfterTimeout !== 0) failures.push('sessions stayed open after admintimeout');
		if (fortiGate.openSessions !== 0 || cloud.openSessions !== 0) failures.push('sessions are left open');
		if (sessions.fortiGate.logins !== sessions.fortiGate.logouts || sessions.cloud.logins !== sessions.cloud.logouts) failures.push('a login had no logout');
	} finally {
		await stopAll();
	}
	if (failures.length > 0) {
		console.error(`Queue mode: ${failures.join('; ')}`);
		process.exit(1);
	}
	console.log('Queue mode: every check held.');
	process.exit(0);
}

/**
 * Fires admin-login executions, SIGKILLs the worker while they run, and
 * records what the callers got, which executions n8n never finished, and
 * whether the FortiGate sessions of the killed worker end by admintimeout.
 */
async function killDuringRun(mainInstance: N8nInstance, victim: N8nInstance, list: Scenario[], expected: Map<string, unknown>, emulators: Emulators, query: (sql: string) => string[][]) {
	const adminLogin = list.filter((scenario) => scenario.id.endsWith('-adminLogin'));
	const ids = adminLogin.map((scenario) => `'${scenario.id}'`).join(', ');
	const statuses = () => Object.fromEntries(query(`SELECT status, count(*) FROM execution_entity WHERE "workflowId" IN (${ids}) GROUP BY status`).map(([status, count]) => [status, Number(count)]));
	const statusesBefore = statuses();
	// Slow replies keep each execution's admin session open for a while, as over a WAN.
	emulators.fortiGate.faults.add({ path: '/api/v2/monitor/', kind: 'latency', ms: 1_500, times: 1_000 });
	const running = fire(mainInstance, adminLogin, expected, 24, 12);
	// Kill once executions run on the victim and have logged in (each then waits on a slow reply).
	const started = victim.countLines(/Worker started execution/g);
	const deadline = Date.now() + 20_000;
	while (started() === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
	await new Promise((resolve) => setTimeout(resolve, 700));
	const expiredBefore = emulators.fortiGate.counters.sessionsExpired;
	await victim.kill();
	const openAfterKill = emulators.fortiGate.openSessions;
	const { outcomes, seconds } = await running;
	emulators.fortiGate.faults.clear();
	await new Promise((resolve) => setTimeout(resolve, ADMIN_TIMEOUT_MS + 2_000));
	const statusesAfter = statuses();
	const byCode: Record<string, number> = {};
	for (const outcome of outcomes) byCode[outcome.status] = (byCode[outcome.status] ?? 0) + 1;
	return {
		calls: outcomes.length,
		seconds,
		answers: Object.entries(byCode).map(([code, count]) => `${count} x ${code === '0' ? 'no answer' : code}`).join(', '),
		executionStatuses: Object.entries(statusesAfter)
			.map(([status, count]) => [status, count - (statusesBefore[status] ?? 0)] as const)
			.filter(([, count]) => count > 0)
			.map(([status, count]) => `${count} ${status}`)
			.join(', '),
		openAfterKill,
		openAfterTimeout: emulators.fortiGate.openSessions,
		endedByAdminTimeout: emulators.fortiGate.counters.sessionsExpired - expiredBefore,
	};
}

main().catch((error) => {
	console.error(error instanceof Error ? error.stack : error);
	process.exit(1);
});

