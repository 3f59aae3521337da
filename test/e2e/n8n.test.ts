import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	FORTIMANAGER_LOGIN_REF,
	asWebhookWorkflow,
	emulatorCredentials,
	loadExamples,
	prepareN8n,
	startEmulators,
	stopEmulators,
	webhookPath,
	type Emulators,
} from '../../scripts/lib/lab';
import type { N8nInstance, WorkflowExport } from '../../scripts/lib/n8n';
import { ROOT, bcryptHash } from '../../scripts/lib/runtime';
import { FortiGateEmulator } from '../emulator/fortigate/FortiGateEmulator';
import { DEMO_ADMINS } from '../emulator/fortigate/accounts';
import { focusedWorkflow } from './workflows';

/**
 * The package inside the pinned real n8n (2.41.1, Node 24), installed from its
 * tarball as a community package, driven through n8n's own webhooks, against
 * the emulators. The first run installs the runtime into .cache (about 5
 * minutes); later runs reuse it.
 */
jest.setTimeout(20 * 60_000);

const OWNER = { email: 'owner@example.com', password: 'E2e-owner-2026' };

let emulators: Emulators;
let n8n: N8nInstance;
let folder: string;
let ownerSession: ReturnType<N8nInstance['restAs']> | undefined;
/** The owner's REST session, logged in once for the whole suite. */
const ownerRest = () => (ownerSession ??= n8n.restAs(OWNER));

/**
 * Admin login on the firmware generations whose logins differ
 * (fortios-rest-api.md section 1): 6.0 has only /logincheck (and answers the
 * JSON endpoint with a 404 envelope), 7.6.3 gives the JSON session in
 * cookies, 7.6.4 in the body. Each gets a credential of its own.
 */
const LOGIN_PROFILES = ['6.0', '7.6.3', '7.6.4'] as const;
const loginDevices = new Map<(typeof LOGIN_PROFILES)[number], FortiGateEmulator>();
const loginCredential = (profile: string) => ({ id: `fgtAdmin${profile.replace(/\./g, '')}Emu`.padEnd(16, '0'), name: `FortiGate ${profile} Admin Login` });
const LOGIN_OPERATIONS = [
	{ resource: 'system', operation: 'getStatus' },
	{ resource: 'bannedIp', operation: 'add', ipAddresses: '203.0.113.77', expiry: 600 },
	{ resource: 'system', operation: 'reboot', options: { waitForOnline: true, waitTimeout: 60, pollInterval: 0.5 } },
];
const loginWorkflows: WorkflowExport[] = LOGIN_PROFILES.flatMap((profile) =>
	LOGIN_OPERATIONS.map((parameters) =>
		focusedWorkflow({
			id: `fgt-login-${profile.replace(/\./g, '')}-${parameters.operation}`,
			nodeType: 'fortiGate',
			credentialType: 'fortiGateAdminLoginApi',
			credential: loginCredential(profile),
			parameters: { authentication: 'adminLogin', ...parameters },
		}),
	),
);

/** A policy's life (issue 15's acceptance): created at the end and at the top, moved, disabled, deleted; values from the webhook body. */
const POLICY_LIFECYCLE = [
	{ resource: 'firewallPolicy', operation: 'create', name: '={{ $json.body.name }}', srcintf: 'lan', dstintf: 'wan1', srcaddr: 'all', dstaddr: 'all', service: 'HTTPS', action: 'deny', position: '={{ $json.body.position }}' },
	{ resource: 'firewallPolicy', operation: 'move', policyId: '={{ $json.body.policyId }}', moveAction: 'after', neighborPolicyId: '={{ $json.body.neighbor }}' },
	{ resource: 'firewallPolicy', operation: 'disable', policyId: '={{ $json.body.policyId }}' },
	{ resource: 'firewallPolicy', operation: 'delete', policyId: '={{ $json.body.policyId }}' },
];
const policyWorkflowId = (device: string, operation: string) => `fgt-policy-${device}-${operation}`;
/** Where the lifecycle runs: each admin-login firmware, and the lab's 7.2 device with both credentials. */
const POLICY_DEVICES = [
	...LOGIN_PROFILES.map((profile) => ({ label: `${profile} with admin login`, device: profile.replace(/\./g, ''), authentication: 'adminLogin', credentialType: 'fortiGateAdminLoginApi' as const, credential: loginCredential(profile), emulator: () => loginDevices.get(profile)! })),
	{ label: '7.2 with API key', device: 'apiKey', authentication: 'apiKey', credentialType: 'fortiGateApiKeyApi' as const, credential: undefined, emulator: () => emulators.fortiGate },
	{ label: '7.2 with admin login', device: 'adminLogin', authentication: 'adminLogin', credentialType: 'fortiGateAdminLoginApi' as const, credential: undefined, emulator: () => emulators.fortiGate },
];
const policyWorkflows: WorkflowExport[] = POLICY_DEVICES.flatMap(({ device, authentication, credentialType, credential }) =>
	POLICY_LIFECYCLE.map((parameters) => focusedWorkflow({ id: policyWorkflowId(device, parameters.operation), nodeType: 'fortiGate', credentialType, credential, parameters: { authentication, ...parameters } })),
);

