import { FortiClientEms } from '../../nodes/FortiClientEms/FortiClientEms.node';
import { FortiGate } from '../../nodes/FortiGate/FortiGate.node';
import { FortiManager } from '../../nodes/FortiManager/FortiManager.node';
import { EmsEmulator } from '../emulator/ems/EmsEmulator';
import { emsCredentialsFor, runEms, type EmsAuthentication } from '../harness/fortiClientEms';
import { READONLY_API_USER, credentialsFor, emulatorPerTest } from '../harness/fortiGate';
import { fmgCredentialsFor, fortiManagerPerTest, runFortiManager } from '../harness/fortiManager';
import { runListSearch } from '../harness/listSearch';
import { jsonOf } from '../harness/runNode';

/** The "From List" dropdowns of the FortiGate node, called as the editor calls them. */
describe('FortiGate list searches', () => {
	const device = emulatorPerTest({ profile: '7.2' });
	const search = (method: string, parameters: Record<string, unknown> = {}, filter?: string, authentication: 'apiKey' | 'adminLogin' = 'apiKey', overrides = {}) =>
		runListSearch({
			nodeType: new FortiGate(),
			typeName: 'n8n-nodes-fortinet.fortiGate',
			parameters: { authentication, ...parameters },
			credentialType: authentication === 'apiKey' ? 'fortiGateApiKeyApi' : 'fortiGateAdminLoginApi',
			credentials: credentialsFor(device.emulator, authentication, overrides),
			method,
			filter,
		});
	const names = async (...args: Parameters<typeof search>) => (await search(...args)).results.map((entry) => entry.name);

	test('each list holds what the device has; the search text narrows it', async () => {
		expect(await names('searchAddresses')).toEqual(['all', 'none', 'login.microsoft.com', 'gmail.com', 'web-server']);
		expect((await search('searchAddresses', {}, 'WEB')).results).toEqual([{ name: 'web-server', value: 'web-server', description: 'ipmask · 10.0.1.10 255.255.255.255 · DMZ web server' }]);
		expect(await names('searchAddressGroups')).toEqual(['dmz-servers']);
		expect(await names('searchTunnels')).toEqual(['to-branch-1', 'to-aws']);
		expect(await names('searchInterfaces')).toEqual(['wan1', 'wan2', 'lan', 'dmz', 'lan.100', 'agg1']);
		expect(await names('searchPolicies', { resource: 'firewallPolicy', options: { vdom: { __rl: true, mode: 'list', value: 'FG-traffic' } } })).toEqual(['1: (no name)', '2: ping', '3: disabled ping']);
		expect(await names('searchVdoms')).toEqual(['root', 'FG-traffic', '* (every VDOM)']);
		const [lease] = jsonOf(await device.run('apiKey', { resource: 'dhcpLease', operation: 'getMany', returnAll: true, options: { vdom: { __rl: true, mode: 'list', value: 'FG-traffic' } } }));
		expect(lease.vdom).toBe('FG-traffic');
	});

	test('with an admin login each list opens one session and logs it out', async () => {
		await names('searchAddresses', {}, undefined, 'adminLogin');
		await names('searchPolicies', {}, undefined, 'adminLogin');
		expect(device.emulator.counters.logins).toBe(2);
		expect(device.emulator.counters.logouts).toBe(2);
	});

	test('a list that cannot be read says why, without the key; a read-only account may list', async () => {
		const error = await search('searchTunnels', {}, undefined, 'apiKey', { apiKey: 'not-the-key-000000000000000000' }).catch((caught: Error) => caught);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toBe('401 with API key: the FortiGate refused the key (could not read the IPsec tunnels)');
		expect((error as Error).message).not.toContain('not-the-key');
		const restricted = await search('searchAddresses', {}, undefined, 'apiKey', { apiKey: READONLY_API_USER.key });
		expect(restricted.results.length).toBeGreaterThan(0);
	});

	test('a value picked from a list runs like the plain value older workflows hold', async () => {
		const run = (name: unknown) => device.run('apiKey', { resource: 'address', operation: 'get', name });
		const picked = jsonOf(await run({ __rl: true, mode: 'list', value: 'web-server' }));
		const typed = jsonOf(await run({ __rl: true, mode: 'name', value: 'web-server' }));
		const plain = jsonOf(await run('web-server'));
		expect(picked).toEqual(plain);
		expect(typed).toEqual(plain);
		expect(plain[0]).toMatchObject({ name: 'web-server' });
		const [policy] = jsonOf(await device.run('apiKey', { resource: 'firewallPolicy', operation: 'get', policyId: { __rl: true, mode: 'list', value: '2' }, options: { vdom: 'FG-traffic' } }));
		expect(policy).toMatchObject({ policyid: 2, name: 'ping' });
	});
});

