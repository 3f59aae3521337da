import { FMG_ADMINS } from '../emulator/fortimanager/accounts';
import { catchNodeError } from '../harness/expectations';
import { FMG_AUTHS, fmgCredentialsFor, fortiManagerPerTest, runFortiGateThroughFortiManager, type FortiManagerAuth } from '../harness/fortiManager';
import { jsonOf } from '../harness/runNode';

const BRANCHES = 'fgt-branch-01, fgt-branch-02, fgt-branch-03';

/**
 * The FortiGate node's own operations on many FortiGates through one
 * FortiManager: the fleet is three real FortiGate emulators (7.2, 6.4 and a
 * 7.6.4 that FortiManager cannot reach) behind the FortiManager emulator.
 */
describe('FortiGate node through FortiManager', () => {
	const fmg = fortiManagerPerTest();
	const device = (name: string) => fmg.emulator.fleet.devices.find((entry) => entry.name === name)!.emulator!;
	const run = (authType: FortiManagerAuth, parameters: Record<string, unknown>, continueOnFail = true, overrides = {}) =>
		runFortiGateThroughFortiManager({ parameters: { targets: BRANCHES, ...parameters }, credentials: fmgCredentialsFor(fmg.emulator, authType, overrides), continueOnFail });

	describe.each(FMG_AUTHS)('with %s', (authType) => {
		test('a read on every branch: one item per device with `device`, the unreachable one as an error item, one FortiManager session', async () => {
			const items = jsonOf(await run(authType, { resource: 'system', operation: 'getStatus' }));
			expect(items.map((item) => [item.device, item.version ?? item.error])).toEqual([
				['fgt-branch-01', 'v7.2.8'],
				['fgt-branch-02', 'v6.4.14'],
				['fgt-branch-03', 'FortiManager could not reach fgt-branch-03: Target cannot be connected (FortiManager -12)'],
			]);
			expect(items[0].hostname).toBe(device('fgt-branch-01').data.hostname);
			expect(fmg.emulator.counters.logins).toBe(authType === 'login' ? 1 : 0);
		});

		test('without Continue On Fail the node fails after trying every device, naming the failed and the successful ones', async () => {
			const error = await catchNodeError(run(authType, { resource: 'bannedIp', operation: 'add', ipAddresses: '203.0.113.9', expiry: 600 }, false));
			expect(error.message).toBe('bannedIp.add failed on 1 of 3 FortiGates: fgt-branch-03');
			expect(error.description).toContain('fgt-branch-03: FortiManager could not reach fgt-branch-03');
			expect(error.description).toContain('Succeeded on: fgt-branch-01, fgt-branch-02.');
			for (const name of ['fgt-branch-01', 'fgt-branch-02']) expect(device(name).data.bannedIps.list().map((ban) => ban.ip_address)).toContain('203.0.113.9');
		});
	});

	test('every operation family runs unchanged on each device', async () => {
		const runOn = async (parameters: Record<string, unknown>, targets = 'fgt-branch-01, fgt-branch-02') => jsonOf(await run('apiKey', { targets, ...parameters }, false));
		const perDevice = (items: Array<Record<string, unknown>>) => [...new Set(items.map((item) => item.device))];

		expect(perDevice(await runOn({ resource: 'dhcpLease', operation: 'getMany', returnAll: true, options: { vdom: '*' } }))).toEqual(['fgt-branch-01', 'fgt-branch-02']);
		expect(perDevice(await runOn({ resource: 'firewallPolicy', operation: 'getStatistics', policyIds: '1', options: { vdom: 'FG-traffic' } }))).toEqual(['fgt-branch-01', 'fgt-branch-02']);
		const [created] = await runOn({ resource: 'address', operation: 'create', name: 'fleet-host', type: 'ipmask', subnet: '192.0.2.77' }, 'fgt-branch-02');
		expect(created).toMatchObject({ device: 'fgt-branch-02', name: 'fleet-host', alreadyExisted: false });
		expect(device('fgt-branch-02').data.addresses.addressNames()).toContain('fleet-host');
		expect((await runOn({ resource: 'addressGroup', operation: 'addMembers', groupName: 'dmz-servers', members: '198.51.100.0/24', createMissing: true })).map((item) => [item.device, item.changed])).toEqual([
			['fgt-branch-01', true],
			['fgt-branch-02', true],
		]);
		const policies = await runOn({ resource: 'firewallPolicy', operation: 'create', name: 'fleet-block', srcintf: 'wan1', dstintf: 'any', srcaddr: 'all', dstaddr: 'all', service: 'ALL', action: 'deny', position: 'top' });
		expect(policies.map((item) => [item.device, item.position, item.created])).toEqual([
			['fgt-branch-01', 1, true],
			['fgt-branch-02', 1, true],
		]);
		expect((await runOn({ resource: 'vpnTunnel', operation: 'getMany', returnAll: true })).length).toBeGreaterThan(0);
		expect(perDevice(await runOn({ resource: 'interface', operation: 'getMany', returnAll: true }))).toEqual(['fgt-branch-01', 'fgt-branch-02']);
		expect((await runOn({ resource: 'ha', operation: 'getStatus' })).map((item) => [item.device, item.clustered])).toEqual([
			['fgt-branch-01', true],
			['fgt-branch-02', true],
		]);
		expect((await runOn({ resource: 'firmware', operation: 'getStatus' })).map((item) => item.currentVersion)).toEqual(['v7.2.8', 'v6.4.14']);
		const [envelope] = await runOn({ resource: 'custom', operation: 'apiRequest', method: 'GET', path: '/api/v2/cmdb/firewall/address/fleet-host' }, 'fgt-branch-02');
		expect(envelope).toMatchObject({ device: 'fgt-branch-02', status: 'success', results: [expect.objectContaining({ name: 'fleet-host' })] });
	});

	test('a change is sent once to each device, however many targets name it', async () => {
		const items = jsonOf(await run('apiKey', { targets: 'fgt-branch-01, group:branches, *', resource: 'bannedIp', operation: 'add', ipAddresses: '203.0.113.10', expiry: 0 }));
		expect(items.map((item) => item.device)).toEqual(['fgt-branch-01', 'fgt-branch-02', 'fgt-branch-03']);
		expect(fmg.emulator.counters.proxyCalls).toMatchObject({ 'fgt-branch-03': 1 });
		for (const name of ['fgt-branch-01', 'fgt-branch-02']) {
			const bans = device(name).data.bannedIps.list().filter((ban) => ban.ip_address === '203.0.113.10');
			expect(bans).toHaveLength(1);
			expect(Object.entries(device(name).counters.requests).filter(([key]) => key.startsWith('POST ')).reduce((sum, [, count]) => sum + count, 0)).toBe(1);
		}
	});

	test('reboot with Wait for Online waits for each device through FortiManager; the unreachable one is NOT sent', async () => {
		const items = jsonOf(await run('login', { resource: 'system', operation: 'reboot', eventLogMessage: 'fleet maintenance', options: { waitForOnline: true, waitTimeout: 30, pollInterval: 0.2 } }));
		expect(items.map((item) => [item.device, item.rebootInitiated ?? false, item.rebootConfirmed ?? item.error])).toEqual([
			['fgt-branch-01', true, true],
			['fgt-branch-02', true, true],
			['fgt-branch-03', false, expect.stringMatching(/^The reboot was NOT sent: FortiManager could not reach fgt-branch-03/)],
		]);
		for (const name of ['fgt-branch-01', 'fgt-branch-02']) {
			expect(device(name).counters.reboots).toBe(1);
			expect(device(name).eventLog).toEqual(['fleet maintenance']);
		}
	});

	test('Parallel Devices bounds how many devices work at once', async () => {
		await fmg.emulator.stop();
		const { FortiManagerEmulator } = await import('../emulator/fortimanager/FortiManagerEmulator');
		const wide = new FortiManagerEmulator({ fleet: Array.from({ length: 6 }, (_, index) => ({ name: `store-0${index + 1}` })) });
		await wide.start();
		try {
			for (const managed of wide.fleet.devices) managed.emulator!.faults.add({ kind: 'latency', ms: 40, path: '/api/v2/', times: 100 });
			const runWith = async (parallelDevices: number) => {
				wide.counters.proxyCallsInFlightMax = 0;
				const result = await runFortiGateThroughFortiManager({ parameters: { targets: '*', resource: 'system', operation: 'getStatus', options: { parallelDevices } }, credentials: fmgCredentialsFor(wide, 'apiKey') });
				expect(jsonOf(result)).toHaveLength(6);
				return wide.counters.proxyCallsInFlightMax;
			};
			expect(await runWith(2)).toBe(2);
			expect(await runWith(8)).toBe(6);
			expect(await runWith(1)).toBe(1);
		} finally {
			await wide.stop();
			await fmg.emulator.start();
		}
	});

	test('the device\'s firmware version from the inventory decides before any reply: IPv6 statistics of FortiOS 6.0 come from policy6 at once', async () => {
		await fmg.emulator.stop();
		const { FortiManagerEmulator } = await import('../emulator/fortimanager/FortiManagerEmulator');
		const old = new FortiManagerEmulator({ fleet: [{ name: 'fgt-old-01', profile: '6.0' }] });
		await old.start();
		try {
			const items = jsonOf(await runFortiGateThroughFortiManager({ parameters: { targets: 'fgt-old-01', resource: 'firewallPolicy', operation: 'getStatistics', ipVersion: 'ipv6', options: { vdom: 'FG-traffic' } }, credentials: fmgCredentialsFor(old, 'apiKey') }));
			expect(items.map((item) => [item.device, item.policyid, item.ip_version])).toEqual([
				['fgt-old-01', 0, 'ipv6'],
				['fgt-old-01', 1, 'ipv6'],
			]);
			const requests = old.fleet.devices[0].emulator!.counters.requests;
			expect(requests['GET /api/v2/monitor/firewall/policy6']).toBe(1);
			expect(requests['GET /api/v2/monitor/firewall/policy']).toBeUndefined();
		} finally {
			await old.stop();
			await fmg.emulator.start();
		}
	});

	test('nested groups resolve to their devices, and several items share the one FortiManager session', async () => {
		fmg.emulator.groups.get('root')!.set('all-sites', ['branches', 'fgt-branch-01']);
		const items = [{ json: { ip: '203.0.113.21' } }, { json: { ip: '203.0.113.22' } }];
		const result = await runFortiGateThroughFortiManager({
			parameters: { targets: 'group:all-sites', resource: 'bannedIp', operation: 'add', ipAddresses: '={{ $json.ip }}', expiry: 0 },
			credentials: fmgCredentialsFor(fmg.emulator, 'login'),
			items,
			continueOnFail: true,
		});
		expect(jsonOf(result).map((item) => [item.device, item.ip_address ?? 'error'])).toEqual([
			['fgt-branch-01', '203.0.113.21'],
			['fgt-branch-02', '203.0.113.21'],
			['fgt-branch-03', 'error'],
			['fgt-branch-01', '203.0.113.22'],
			['fgt-branch-02', '203.0.113.22'],
			['fgt-branch-03', 'error'],
		]);
		expect(result.output.map((item) => item.pairedItem)).toEqual([0, 0, 0, 1, 1, 1].map((item) => ({ item })));
		expect(fmg.emulator.counters.logins).toBe(1);
	});

	test('refused before anything is sent: a backup (a file), unknown targets, an empty target list', async () => {
		const backup = await catchNodeError(run('login', { resource: 'system', operation: 'backupConfig' }, false));
		expect(backup.message).toBe('system.backupConfig returns a file, which cannot travel through FortiManager');
		const unknown = await catchNodeError(run('login', { targets: 'fgt-branch-01, fgt-nope, group:stores', resource: 'system', operation: 'getStatus' }, false));
		expect(unknown.message).toBe('FortiManager has no device "fgt-nope", group "stores" in ADOM "root"');
		const empty = await catchNodeError(run('apiKey', { targets: ' , ', resource: 'system', operation: 'getStatus' }, false));
		expect(empty.message).toBe('Targets is empty: name the devices to run on');
		expect(fmg.emulator.counters.proxyCalls).toEqual({});
		// The backup was refused before the login; the unknown target after it, logged out.
		expect(fmg.emulator.counters.logins).toBe(1);
	});

	test('the ADOM option picks another ADOM\'s devices; a read-only FortiManager admin may read but not change', async () => {
		const [customer] = jsonOf(await run('apiKey', { targets: 'fgt-cust-01', resource: 'system', operation: 'getStatus', options: { adom: 'customer-a' } }, false));
		expect(customer).toMatchObject({ device: 'fgt-cust-01', version: 'v7.6.3' });
		const reader = { username: FMG_ADMINS[1].user, password: FMG_ADMINS[1].passwd };
		expect(jsonOf(await run('login', { targets: 'fgt-branch-01', resource: 'system', operation: 'getStatus' }, false, reader))[0]).toMatchObject({ device: 'fgt-branch-01' });
		const write = await catchNodeError(run('login', { targets: 'fgt-branch-01', resource: 'bannedIp', operation: 'add', ipAddresses: '203.0.113.11' }, false, reader));
		expect(write.description).toContain('rpc-permit');
		expect(device('fgt-branch-01').data.bannedIps.list()).toEqual([]);
	});

	describe('when FortiManager ends the session in the middle of the fan-out', () => {
		const short = fortiManagerPerTest({ sessionCallLimit: 4 });

		test('the node logs in again and goes on; no device gets a change twice, and every session is closed', async () => {
			const items = [{ json: { ip: '203.0.113.31' } }, { json: { ip: '203.0.113.32' } }];
			const result = await runFortiGateThroughFortiManager({
				parameters: { targets: 'fgt-branch-01, fgt-branch-02', resource: 'bannedIp', operation: 'add', ipAddresses: '={{ $json.ip }}', expiry: 0, options: { parallelDevices: 1 } },
				credentials: fmgCredentialsFor(short.emulator, 'login'),
				items,
			});
			expect(jsonOf(result).map((item) => [item.device, item.ip_address, item.banned])).toEqual([
				['fgt-branch-01', '203.0.113.31', true],
				['fgt-branch-02', '203.0.113.31', true],
				['fgt-branch-01', '203.0.113.32', true],
				['fgt-branch-02', '203.0.113.32', true],
			]);
			expect(short.emulator.counters.sessionsExpired).toBeGreaterThan(0);
			expect(short.emulator.counters.logins).toBe(1 + short.emulator.counters.sessionsExpired);
			for (const managed of short.emulator.fleet.devices.slice(0, 2)) {
				const posts = Object.entries(managed.emulator!.counters.requests).filter(([key]) => key.startsWith('POST ')).reduce((sum, [, count]) => sum + count, 0);
				expect(posts).toBe(2);
			}
		});
	});
});