const FORTIGATE_OPERATIONS = [
	{ resource: 'system', operation: 'getStatus' },
	{ resource: 'dhcpLease', operation: 'getMany', returnAll: true, options: { vdom: '*' } },
	{ resource: 'firewallPolicy', operation: 'getStatistics', policyIds: '1', ipVersion: 'both', options: { vdom: 'FG-traffic' } },
	{ resource: 'system', operation: 'reboot', eventLogMessage: 'e2e' },
	{ resource: 'system', operation: 'backupConfig', scope: 'vdom', options: { vdom: 'FG-traffic' } },
	{ resource: 'address', operation: 'create', name: 'e2e-host', type: 'ipmask', subnet: '192.0.2.10/32' },
	{ resource: 'addressGroup', operation: 'addMembers', groupName: 'dmz-servers', members: '198.51.100.0/24', createMissing: true },
	{ resource: 'vpnTunnel', operation: 'getMany', returnAll: true },
	{ resource: 'interface', operation: 'getMany', includeVlan: true, returnAll: true },
	{ resource: 'ha', operation: 'getStatus' },
	{ resource: 'firmware', operation: 'getStatus' },
];
const EMS_OPERATIONS = [
	{ resource: 'endpoint', operation: 'getMany', limit: 5 },
	{ resource: 'endpoint', operation: 'get', deviceId: '3' },
	{ resource: 'endpoint', operation: 'quarantine', deviceIds: '5, 6' },
	{ resource: 'endpoint', operation: 'unquarantine', deviceIds: '6' },
];
const FORTIGATE_AUTH = { apiKey: 'fortiGateApiKeyApi', adminLogin: 'fortiGateAdminLoginApi' } as const;
const EMS_AUTH = { cloudAccessKey: 'fortiClientCloudApi', onPremLogin: 'fortiClientEmsApi' } as const;
const FORTIMANAGER_OPERATIONS = [
	{ resource: 'device', operation: 'getMany', returnAll: true },
	{ resource: 'deviceGroup', operation: 'getMany' },
	{ resource: 'fortiGateApi', operation: 'request', method: 'GET', path: '/api/v2/monitor/system/status', targets: '*' },
	{ resource: 'script', operation: 'run', scriptSource: 'adHoc', scriptContent: 'get system status', targets: 'group:branches', options: { pollInterval: 0.2 } },
	{ resource: 'system', operation: 'getStatus' },
];

/** The FortiGate node's own operations on the fleet, with both FortiManager credentials. */
const FLEET_OPERATIONS = [
	{ resource: 'system', operation: 'getStatus', targets: '*' },
	{ resource: 'firewallPolicy', operation: 'create', targets: 'group:branches', name: 'e2e-fleet-block', srcintf: 'wan1', dstintf: 'any', srcaddr: 'all', dstaddr: 'all', service: 'ALL', action: 'deny', position: 'top' },
	{ resource: 'system', operation: 'reboot', targets: 'fgt-branch-01', options: { waitForOnline: true, waitTimeout: 60, pollInterval: 0.3 } },
];
const FLEET_CREDENTIALS = { apiKey: undefined, login: FORTIMANAGER_LOGIN_REF };
const fleetWorkflowId = (credential: string, operation: string) => `fgt-fmg-${credential}-${operation}`;
const fleetWorkflows: WorkflowExport[] = Object.entries(FLEET_CREDENTIALS).flatMap(([name, credential]) =>
	FLEET_OPERATIONS.map((parameters) =>
		focusedWorkflow({ id: fleetWorkflowId(name, parameters.operation), nodeType: 'fortiGate', credentialType: 'fortiManagerApi', credential, onError: 'continueRegularOutput', parameters: { authentication: 'fortiManager', ...parameters } }),
	),
);

