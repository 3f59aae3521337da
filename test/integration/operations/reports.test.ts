import { FortiGateEmulator } from '../../emulator/fortigate/FortiGateEmulator';
import { loadFortiOsFixture, resultsByVdom, type Envelope } from '../../emulator/fortigate/fixtures';
import type { ProfileName } from '../../emulator/fortigate/profiles';
import { credentialsFor, runFortiGate, type Authentication } from '../../harness/fortiGate';
import { expectNoSessionLeft } from '../../harness/expectations';
import { jsonOf } from '../../harness/runNode';

const recordedLeases = (loadFortiOsFixture<Envelope>('checkmk_monitor_system_dhcp_v7.2.8.json').results as object[]);

interface Variant {
	title: string;
	profile: ProfileName;
	jsonLogin?: boolean;
}

// 7.2 with the JSON login switched off exercises the port-suffixed, quoted CSRF cookie.
const variants: Variant[] = [
	{ title: '6.0', profile: '6.0' },
	{ title: '6.4', profile: '6.4' },
	{ title: '7.2', profile: '7.2' },
	{ title: '7.2 (logincheck only)', profile: '7.2', jsonLogin: false },
	{ title: '7.6.4', profile: '7.6.4' },
];
const authentications: Authentication[] = ['apiKey', 'adminLogin'];

