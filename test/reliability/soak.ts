import { NodeApiError, NodeOperationError, type INodeExecutionData } from 'n8n-workflow';
import { CLOUD_ACCOUNT, EmsEmulator, ON_PREM_ADMINS } from '../emulator/ems/EmsEmulator';
import { FortiGateEmulator } from '../emulator/fortigate/FortiGateEmulator';
import { DEMO_ADMINS, DEMO_API_USERS } from '../emulator/fortigate/accounts';
import type { Fault } from '../emulator/shared/faults';
import { credentialsFor, runFortiGate, type Authentication } from '../harness/fortiGate';
import { emsCredentialsFor, runEms, type EmsAuthentication } from '../harness/fortiClientEms';
import type { RunNodeResult } from '../harness/runNode';
import { seededRandom } from '../emulator/shared/random';
import { ConnectProxy } from '../harness/connectProxy';

/**
 * The fault-injection run: node executions through n8n's ExecuteContext
 * against the emulators, each with a fault drawn from a seeded generator.
 * Executions run one after another and wait for a rebooted emulator to come
 * back, so that the same seed gives the same faults in the same places.
 */
export const FAULT_KINDS = [
	'latency',
	'timeout',
	'http500',
	'http502',
	'http503',
	'resetBeforeReply',
	'resetMidBody',
	'truncatedJson',
	'htmlErrorPage',
	'sessionExpiry',
	'adminLoginMax',
	'logoutFails',
	'rebootReply',
	'rebootDrop',
	'proxyRefusesConnect',
	'proxyStallsConnect',
	'tlsResetInHandshake',
	'disclaimerRefused',
	'jsonLoginWithoutSession',
	'bootAnswers5xxAnd401',
] as const;
/** Faults between n8n and the device, met by a power action's own connection as often as by a login. */
const TRANSPORT_FAULTS: readonly FaultKind[] = ['proxyRefusesConnect', 'proxyStallsConnect', 'tlsResetInHandshake'];
/** Faults of the FortiGate's admin login. */
const LOGIN_FAULTS: readonly FaultKind[] = ['adminLoginMax', 'disclaimerRefused', 'jsonLoginWithoutSession'];
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface SoakReport {
	seed: number;
	executions: number;
	faults: Record<string, number>;
	successes: number;
	cleanErrors: number;
	unhandledExceptions: number;
	sessionsLeftOpen: number;
	secretOccurrences: number;
	rebootsSentTwice: number;
	/** Reboots reported as initiated although the device never received them: must be 0. */
	powerActionsReportedNotSent: number;
	unhandled: string[];
}

type Target =
	| { product: 'fortiGate'; authentication: Authentication; parameters: Record<string, unknown>; path: string }
	| { product: 'ems'; authentication: EmsAuthentication; parameters: Record<string, unknown>; path: string };

const FORTIGATE_OPERATIONS = [
	{ parameters: { resource: 'system', operation: 'getStatus' }, path: '/api/v2/monitor/system/status' },
	{ parameters: { resource: 'dhcpLease', operation: 'getMany', returnAll: true, options: { vdom: '*' } }, path: '/api/v2/monitor/system/dhcp' },
	{ parameters: { resource: 'firewallPolicy', operation: 'getStatistics', ipVersion: 'both' }, path: '/api/v2/monitor/firewall/policy' },
	{ parameters: { resource: 'firewallPolicy', operation: 'getMany', returnAll: true, includeStatistics: true, options: { vdom: 'FG-traffic' } }, path: '/api/v2/cmdb/firewall/policy' },
];
const EMS_OPERATIONS = [
	{ parameters: { resource: 'endpoint', operation: 'getMany', returnAll: true }, path: 'endpoints/index' },
	{ parameters: { resource: 'endpoint', operation: 'get', deviceId: '={{ $json.id }}' }, path: 'endpoints/device' },
	{ parameters: { resource: 'endpoint', operation: 'quarantine', deviceIds: '={{ $json.id }}' }, path: 'clients/quarantine' },
	{ parameters: { resource: 'endpoint', operation: 'unquarantine', deviceIds: '={{ $json.id }}' }, path: 'clients/unquarantine' },
];