const focused: WorkflowExport[] = [
	// FortiGate node version 2 (the one the editor adds now): IP Version unset lists IPv6 leases too.
	...Object.entries(FORTIGATE_AUTH).map(([authentication, credentialType]) =>
		focusedWorkflow({ id: `fgt-dhcp-version-2-${authentication}`, nodeType: 'fortiGate', credentialType, typeVersion: 2, parameters: { authentication, resource: 'dhcpLease', operation: 'getMany', returnAll: true, options: { vdom: '*' } } }),
	),
	...Object.entries(FORTIGATE_AUTH).flatMap(([authentication, credentialType]) =>
		FORTIGATE_OPERATIONS.map((parameters) =>
			focusedWorkflow({ id: `fgt-${parameters.operation}-${parameters.resource}-${authentication}`.slice(0, 60), nodeType: 'fortiGate', credentialType, parameters: { authentication, ...parameters } }),
		),
	),
	...Object.entries(EMS_AUTH).flatMap(([authentication, credentialType]) =>
		EMS_OPERATIONS.map((parameters) =>
			focusedWorkflow({ id: `ems-${parameters.operation}-${authentication}`, nodeType: 'fortiClientEms', credentialType, parameters: { authentication, ...parameters } }),
		),
	),
	...FORTIMANAGER_OPERATIONS.map((parameters) => focusedWorkflow({ id: `fmg-${parameters.resource}-${parameters.operation}`, nodeType: 'fortiManager', credentialType: 'fortiManagerApi', parameters })),
	...FORTIMANAGER_OPERATIONS.map((parameters) =>
		focusedWorkflow({ id: `fmg-login-${parameters.resource}-${parameters.operation}`, nodeType: 'fortiManager', credentialType: 'fortiManagerApi', credential: FORTIMANAGER_LOGIN_REF, parameters }),
	),
];

function examples(): WorkflowExport[] {
	return loadExamples(n8n.filesFolder).map((example) => {
		const callable = asWebhookWorkflow(example);
		// The reboot example polls every 15 s; the emulator is back in 1.5 s.
		for (const node of callable.nodes) {
			const parameters = node.parameters as { operation?: string; options?: Record<string, unknown> };
			if (parameters.operation === 'reboot') parameters.options = { ...parameters.options, pollInterval: 0.5 };
		}
		return callable;
	});
}

function sessionTotals() {
	const fortiGates = [emulators.fortiGate, ...loginDevices.values()];
	const all = [...fortiGates, emulators.cloud, emulators.onPrem, emulators.fortiManager];
	return {
		logins: all.reduce((sum, emulator) => sum + emulator.counters.logins, 0),
		ended:
			all.reduce((sum, emulator) => sum + emulator.counters.logouts + emulator.counters.sessionsExpired, 0) +
			fortiGates.reduce((sum, emulator) => sum + emulator.counters.sessionsDroppedByReboot, 0),
		open: all.reduce((sum, emulator) => sum + emulator.openSessions, 0),
	};
}

async function waitUntilFortiGateIsUp(): Promise<void> {
	while ([emulators.fortiGate, ...loginDevices.values()].some((device) => device.isDown())) await new Promise((resolve) => setTimeout(resolve, 100));
}

beforeAll(async () => {
	emulators = await startEmulators({ rebootDowntimeMs: 1_500 });
	for (const profile of LOGIN_PROFILES) {
		const device = new FortiGateEmulator({ profile, rebootDowntimeMs: 1_500 });
		await device.start();
		loginDevices.set(profile, device);
	}
	folder = mkdtempSync(join(tmpdir(), 'n8n-fortinet-e2e-'));
	n8n = prepareN8n({ folder, port: 6200 + Math.floor(Math.random() * 400) * 2, owner: { email: OWNER.email, passwordHash: bcryptHash(OWNER.password) } });
	n8n.importCredentials([
		...emulatorCredentials(emulators),
		...[...loginDevices].map(([profile, device]) => ({
			...loginCredential(profile),
			type: 'fortiGateAdminLoginApi',
			data: { baseUrl: device.url, username: DEMO_ADMINS[0].username, password: DEMO_ADMINS[0].password, vdom: '', certificateFingerprint: device.fingerprint, allowUnauthorizedCerts: false, caCertificate: '' },
		})),
	]);
	const workflows = [...examples(), ...focused, ...loginWorkflows, ...policyWorkflows, ...fleetWorkflows];
	n8n.importWorkflows(workflows, true);
	await n8n.start();
	await n8n.waitForWebhooks(workflows.map(webhookPath));
});

afterAll(async () => {
	await n8n?.stop();
	if (emulators) await stopEmulators(emulators);
	await Promise.all([...loginDevices.values()].map(async (device) => await device.stop()));
	if (folder) rmSync(folder, { recursive: true, force: true });
});

afterEach(async () => {
	await waitUntilFortiGateIsUp();
	// Every login had its logout (or was ended by a reboot), whatever the test did.
	const totals = sessionTotals();
	expect(totals.open).toBe(0);
	expect(totals.ended).toBe(totals.logins);
});