describe.each(variants)('FortiOS $title', ({ profile, jsonLogin }) => {
	let emulator: FortiGateEmulator;

	beforeEach(async () => {
		emulator = new FortiGateEmulator({ profile, jsonLogin, rebootDowntimeMs: 600 });
		await emulator.start();
	});
	afterEach(async () => {
		expectNoSessionLeft(emulator);
		expect(emulator.counters.queryTokenRequests).toBe(0);
		await emulator.stop();
	});

	const run = (authentication: Authentication, parameters: Record<string, unknown>, typeVersion?: number) =>
		runFortiGate({ authentication, parameters: parameters as never, credentials: credentialsFor(emulator, authentication), typeVersion });

	describe.each(authentications)('with %s', (authentication) => {
		test('system.getStatus returns hostname, model, serial, version and build', async () => {
			const [status] = jsonOf(await run(authentication, { resource: 'system', operation: 'getStatus' }));
			expect(status).toMatchObject({
				serial: emulator.profile.serial,
				version: emulator.profile.version,
				build: emulator.profile.build,
			});
			// 6.0 answers results: {}; the web UI state supplies hostname and model.
			expect(status.hostname).toBe(profile === '6.0' ? 'fortigate' : `FGT-EMU-${profile.replace(/\./g, '')}`);
			expect(status.model).toBe(profile === '6.0' ? 'FGT61F' : 'FGT200F');
			expect(emulator.counters.logins).toBe(authentication === 'adminLogin' ? 1 : 0);
		});

		test('dhcpLease.getMany returns the recorded leases, one item each, with their VDOM; IPv6 too unless a version 1 workflow left IP Version unset', async () => {
			const expected = recordedLeases.map((lease) => {
				if (!profile.startsWith('6.')) return { ...lease, vdom: 'root' };
				const { server_ipam_enabled: _, ...older } = lease as Record<string, unknown>;
				return { ...older, vdom: 'root' };
			});
			const savedWithVersion1 = jsonOf(await run(authentication, { resource: 'dhcpLease', operation: 'getMany', returnAll: true }, 1));
			expect(savedWithVersion1).toEqual(expected);
			expect(emulator.counters.requests['GET /api/v2/monitor/system/dhcp']).toBe(1);

			const addedToday = jsonOf(await run(authentication, { resource: 'dhcpLease', operation: 'getMany', returnAll: true }));
			expect(addedToday.slice(0, expected.length)).toEqual(expected);
			expect(addedToday.slice(expected.length).map((lease) => lease.type)).toEqual(['ipv6']);
			expect(jsonOf(await run(authentication, { resource: 'dhcpLease', operation: 'getMany', ipVersion: 'ipv4', returnAll: true }))).toEqual(expected);
		});

		test('dhcpLease.getMany filters IPv6, interface and limit, and spans every VDOM with *', async () => {
			const ipv6 = jsonOf(await run(authentication, { resource: 'dhcpLease', operation: 'getMany', ipVersion: 'ipv6', returnAll: true }));
			expect(ipv6.length).toBeGreaterThan(0);
			expect(ipv6.every((lease) => lease.type === 'ipv6' && typeof lease.duid === 'string')).toBe(true);

			const everywhere = jsonOf(
				await run(authentication, { resource: 'dhcpLease', operation: 'getMany', ipVersion: 'both', returnAll: true, options: { vdom: '*' } }),
			);
			expect(new Set(everywhere.map((lease) => lease.vdom))).toEqual(new Set(['root', 'FG-traffic']));
			expect(everywhere.some((lease) => lease.type === 'ipv6')).toBe(true);

			const internal = jsonOf(
				await run(authentication, { resource: 'dhcpLease', operation: 'getMany', interface: 'internal', returnAll: true, options: { vdom: 'FG-traffic' } }),
			);
			expect(internal.map((lease) => lease.type)).toEqual(['ipv4', 'ipv4', 'ipv6', 'ipv6']);
			expect(internal.every((lease) => lease.interface === 'internal' && lease.vdom === 'FG-traffic')).toBe(true);

			const limited = jsonOf(await run(authentication, { resource: 'dhcpLease', operation: 'getMany', limit: 2 }));
			expect(limited).toHaveLength(2);
		});

		test('firewallPolicy.getStatistics returns the recorded statistics per policy, IPv4 and IPv6', async () => {
			const stats = jsonOf(
				await run(authentication, { resource: 'firewallPolicy', operation: 'getStatistics', ipVersion: 'both', options: { vdom: '*' } }),
			);
			const before64 = profile === '6.0';
			const v4 = resultsByVdom(before64 ? 'exporter_fw-policy-pre64.jsonnet' : 'exporter_fw-policy-v4.jsonnet');
			const v6 = resultsByVdom(before64 ? 'exporter_fw-policy6-pre64.jsonnet' : 'exporter_fw-policy-v6.jsonnet');
			const expected = [
				...['root', 'FG-traffic'].flatMap((vdom) => v4[vdom].map((stat) => ({ ...(stat as object), vdom, ip_version: 'ipv4' }))),
				...['root', 'FG-traffic'].flatMap((vdom) => v6[vdom].map((stat) => ({ ...(stat as object), vdom, ip_version: 'ipv6' }))),
			];
			expect(stats).toEqual(expected);
			if (before64) expect(emulator.counters.requests['GET /api/v2/monitor/firewall/policy6']).toBe(1);
		});

		test('firewallPolicy.getStatistics keeps only the listed policy IDs', async () => {
			const stats = jsonOf(
				await run(authentication, { resource: 'firewallPolicy', operation: 'getStatistics', policyIds: '1, 2', ipVersion: 'ipv6', options: { vdom: 'FG-traffic' } }),
			);
			expect(stats.map((stat) => stat.policyid)).toEqual(profile === '6.0' ? [1] : [1, 2]);
			expect(stats.every((stat) => stat.ip_version === 'ipv6' && stat.vdom === 'FG-traffic')).toBe(true);
		});

		test('system.reboot reports the reboot initiated although the device drops the connection', async () => {
			const [result] = jsonOf(await run(authentication, { resource: 'system', operation: 'reboot', eventLogMessage: 'n8n maintenance' }));
			expect(result).toMatchObject({ rebootInitiated: true, connectionDropped: true });
			expect(emulator.counters.reboots).toBe(1);
			expect(emulator.eventLog).toEqual(['n8n maintenance']);
			// The reboot ended the session on the device: no logout was attempted, none is open.
			expect(emulator.counters.requests['POST /logout'] ?? 0).toBe(0);
		});

		test('system.reboot with waitForOnline proves the reboot by the new utc_last_reboot', async () => {
			const before = emulator.utcLastReboot;
			const [result] = jsonOf(
				await run(authentication, {
					resource: 'system',
					operation: 'reboot',
					options: { waitForOnline: true, waitTimeout: 20, pollInterval: 0.2 },
				}),
			);
			expect(result).toMatchObject({ rebootInitiated: true, backOnline: true, rebootConfirmed: true });
			expect(result.downtimeSeconds as number).toBeGreaterThanOrEqual(0.5);
			expect(new Date(result.lastRebootAt as string).getTime()).toBeGreaterThan(before);
			expect(emulator.counters.reboots).toBe(1);
		});
	});
});