describe('FortiGate list searches through FortiManager', () => {
	const fmg = fortiManagerPerTest();

	test('the list comes from the first device Targets names', async () => {
		const result = await runListSearch({
			nodeType: new FortiGate(),
			typeName: 'n8n-nodes-fortinet.fortiGate',
			parameters: { authentication: 'fortiManager', targets: 'fgt-branch-02, fgt-branch-01' },
			credentialType: 'fortiManagerApi',
			credentials: fmgCredentialsFor(fmg.emulator, 'login'),
			method: 'searchTunnels',
		});
		expect(result.results.map((entry) => entry.name)).toEqual(['to-branch-1', 'to-aws']);
		expect(fmg.emulator.counters.proxyCalls).toEqual({ 'fgt-branch-01': 1 });
		expect(fmg.emulator.counters.logouts).toBe(1);
	});
});

describe.each(['cloudAccessKey', 'onPremLogin'] as EmsAuthentication[])('FortiClient EMS endpoint list with %s', (authentication) => {
	let ems: EmsEmulator;
	beforeEach(async () => {
		ems = new EmsEmulator({ mode: authentication === 'cloudAccessKey' ? 'cloud' : 'onPrem', endpointCount: 250, pageCap: 60 });
		await ems.start();
	});
	afterEach(async () => {
		expect(ems.openSessions).toBe(0);
		await ems.stop();
	});
	const search = (filter?: string, paginationToken?: string) =>
		runListSearch({
			nodeType: new FortiClientEms(),
			typeName: 'n8n-nodes-fortinet.fortiClientEms',
			parameters: { authentication, resource: 'endpoint', operation: 'get' },
			credentialType: authentication === 'cloudAccessKey' ? 'fortiClientCloudApi' : 'fortiClientEmsApi',
			credentials: emsCredentialsFor(ems, authentication),
			method: 'searchEndpoints',
			filter,
			paginationToken,
		});

	test('host name and IP shown, the device ID stored, pages by EMS offset, the search text narrows a page', async () => {
		const first = await search();
		const target = ems.endpoints[0];
		expect(first.results[0]).toEqual({ name: `${target.host} (${target.ip_addr})`, value: String(target.device_id), description: `user ${target.username}` });
		// EMS may return fewer than asked: the next page starts where this one ended.
		expect(first.results).toHaveLength(60);
		expect(first.paginationToken).toBe('60');
		const second = await search(undefined, first.paginationToken);
		expect(second.results[0].value).toBe(String(ems.endpoints[first.results.length].device_id));
		const narrowed = await search(target.ip_addr);
		expect(narrowed.results.map((entry) => entry.value)).toContain(String(target.device_id));

		const [picked] = jsonOf(await runEms({ authentication, parameters: { resource: 'endpoint', operation: 'get', deviceId: { __rl: true, mode: 'list', value: String(target.device_id) } }, credentials: emsCredentialsFor(ems, authentication) }));
		expect(picked).toMatchObject({ device_id: target.device_id, host: target.host });
	});
});