describe('the examples', () => {
	test('scheduled maintenance reboot: rebooted, back online, proven by utc_last_reboot', async () => {
		const before = emulators.fortiGate.utcLastReboot;
		const { status, body } = await n8n.webhook('run-exRebootSunday01');
		expect(status).toBe(200);
		expect(body).toEqual([
			expect.objectContaining({ rebootInitiated: true, backOnline: true, summary: expect.stringMatching(/^FortiGate rebooted and back online after/) }),
		]);
		expect(new Date((body as Array<{ lastRebootAt: string }>)[0].lastRebootAt).getTime()).toBeGreaterThan(before);
		expect(emulators.fortiGate.eventLog.at(-1)).toBe('Scheduled maintenance reboot by n8n');
	});

	test('lease and policy report: leases per interface and the unused policies', async () => {
		const before = emulators.fortiGate.counters.logins;
		const { status, body } = await n8n.webhook('run-exLeasePolicy001');
		expect(status).toBe(200);
		const [report] = body as Array<Record<string, unknown>>;
		expect(report).toMatchObject({
			totalLeases: 8,
			leasesPerInterface: { fortilink: 4, internal: 4 },
			totalPolicies: 8,
			unusedPolicies: [
				{ vdom: 'FG-traffic', policyId: 2, ipVersion: 'ipv4' },
				{ vdom: 'FG-traffic', policyId: 2, ipVersion: 'ipv6' },
			],
		});
		// Two FortiGate nodes with Admin Login: one session each.
		expect(emulators.fortiGate.counters.logins - before).toBe(2);
	});

	test('nightly configuration backup: the file on disk is the device\'s configuration', async () => {
		const { status, body } = await n8n.webhook('run-exNightlyBackup1');
		expect(status).toBe(200);
		const [summary] = body as Array<{ savedTo: string; hostname: string; size: number; sha256: string }>;
		const expected = emulators.fortiGate.data.backup.text({ scope: 'global', vdom: '', user: 'n8n-api', fileFormat: 'fos' });
		expect(summary).toMatchObject({ hostname: 'FGT-EMU-72', version: 'v7.2.8', size: Buffer.byteLength(expected), sha256: createHash('sha256').update(expected).digest('hex') });
		expect(summary.savedTo).toMatch(new RegExp(`^${n8n.filesFolder}/FGT-EMU-72_\\d{8}-\\d{4}\\.conf$`));
		expect(readFileSync(summary.savedTo, 'utf8')).toBe(expected);
	});

	test('alert to ban: the IP is banned on the FortiGate for one hour', async () => {
		const { status, body } = await n8n.webhook('fortigate-ban', { srcip: '203.0.113.66' });
		expect(status).toBe(200);
		// The webhook answers with the summary of the (single) banned address.
		const summary = body as { action: string; ip: string; until: string };
		expect(summary).toMatchObject({ action: 'banned', ip: '203.0.113.66' });
		const ban = emulators.fortiGate.data.bannedIps.list().find((entry) => entry.ip_address === '203.0.113.66')!;
		expect(ban.expires - ban.created).toBe(3600);
		expect(summary.until).toBe(new Date(ban.expires * 1000).toISOString());
	});

	test('temporary country block: a deny policy at the top for the hours asked, then removed with its address', async () => {
		const device = emulators.fortiGate;
		const created = device.counters.requests['POST /api/v2/cmdb/firewall/policy'] ?? 0;
		const { status, body } = await n8n.webhook('fortigate-country-block', { country: 'kp', hours: 0.0005 });
		expect(status).toBe(200);
		expect(body).toMatchObject({ country: 'KP', blockedAtPosition: 1, hours: 0.0005, removed: true });
		expect(device.counters.requests['POST /api/v2/cmdb/firewall/policy']).toBe(created + 1);
		expect(device.data.firewallPolicies.list('root').map((policy) => policy.name)).not.toContain('n8n-block-KP');
		expect(device.data.addresses.addressNames('root')).not.toContain('geo-KP');
	});

	test('morning fleet report: every managed FortiGate with firmware, sync state and lease count, through one FortiManager credential', async () => {
		const { status, body } = await n8n.webhook('run-exFleetReport001');
		expect(status).toBe(200);
		const [report] = body as Array<{ devices: number; online: number; outOfSync: string[]; firmware: Record<string, number>; needsAttention: string[]; rows: Array<{ device: string; leases: number | null }> }>;
		expect(report).toMatchObject({ devices: 3, online: 2, outOfSync: ['fgt-branch-02'], firmware: { '7.2.8': 1, '6.4.14': 1, '7.6.4': 1 } });
		expect(report.needsAttention).toEqual(['fgt-branch-02: configuration out of sync with FortiManager', 'fgt-branch-03: not reachable from FortiManager']);
		expect(report.rows.map((row) => [row.device, typeof row.leases])).toEqual([
			['fgt-branch-01', 'number'],
			['fgt-branch-02', 'number'],
			['fgt-branch-03', 'object'],
		]);
	});

	test('ban on every branch: one FortiManager credential, the ban on each reachable branch, the unreachable one named', async () => {
		const { status, body } = await n8n.webhook('fortimanager-fleet-ban', { srcip: '203.0.113.201' });
		expect(status).toBe(200);
		expect(body).toMatchObject({
			ip: '203.0.113.201',
			bannedOn: ['fgt-branch-01', 'fgt-branch-02'],
			failedOn: [{ device: 'fgt-branch-03', reason: 'FortiManager could not reach fgt-branch-03: Target cannot be connected (FortiManager -12)' }],
			summary: '203.0.113.201 banned on 2 of 3 branch FortiGates',
		});
		for (const device of emulators.fortiManager.fleet.devices.slice(0, 2)) {
			expect(device.emulator!.data.bannedIps.list().filter((ban) => ban.ip_address === '203.0.113.201')).toHaveLength(1);
		}
	});

	test('alert to quarantine: the endpoint with the alert\'s IP is quarantined, once', async () => {
		const target = emulators.cloud.endpoints.find((endpoint) => !endpoint.is_quarantined && endpoint.device_id > 100)!;
		const first = await n8n.webhook('fortinet-alert', { srcip: target.ip_addr });
		expect(first).toEqual({
			status: 200,
			body: { action: 'quarantined', srcip: target.ip_addr, deviceId: target.device_id, host: target.host, emsMessage: 'Quarantine request sent to 1 endpoint(s).' },
		});
		expect(target.is_quarantined).toBe(1);

		const again = await n8n.webhook('fortinet-alert', { srcip: target.ip_addr });
		expect(again.body).toEqual({ action: 'none', srcip: target.ip_addr, reason: 'already quarantined' });
		const unknown = await n8n.webhook('fortinet-alert', { srcip: '192.0.2.99' });
		expect(unknown.body).toEqual({ action: 'none', srcip: '192.0.2.99', reason: 'no endpoint has this address' });
	});
});