export async function runSoak(options: { executions: number; seed: number; log?: boolean }): Promise<SoakReport> {
	const next = seededRandom(options.seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
	const fortiGate = new FortiGateEmulator({ profile: '7.2', jsonLogin: false, rebootDowntimeMs: 300 });
	const cloud = new EmsEmulator({ mode: 'cloud', endpointCount: 1500, pageCap: 500 });
	const onPrem = new EmsEmulator({ mode: 'onPrem', endpointCount: 1500, pageCap: 500 });
	const proxy = new ConnectProxy();
	const [proxyUrl] = await Promise.all([proxy.start(), fortiGate.start(), cloud.start(), onPrem.start()]);
	const report: SoakReport = {
		seed: options.seed,
		executions: 0,
		faults: Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])),
		successes: 0,
		cleanErrors: 0,
		unhandledExceptions: 0,
		sessionsLeftOpen: 0,
		secretOccurrences: 0,
		rebootsSentTwice: 0,
		powerActionsReportedNotSent: 0,
		unhandled: [],
	};
	const texts: string[] = [];
	// Whatever the node or n8n's logger prints is part of what must hold no secret.
	const writeErr = process.stderr.write.bind(process.stderr);
	const writeOut = process.stdout.write.bind(process.stdout);
	const capture = (chunk: unknown) => {
		texts.push(String(chunk));
		return true;
	};
	process.stderr.write = capture as typeof process.stderr.write;
	process.stdout.write = capture as typeof process.stdout.write;
	try {
		for (let index = 0; index < options.executions; index++) {
			const isFortiGate = next() < 0.6;
			const kind: FaultKind | undefined = next() < 0.7 ? pick(FAULT_KINDS) : undefined;
			const transport = kind !== undefined && TRANSPORT_FAULTS.includes(kind);
			const reboot = kind === 'rebootReply' || kind === 'rebootDrop' || kind === 'bootAnswers5xxAnd401' || (transport && next() < 0.5);
			// Login faults concern admin sessions only; an API key opens none.
			const adminOnly = kind !== undefined && LOGIN_FAULTS.includes(kind);
			const rebootParameters = { resource: 'system', operation: 'reboot', ...(kind === 'bootAnswers5xxAnd401' ? { options: { waitForOnline: true, waitTimeout: 5, pollInterval: 0.1 } } : {}) };
			const target: Target = isFortiGate || reboot || adminOnly || transport
				? {
						product: 'fortiGate',
						authentication: adminOnly ? 'adminLogin' : pick(['apiKey', 'adminLogin'] as const),
						...(reboot ? { parameters: rebootParameters, path: '/api/v2/monitor/system/os/reboot' } : pick(FORTIGATE_OPERATIONS)),
					}
				: { product: 'ems', authentication: pick(['cloudAccessKey', 'onPremLogin'] as const), ...pick(EMS_OPERATIONS) };
			const continueOnFail = next() < 0.5;
			const itemCount = reboot ? 1 : 1 + Math.floor(next() * 3);
			const items: INodeExecutionData[] = Array.from({ length: itemCount }, () => ({ json: { id: 1 + Math.floor(next() * 1600) } }));
			const emulator = target.product === 'fortiGate' ? fortiGate : target.authentication === 'cloudAccessKey' ? cloud : onPrem;
			const restore = injectFault(kind, target, { fortiGate, emulator, proxy, proxyUrl }, next);
			if (kind) report.faults[kind]++;
			const rebootsBefore = fortiGate.counters.reboots;

			let outcome: RunNodeResult | undefined;
			try {
				outcome = target.product === 'fortiGate'
					? await runFortiGate({
							authentication: target.authentication,
							parameters: { ...target.parameters, options: { ...(target.parameters.options as object), timeout: 1 } } as never,
							credentials: credentialsFor(fortiGate, target.authentication),
							items,
							continueOnFail,
						})
					: await runEms({
							authentication: target.authentication,
							parameters: { ...target.parameters, options: { timeout: 1 } } as never,
							credentials: emsCredentialsFor(emulator as EmsEmulator, target.authentication),
							items,
							continueOnFail,
						});
				const failedItems = outcome.output.filter((item) => typeof item.json.error === 'string');
				const reportedInitiated = outcome.output.some((item) => item.json.rebootInitiated === true);
				if (reportedInitiated && fortiGate.counters.reboots === rebootsBefore) report.powerActionsReportedNotSent++;
				if (failedItems.length === 0) report.successes++;
				else report.cleanErrors++;
				texts.push(JSON.stringify(outcome.output), JSON.stringify(outcome.hints), outcome.logs.join('\n'));
			} catch (error) {
				const clean = (error instanceof NodeApiError || error instanceof NodeOperationError) && !/undefined|Cannot read|is not a function/.test(error.message);
				if (clean) report.cleanErrors++;
				else {
					report.unhandledExceptions++;
					report.unhandled.push(`#${index} ${kind ?? 'no fault'}: ${String((error as Error)?.stack ?? error).slice(0, 300)}`);
				}
				const e = error as { message?: string; description?: string };
				texts.push(String(e.message), String(e.description), JSON.stringify(error));
			} finally {
				restore();
			}
			if (fortiGate.counters.reboots - rebootsBefore > 1) report.rebootsSentTwice++;
			report.executions++;
			// A rebooting emulator is waited for, so the next execution meets the state the seed decided.
			while (fortiGate.isDown()) await new Promise((resolve) => setTimeout(resolve, 20));
			if (options.log && (index + 1) % 100 === 0) writeErr(`${index + 1} executions\n`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
		report.sessionsLeftOpen = fortiGate.openSessions + cloud.openSessions + onPrem.openSessions;
		const secrets = [
			...DEMO_API_USERS.map((user) => user.key),
			...DEMO_ADMINS.map((admin) => admin.password),
			CLOUD_ACCOUNT.accessKey,
			...ON_PREM_ADMINS.map((admin) => admin.password),
			...fortiGate.issuedSecrets(),
			...cloud.issuedSecrets(),
			...onPrem.issuedSecrets(),
		];
		const haystack = texts.join('\n');
		for (const secret of secrets) report.secretOccurrences += haystack.split(secret).length - 1;
	} finally {
		process.stderr.write = writeErr;
		process.stdout.write = writeOut;
		await Promise.all([fortiGate.stop(), cloud.stop(), onPrem.stop(), proxy.stop()]);
	}
	return report;
}

type FaultSpec = Fault extends infer F ? (F extends Fault ? Omit<F, 'path'> & { path?: Fault['path'] } : never) : never;

interface SoakDevices {
	fortiGate: FortiGateEmulator;
	emulator: FortiGateEmulator | EmsEmulator;
	proxy: ConnectProxy;
	proxyUrl: string;
}

/** Arms one fault for the coming execution; returns how to undo it. */
function injectFault(kind: FaultKind | undefined, target: Target, devices: SoakDevices, next: () => number): () => void {
	const { fortiGate, emulator, proxy } = devices;
	const path = new RegExp(target.path.replace(/\//g, '\\/'));
	const add = (fault: FaultSpec) => emulator.faults.add({ path, ...fault } as Fault);
	const clear = () => emulator.faults.clear();
	/** From the start, or from the first request on (when logins and reads have their connection). */
	const soonOrLater = (arm: () => void) => (next() < 0.5 ? arm() : fortiGate.faults.add({ path: /./, kind: 'call', run: arm }));
	switch (kind) {
		case undefined:
			return clear;
		case 'latency':
			add({ kind: 'latency', ms: 50 + Math.floor(next() * 250), times: 3 });
			return clear;
		case 'timeout':
			add({ kind: 'latency', ms: 1500, times: 2 });
			return clear;
		case 'http500':
		case 'http502':
		case 'http503':
			add({ kind: 'status', status: Number(kind.slice(4)), body: '{"status":"error","http_status":500}', contentType: 'application/json' });
			return clear;
		case 'resetBeforeReply':
			add({ kind: 'reset', times: 1 + Math.floor(next() * 2) });
			return clear;
		case 'resetMidBody':
			add({ kind: 'truncate', times: 1 + Math.floor(next() * 2) });
			return clear;
		case 'truncatedJson':
			add({ kind: 'status', status: 200, body: '{"http_method":"GET","results":[{"ip":"10.', contentType: 'application/json' });
			return clear;
		case 'htmlErrorPage':
			add({ kind: 'status', status: pick2(next, [200, 502]), body: '<html><body><h1>502 Bad Gateway</h1></body></html>' });
			return clear;
		case 'sessionExpiry':
			// The session ends just as the first request of the operation arrives.
			add({ kind: 'call', run: () => emulator.expireAllSessions() });
			return clear;
		case 'adminLoginMax': {
			const before = fortiGate.options.adminLoginMax;
			fortiGate.options.adminLoginMax = 0;
			return () => {
				fortiGate.options.adminLoginMax = before;
			};
		}
		case 'logoutFails':
			// FortiGate POST /logout (this emulator has no JSON login), EMS POST .../signout or .../logout/.
			emulator.faults.add({ path: /\/(logout|signout)\/?$/, method: 'POST', kind: 'status', status: 500, body: 'internal error' });
			return clear;
		case 'rebootReply':
			fortiGate.options.rebootMode = 'reply';
			return () => {
				fortiGate.options.rebootMode = 'drop';
			};
		case 'rebootDrop':
			// Sometimes the connection drops before the reply, sometimes the device answers late.
			if (next() < 0.5) add({ kind: 'latency', ms: 100 + Math.floor(next() * 400) });
			return clear;
		case 'proxyRefusesConnect':
		case 'proxyStallsConnect': {
			const saved = { https: process.env.HTTPS_PROXY, noProxy: process.env.NO_PROXY };
			process.env.HTTPS_PROXY = devices.proxyUrl;
			delete process.env.NO_PROXY;
			proxy.behaviour = 'tunnel';
			soonOrLater(() => (proxy.behaviour = kind === 'proxyRefusesConnect' ? 'refuse' : 'stall'));
			return () => {
				restoreEnv('HTTPS_PROXY', saved.https);
				restoreEnv('NO_PROXY', saved.noProxy);
				proxy.behaviour = 'tunnel';
				clear();
			};
		}
		case 'tlsResetInHandshake':
			soonOrLater(() => (fortiGate.handshakeResets = 1 + Math.floor(next() * 2)));
			return () => {
				fortiGate.handshakeResets = 0;
				clear();
			};
		case 'disclaimerRefused':
			fortiGate.options.loginDisclaimer = true;
			fortiGate.options.refuseDisclaimer = true;
			return () => {
				fortiGate.options.loginDisclaimer = false;
				fortiGate.options.refuseDisclaimer = false;
			};
		case 'jsonLoginWithoutSession':
			fortiGate.jsonLogin = true;
			fortiGate.jsonSessionForm = next() < 0.5 ? 'incomplete' : 'none';
			return () => {
				fortiGate.jsonLogin = false;
				fortiGate.jsonSessionForm = 'body';
			};
		case 'bootAnswers5xxAnd401':
			// While it boots: a 503, an HTML page, a 401 and a 500, then the REST API is back.
			add({
				kind: 'call',
				run: () => {
					for (const [status, body] of [[503, 'Service Unavailable'], [200, '<html>System is starting...</html>'], [401, '{"status":"error","http_status":401}'], [500, '{"status":"error","http_status":500}']] as const) {
						fortiGate.faults.add({ path: /^\/(api\/v2|logincheck)/, kind: 'status', status, body, contentType: body.startsWith('{') ? 'application/json' : 'text/html' });
					}
				},
			});
			return clear;
	}
}

function restoreEnv(name: string, value: string | undefined): void {
	if (value === undefined) delete process.env[name];
	else process.env[name] = value;
}

function pick2<T>(next: () => number, list: T[]): T {
	return list[Math.floor(next() * list.length)];
}

export function formatReport(report: SoakReport): string {
	const rows: Array<[string, string]> = [
		['seed', String(report.seed)],
		['executions', String(report.executions)],
		...Object.entries(report.faults).map(([kind, count]): [string, string] => [`  faults: ${kind}`, String(count)]),
		['faults injected', String(Object.values(report.faults).reduce((sum, count) => sum + count, 0))],
		['successes', String(report.successes)],
		['clean errors', String(report.cleanErrors)],
		['unhandled exceptions', String(report.unhandledExceptions)],
		['sessions left open', String(report.sessionsLeftOpen)],
		['secret occurrences', String(report.secretOccurrences)],
		['reboots sent twice', String(report.rebootsSentTwice)],
		['power actions reported although not sent', String(report.powerActionsReportedNotSent)],
	];
	const width = Math.max(...rows.map(([label]) => label.length));
	return rows.map(([label, value]) => `${label.padEnd(width)}  ${value.padStart(6)}`).join('\n');
}