describe('FortiManager lists', () => {
	const fmg = fortiManagerPerTest();
	const search = (method: string, parameters: Record<string, unknown> = {}) =>
		runListSearch({ nodeType: new FortiManager(), typeName: 'n8n-nodes-fortinet.fortiManager', parameters: parameters as never, credentialType: 'fortiManagerApi', credentials: fmgCredentialsFor(fmg.emulator, 'login'), method });

	test('devices of the ADOM (the option\'s, picked from the ADOM list) and the ADOMs; each list logs out', async () => {
		expect((await search('searchAdoms')).results.map((entry) => entry.name)).toEqual(expect.arrayContaining(['root', 'customer-a']));
		const root = await search('searchDevices', { resource: 'device', operation: 'get' });
		expect(root.results.map((entry) => [entry.name, entry.description])).toEqual([
			['fgt-branch-01', 'FortiGate-200F · FortiOS 7.2.8 · online'],
			['fgt-branch-02', 'FortiGate-200F · FortiOS 6.4.14 · online'],
			['fgt-branch-03', 'FortiGate-200F · FortiOS 7.6.4 · not reachable'],
		]);
		expect((await search('searchGroups', { resource: 'deviceGroup', operation: 'getMany' })).results.map((entry) => entry.name)).toEqual(['branches', 'All_FortiGate']);
		const groups = jsonOf(await runFortiManager({ parameters: { resource: 'deviceGroup', operation: 'getMany', groupName: { __rl: true, mode: 'list', value: 'branches' } }, credentials: fmgCredentialsFor(fmg.emulator, 'apiKey') }));
		expect(groups.map((group) => [group.group, group.members])).toEqual([['branches', ['fgt-branch-01', 'fgt-branch-02', 'fgt-branch-03']]]);
		const customer = await search('searchDevices', { resource: 'device', operation: 'get', options: { adom: { __rl: true, mode: 'list', value: 'customer-a' } } });
		expect(customer.results.map((entry) => entry.name)).toEqual(['fgt-cust-01']);

		const [device] = jsonOf(await runFortiManager({ parameters: { resource: 'device', operation: 'get', deviceName: { __rl: true, mode: 'list', value: 'fgt-cust-01' }, options: { adom: { __rl: true, mode: 'name', value: 'customer-a' } } }, credentials: fmgCredentialsFor(fmg.emulator, 'apiKey') }));
		expect(device).toMatchObject({ device: 'fgt-cust-01', adom: 'customer-a' });
		expect(fmg.emulator.counters.logouts).toBe(fmg.emulator.counters.logins);
	});
});

// FortiManager 7.6.5 moved the script table to /pm/config (fortimanager-jsonrpc.md section 5).
describe.each(['dvmdb', 'pmConfig'] as const)('FortiManager script list, script table %s', (scriptTable) => {
	const fmg = fortiManagerPerTest({ scriptTable, taskDurationMs: 100 });

	test('lists the stored CLI scripts, and the one picked runs', async () => {
		const list = await runListSearch({
			nodeType: new FortiManager(),
			typeName: 'n8n-nodes-fortinet.fortiManager',
			parameters: { resource: 'script', operation: 'run' } as never,
			credentialType: 'fortiManagerApi',
			credentials: fmgCredentialsFor(fmg.emulator, 'login'),
			method: 'searchScripts',
			filter: 'VERSION',
		});
		expect(list.results).toEqual([{ name: 'show-version', value: 'show-version', description: 'runs on the devices' }]);
		const parameters = { resource: 'script', operation: 'run', scriptSource: 'stored', scriptName: { __rl: true, mode: 'list', value: 'show-version' }, targets: 'fgt-branch-01', options: { pollInterval: 0.1 } };
		const [item] = jsonOf(await runFortiManager({ parameters, credentials: fmgCredentialsFor(fmg.emulator, 'apiKey') }));
		expect(item).toMatchObject({ device: 'fgt-branch-01', success: true, script: 'show-version' });
		expect(fmg.emulator.counters.logouts).toBe(fmg.emulator.counters.logins);
	});
});