describe.each(Object.keys(FORTIGATE_AUTH))('FortiGate node with %s', (authentication) => {
	const call = (resource: string, operation: string) => n8n.webhook(`fgt-${operation}-${resource}-${authentication}`);

	test('system.getStatus', async () => {
		const { status, body } = await call('system', 'getStatus');
		expect(status).toBe(200);
		expect(body).toEqual([{ hostname: 'FGT-EMU-72', model: 'FGT200F', modelName: 'FortiGate', modelNumber: '200F', serial: 'FG200FT123456789', version: 'v7.2.8', build: 1639, logDiskStatus: 'available' }]);
	});

	test('dhcpLease.getMany over every VDOM', async () => {
		const { body } = await call('dhcpLease', 'getMany');
		const leases = body as Array<{ vdom: string; ip: string }>;
		// Saved with version 1 and no IP Version: IPv4 only, as when it was saved.
		expect(leases).toHaveLength(3 + 2);
		expect(new Set(leases.map((lease) => lease.vdom))).toEqual(new Set(['root', 'FG-traffic']));
	});

	test('dhcpLease.getMany in a version 2 node lists IPv6 leases too when IP Version is unset', async () => {
		const { body } = await n8n.webhook(`fgt-dhcp-version-2-${authentication}`);
		const types = (body as Array<{ type: string }>).map((lease) => lease.type);
		expect(types.filter((type) => type === 'ipv4')).toHaveLength(3 + 2);
		expect(types.filter((type) => type === 'ipv6')).toHaveLength(1 + 2);
	});

	test('firewallPolicy.getStatistics for one policy, IPv4 and IPv6', async () => {
		const { body } = await call('firewallPolicy', 'getStatistics');
		expect((body as Array<Record<string, unknown>>).map((stat) => [stat.policyid, stat.ip_version, stat.hit_count])).toEqual([
			[1, 'ipv4', 4662],
			[1, 'ipv6', 11000],
		]);
	});

	test('system.backupConfig of one VDOM', async () => {
		const { body } = await call('system', 'backupConfig');
		const expected = emulators.fortiGate.data.backup.text({ scope: 'vdom', vdom: 'FG-traffic', user: authentication === 'apiKey' ? 'n8n-api' : 'admin', fileFormat: 'fos' });
		expect(body).toEqual([expect.objectContaining({ scope: 'vdom', vdom: 'FG-traffic', sha256: createHash('sha256').update(expected).digest('hex') })]);
	});

	test('address.create, safe to run again', async () => {
		const { body } = await call('address', 'create');
		expect(body).toEqual([expect.objectContaining({ name: 'e2e-host', subnet: '192.0.2.10 255.255.255.255', alreadyExisted: authentication === 'adminLogin' })]);
	});

	test('addressGroup.addMembers with a created address, idempotent', async () => {
		const { body } = await call('addressGroup', 'addMembers');
		expect(body).toEqual([expect.objectContaining({ group: 'dmz-servers', changed: authentication === 'apiKey', members: ['web-server', '198.51.100.0_24'] })]);
	});

	test('vpnTunnel.getMany, interface.getMany, ha.getStatus and firmware.getStatus', async () => {
		const tunnels = (await call('vpnTunnel', 'getMany')).body as Array<{ name: string; up: boolean }>;
		expect(tunnels.map((tunnel) => [tunnel.name, tunnel.up])).toEqual([
			['to-branch-1', true],
			['to-aws', false],
		]);
		const interfaces = (await call('interface', 'getMany')).body as Array<{ name: string }>;
		expect(interfaces.map((entry) => entry.name)).toEqual(['wan1', 'wan2', 'lan', 'dmz', 'lan.100']);
		expect((await call('ha', 'getStatus')).body).toEqual([expect.objectContaining({ clustered: true, inSync: true })]);
		expect((await call('firmware', 'getStatus')).body).toEqual([expect.objectContaining({ currentVersion: 'v7.2.8', upgradeAvailable: true, latestVersion: 'v7.4.1' })]);
	});

	test('system.reboot, with the dropped connection reported as success', async () => {
		const reboots = emulators.fortiGate.counters.reboots;
		const { status, body } = await call('system', 'reboot');
		expect(status).toBe(200);
		expect(body).toEqual([expect.objectContaining({ rebootInitiated: true, connectionDropped: true })]);
		expect(emulators.fortiGate.counters.reboots).toBe(reboots + 1);
	});
});

describe.each(POLICY_DEVICES)('firewall policies on FortiOS $label', ({ device, emulator }) => {
	test('create at the end and at the top, move, disable and delete', async () => {
		const call = async (operation: string, body: Record<string, unknown>) => {
			const reply = await n8n.webhook(policyWorkflowId(device, operation), body);
			expect(reply.status).toBe(200);
			return (reply.body as Array<Record<string, unknown>>)[0];
		};
		const catchAll = await call('create', { name: `e2e-catch-all-${device}`, position: 'bottom' });
		const block = await call('create', { name: `e2e-block-${device}`, position: 'top' });
		expect(block).toMatchObject({ position: 1, status: 'enable', created: true });
		expect(await call('move', { policyId: block.policyid, neighbor: catchAll.policyid })).toMatchObject({ position: 2, changed: true });
		expect(await call('disable', { policyId: block.policyid })).toMatchObject({ status: 'disable', position: 2, changed: true });
		expect(await call('delete', { policyId: block.policyid })).toMatchObject({ deleted: true, existed: true });
		expect(await call('delete', { policyId: catchAll.policyid })).toMatchObject({ deleted: true, existed: true });
		expect(emulator().data.firewallPolicies.list('root')).toEqual([]);
	});
});

describe.each(Object.keys(FLEET_CREDENTIALS))('FortiGate node through FortiManager with the %s credential', (credential) => {
	const call = async (operation: string) => {
		const reply = await n8n.webhook(fleetWorkflowId(credential, operation));
		expect(reply.status).toBe(200);
		return reply.body as Array<Record<string, unknown>>;
	};
	const fleet = () => emulators.fortiManager.fleet.devices;

	test('status of every FortiGate, a policy on a group, a reboot waited for through FortiManager', async () => {
		expect((await call('getStatus')).map((item) => [item.device, item.version ?? item.error])).toEqual([
			['fgt-branch-01', 'v7.2.8'],
			['fgt-branch-02', 'v6.4.14'],
			['fgt-branch-03', 'FortiManager could not reach fgt-branch-03: Target cannot be connected (FortiManager -12)'],
		]);
		const policies = await call('create');
		expect(policies.map((item) => [item.device, item.position ?? item.error !== undefined])).toEqual([
			['fgt-branch-01', 1],
			['fgt-branch-02', 1],
			['fgt-branch-03', true],
		]);
		// Run again: the same policy is found, not created twice.
		expect((await call('create')).slice(0, 2).map((item) => item.alreadyExisted)).toEqual([true, true]);
		for (const device of fleet().slice(0, 2)) expect(device.emulator!.data.firewallPolicies.list('root').filter((policy) => policy.name === 'e2e-fleet-block')).toHaveLength(1);

		const reboots = fleet()[0].emulator!.counters.reboots;
		expect(await call('reboot')).toEqual([expect.objectContaining({ device: 'fgt-branch-01', rebootInitiated: true, backOnline: true, rebootConfirmed: true })]);
		expect(fleet()[0].emulator!.counters.reboots).toBe(reboots + 1);
	});
});

describe.each(LOGIN_PROFILES)('admin login on FortiOS %s', (profile) => {
	const call = (operation: string) => n8n.webhook(`fgt-login-${profile.replace(/\./g, '')}-${operation}`);
	const device = () => loginDevices.get(profile)!;

	test('status, a write and a reboot with Wait for Online; every session logged out or ended by the reboot', async () => {
		const before = structuredClone(device().counters);
		const { body: status } = await call('getStatus');
		expect(status).toEqual([expect.objectContaining({ serial: device().profile.serial, version: device().profile.version })]);
		const { body: ban } = await call('add');
		expect(ban).toEqual([expect.objectContaining({ ip_address: '203.0.113.77', banned: true })]);
		const { body: reboot } = await call('reboot');
		expect(reboot).toEqual([expect.objectContaining({ rebootInitiated: true, backOnline: true, rebootConfirmed: true })]);
		const counters = device().counters;
		const added = (key: string) => (counters.requests[key] ?? 0) - (before.requests[key] ?? 0);
		// Three executions, and one more login after the reboot ended the third one's session.
		expect(counters.logins - before.logins).toBe(4);
		expect(counters.logouts - before.logouts).toBe(3);
		expect(counters.sessionsDroppedByReboot - before.sessionsDroppedByReboot).toBe(1);
		expect(counters.csrfRejections).toBe(0);
		expect(added('POST /logincheck')).toBe(profile === '6.0' ? 4 : 0);
		expect(added('DELETE /api/v2/authentication')).toBe(profile === '6.0' ? 0 : 3);
		expect(device().openSessions).toBe(0);
	});
});

describe.each(['apiKey', 'login'])('FortiManager node with %s', (authType) => {
	const call = (resource: string, operation: string) => n8n.webhook(`fmg-${authType === 'login' ? 'login-' : ''}${resource}-${operation}`);

	test('devices, groups and status', async () => {
		const devices = (await call('device', 'getMany')).body as Array<{ device: string; online: boolean; firmware: string }>;
		expect(devices.map((device) => [device.device, device.online, device.firmware])).toEqual([
			['fgt-branch-01', true, '7.2.8'],
			['fgt-branch-02', true, '6.4.14'],
			['fgt-branch-03', false, '7.6.4'],
		]);
		const groups = (await call('deviceGroup', 'getMany')).body as Array<{ group: string }>;
		expect(groups.map((group) => group.group)).toEqual(['branches', 'All_FortiGate']);
		expect((await call('system', 'getStatus')).body).toEqual([expect.objectContaining({ hostname: 'FMG-EMU' })]);
	});

	test('a FortiOS call on every FortiGate: one item per device, the unreachable one with its error', async () => {
		const { status, body } = await call('fortiGateApi', 'request');
		expect(status).toBe(200);
		expect((body as Array<{ device: string; success: boolean }>).map((item) => [item.device, item.success])).toEqual([
			['fgt-branch-01', true],
			['fgt-branch-02', true],
			['fgt-branch-03', false],
		]);
	});

	test('CLI lines on a group: per-device output, the temporary script removed', async () => {
		const scripts = [...emulators.fortiManager.scripts.get('root')!.keys()];
		const { body } = await call('script', 'run');
		expect((body as Array<{ device: string; success: boolean }>).map((item) => [item.device, item.success])).toEqual([
			['fgt-branch-01', true],
			['fgt-branch-02', true],
			['fgt-branch-03', false],
		]);
		expect([...emulators.fortiManager.scripts.get('root')!.keys()]).toEqual(scripts);
		expect(emulators.fortiManager.locksHeld).toBe(0);
		if (authType === 'login') expect(emulators.fortiManager.counters.logins).toBe(emulators.fortiManager.counters.logouts);
	});
});

describe.each(Object.keys(EMS_AUTH))('FortiClient EMS node with %s', (authentication) => {
	const emulator = () => (authentication === 'cloudAccessKey' ? emulators.cloud : emulators.onPrem);
	const call = (operation: string) => n8n.webhook(`ems-${operation}-${authentication}`);

	test('endpoint.getMany', async () => {
		const { body } = await call('getMany');
		expect((body as Array<{ device_id: number; online: boolean }>).map((endpoint) => endpoint.device_id)).toEqual([1, 2, 3, 4, 5]);
	});

	test('endpoint.get', async () => {
		const { body } = await call('get');
		expect(body).toEqual([expect.objectContaining({ device_id: 3, host: emulator().endpoints[2].host, quarantined: false })]);
	});

	test('endpoint.quarantine and endpoint.unquarantine change the state on EMS', async () => {
		await call('quarantine');
		await call('unquarantine');
		expect(emulator().endpoints.slice(4, 6).map((endpoint) => endpoint.is_quarantined)).toEqual([1, 0]);
	});
});

describe('the package as npm pack makes it, installed in n8n', () => {
	test('n8n lists every node and credential of the package\'s "n8n" attribute', async () => {
		const rest = await ownerRest();
		// The editor's type files; the dot segment leaves /rest for the path n8n serves them on.
		const nodes = (await rest('GET', '/../types/nodes.json')).body as Array<{ name: string }>;
		const credentials = (await rest('GET', '/../types/credentials.json')).body as Array<{ name: string }>;
		const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
		// Nodes usable as AI tools also appear as "<name>Tool".
		expect(nodes.map((node) => node.name).filter((name) => name.startsWith('n8n-nodes-fortinet.') && !name.endsWith('Tool')).sort()).toEqual(
			['fortiClientEms', 'fortiGate', 'fortiGateTrigger', 'fortiManager'].map((name) => `n8n-nodes-fortinet.${name}`),
		);
		expect(manifest.n8n.nodes).toHaveLength(4);
		const ours = ['fortiClientCloudApi', 'fortiClientEmsApi', 'fortiGateAdminLoginApi', 'fortiGateApiKeyApi', 'fortiManagerApi'];
		expect(credentials.map((credential) => credential.name).filter((name) => ours.includes(name)).sort()).toEqual(ours);
		expect(manifest.n8n.credentials).toHaveLength(ours.length);
	});
});

describe('the credentials\' Test button in n8n', () => {
	async function testCredential(credential: { id: string; name: string; type: string; data: Record<string, unknown> }) {
		// One login for all: n8n allows 5 logins a minute per account.
		const rest = await ownerRest();
		const { body } = await rest('POST', '/credentials/test', { credentials: credential });
		return (body as { data: { status: string; message: string } }).data;
	}

	test('each credential type connects, and says so', async () => {
		const messages = [];
		for (const credential of emulatorCredentials(emulators)) messages.push(await testCredential(credential));
		expect(messages).toEqual([
			{ status: 'OK', message: 'Connected to FGT-EMU-72 (FortiOS v7.2.8)' },
			{ status: 'OK', message: 'Connected to FGT-EMU-72 (FortiOS v7.2.8)' },
			{ status: 'OK', message: 'Connected to FortiClient Cloud (250 endpoints)' },
			{ status: 'OK', message: 'Connected to EMS FCTEMS0000000001' },
			{ status: 'OK', message: 'Connected to FMG-EMU (v7.4.5-build2588 240925 (GA))' },
			{ status: 'OK', message: 'Connected to FMG-EMU (v7.4.5-build2588 240925 (GA))' },
		]);
	});

	test('a wrong key is explained, without the key', async () => {
		const [apiKey] = emulatorCredentials(emulators);
		const result = await testCredential({ ...apiKey, data: { ...apiKey.data, apiKey: 'Zz9Zz9Zz9Zz9Zz9Zz9Zz9Zz9Zz9Zz9' } });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('401 with API key');
		expect(result.message).not.toContain('Zz9Zz9');
	});
});

describe('npm run workflow', () => {
	// Asynchronous: the emulators answer from this very process.
	const runWorkflow = async (workflow: WorkflowExport, credentials: unknown) => {
		const dir = mkdtempSync(join(tmpdir(), 'n8n-fortinet-cli-'));
		writeFileSync(join(dir, 'workflow.json'), JSON.stringify(workflow));
		writeFileSync(join(dir, 'credentials.json'), JSON.stringify(credentials));
		const child = spawn('npm', ['run', '--silent', 'workflow', '--', '--workflow', join(dir, 'workflow.json'), '--credentials', join(dir, 'credentials.json')], { cwd: ROOT });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
		rmSync(dir, { recursive: true, force: true });
		return { status, stdout, stderr };
	};
	const report = () => loadExamples().find((example) => example.id === 'exLeasePolicy001')!;

	test('prints only the execution JSON and exits 0 on success', async () => {
		const result = await runWorkflow(report(), emulatorCredentials(emulators));
		expect(result.status).toBe(0);
		const execution = JSON.parse(result.stdout) as { status: string; data: { resultData: { lastNodeExecuted: string } } };
		expect(execution.status).toBe('success');
		expect(execution.data.resultData.lastNodeExecuted).toBe('Summary');
	});

	test('exits 1 and names the failing node and its error on stderr', async () => {
		const credentials = emulatorCredentials(emulators).map((credential) =>
			credential.type === 'fortiGateAdminLoginApi' ? { ...credential, data: { ...credential.data, password: 'wrong-password' } } : credential,
		);
		const result = await runWorkflow(report(), credentials);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('DHCP Leases: Login answered -1: the FortiGate refused the username or password of "admin"');
		expect(result.stderr).not.toContain('wrong-password');
	});
});
