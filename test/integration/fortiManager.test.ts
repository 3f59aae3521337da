import type { ICredentialTestFunctions } from 'n8n-workflow';
import { FortiManager } from '../../nodes/FortiManager/FortiManager.node';
import { FMG_ADMINS, FMG_API_KEYS } from '../emulator/fortimanager/accounts';
import { catchNodeError, expectNoSecrets } from '../harness/expectations';
import { FMG_AUTHS, fmgCredentialsFor, fortiManagerPerTest, runFortiManager, type FortiManagerAuth } from '../harness/fortiManager';
import { jsonOf } from '../harness/runNode';

const reader = { username: FMG_ADMINS[1].user, password: FMG_ADMINS[1].passwd };

describe.each(['honour', 'numeric'] as const)('FortiManager with %s enums', (enums) => {
	const fmg = fortiManagerPerTest({ enums });
	const run = (authType: FortiManagerAuth, parameters: Record<string, unknown>, overrides = {}) =>
		runFortiManager({ parameters, credentials: fmgCredentialsFor(fmg.emulator, authType, overrides) });

	describe.each(FMG_AUTHS)('with %s', (authType) => {
		test('device.getMany: one item per device, normalised whatever the enum form, raw fields kept', async () => {
			const devices = jsonOf(await run(authType, { resource: 'device', operation: 'getMany', returnAll: true }));
			expect(devices.map((device) => [device.device, device.online, device.configInSync, device.firmware, device.haMode])).toEqual([
				['fgt-branch-01', true, true, '7.2.8', 'standalone'],
				['fgt-branch-02', true, false, '6.4.14', 'a-p'],
				['fgt-branch-03', false, true, '7.6.4', 'standalone'],
			]);
			expect(devices[0]).toMatchObject({ adom: 'root', serial: 'FG200FT123456789', model: 'FortiGate-200F', vdoms: ['root', 'FG-traffic'], raw: { name: 'fgt-branch-01' } });
			if (authType === 'login') expect(fmg.emulator.counters.logins).toBe(1);
		});

		test('fortiGateApi.request GET on every FortiGate: one item per device in name order, the one that is down says why, one FortiManager call', async () => {
			const callsBefore = fmg.emulator.counters.calls;
			const items = jsonOf(await run(authType, { resource: 'fortiGateApi', operation: 'request', method: 'GET', path: '/api/v2/monitor/system/status', query: '{"vdom": "root"}', targets: '*' }));
			expect(items.map((item) => [item.device, item.success, item.httpStatus])).toEqual([
				['fgt-branch-01', true, 200],
				['fgt-branch-02', true, 200],
				['fgt-branch-03', false, null],
			]);
			expect(items[0]).toMatchObject({ serial: 'FG200FT123456789', version: 'v7.2.8', results: { hostname: fmg.emulator.fleet.devices[0].emulator!.data.hostname } });
			expect(items[2].error).toBe('FortiManager could not reach fgt-branch-03: Target cannot be connected (FortiManager -12)');
			expect(fmg.emulator.counters.proxyCalls).toEqual({ 'fgt-branch-01': 1, 'fgt-branch-02': 1, 'fgt-branch-03': 1 });
			// The proxy call itself, plus login and logout with a login.
			expect(fmg.emulator.counters.calls - callsBefore).toBe(authType === 'login' ? 3 : 1);
		});
	});

	test('device.getMany filters: connection, name pattern, firmware, platform; and a limit', async () => {
		const names = async (filters: Record<string, unknown>, extra: Record<string, unknown> = { returnAll: true }) =>
			jsonOf(await run('apiKey', { resource: 'device', operation: 'getMany', filters, ...extra })).map((device) => device.device);
		expect(await names({ connection: 'down' })).toEqual(['fgt-branch-03']);
		expect(await names({ connection: 'up', namePattern: 'FGT-BRANCH-*' })).toEqual(['fgt-branch-01', 'fgt-branch-02']);
		expect(await names({ firmware: '7.2' })).toEqual(['fgt-branch-01']);
		expect(await names({ firmware: '7' })).toEqual(['fgt-branch-01', 'fgt-branch-03']);
		expect(await names({ platform: 'fortigate-200f' })).toHaveLength(3);
		expect(await names({}, { returnAll: false, limit: 2 })).toEqual(['fgt-branch-01', 'fgt-branch-02']);
		expect(await names({}, { returnAll: true, options: { adom: 'customer-a' } })).toEqual(['fgt-cust-01']);
	});
});

describe('FortiManager node', () => {
	const fmg = fortiManagerPerTest();
	const run = (parameters: Record<string, unknown>, authType: FortiManagerAuth = 'login', overrides = {}) =>
		runFortiManager({ parameters, credentials: fmgCredentialsFor(fmg.emulator, authType, overrides) });

	test('device.get, and an unknown device named with its ADOM', async () => {
		const [device] = jsonOf(await run({ resource: 'device', operation: 'get', deviceName: 'fgt-cust-01', options: { adom: 'customer-a' } }));
		expect(device).toMatchObject({ device: 'fgt-cust-01', firmware: '7.6.3', online: true, adom: 'customer-a' });
		const error = await catchNodeError(run({ resource: 'device', operation: 'get', deviceName: 'fgt-nowhere' }));
		expect(error.message).toBe('FortiManager has no device "fgt-nowhere" in ADOM "root"');
	});

	test('deviceGroup.getMany with member names, adom.getMany, system.getStatus', async () => {
		const groups = jsonOf(await run({ resource: 'deviceGroup', operation: 'getMany' }));
		expect(groups.map((group) => [group.group, group.members])).toEqual([
			['branches', ['fgt-branch-01', 'fgt-branch-02', 'fgt-branch-03']],
			['All_FortiGate', ['fgt-branch-01', 'fgt-branch-02', 'fgt-branch-03']],
		]);
		expect(jsonOf(await run({ resource: 'adom', operation: 'getMany' })).map((adom) => adom.adom)).toEqual(['root', 'customer-a']);
		const [status] = jsonOf(await run({ resource: 'system', operation: 'getStatus' }));
		expect(status).toMatchObject({ hostname: 'FMG-EMU', serial: 'FMG-VM0000000001', version: 'v7.4.5-build2588 240925 (GA)', adomsEnabled: true });
	});

	test('system.getStatus for an admin without system rights falls back to /cli/global/system/status', async () => {
		const [status] = jsonOf(await run({ resource: 'system', operation: 'getStatus' }, 'login', { username: FMG_ADMINS[3].user, password: FMG_ADMINS[3].passwd }));
		expect(status.hostname).toBe('FMG-EMU');
	});

	test('a proxied write reaches the devices of a group; the down one does not fail the node', async () => {
		const items = jsonOf(
			await run({ resource: 'fortiGateApi', operation: 'request', method: 'POST', path: '/api/v2/monitor/user/banned/add_users', body: '{"ip_addresses": ["203.0.113.50"], "expiry": 0}', targets: 'group:branches' }),
		);
		expect(items.map((item) => [item.device, item.success])).toEqual([
			['fgt-branch-01', true],
			['fgt-branch-02', true],
			['fgt-branch-03', false],
		]);
		for (const device of fmg.emulator.fleet.devices.slice(0, 2)) {
			expect(device.emulator!.data.bannedIps.list().map((entry) => entry.ip_address)).toContain('203.0.113.50');
		}
	});

	test('Split Results gives one item per FortiOS result, each with its device', async () => {
		const items = jsonOf(await run({ resource: 'fortiGateApi', operation: 'request', method: 'GET', path: '/api/v2/monitor/system/dhcp', targets: 'fgt-branch-01', options: { splitResults: true } }));
		expect(items.length).toBeGreaterThan(1);
		expect(items.every((item) => item.device === 'fgt-branch-01' && typeof item.ip === 'string')).toBe(true);
	});

	test('a FortiOS error on one device is that device\'s item, with the FortiOS envelope', async () => {
		const items = jsonOf(await run({ resource: 'fortiGateApi', operation: 'request', method: 'GET', path: '/api/v2/monitor/no/such/endpoint', targets: 'fgt-branch-01, fgt-branch-02' }));
		expect(items.map((item) => [item.device, item.success, item.httpStatus, item.error])).toEqual([
			['fgt-branch-01', false, 404, 'FortiOS on fgt-branch-01 answered 404'],
			['fgt-branch-02', false, 404, 'FortiOS on fgt-branch-02 answered 404'],
		]);
	});

	test('refused calls fail the node: rpc-permit read on a write, an unknown target, a path outside /api/v2', async () => {
		const write = await catchNodeError(
			run({ resource: 'fortiGateApi', operation: 'request', method: 'POST', path: '/api/v2/monitor/user/banned/clear_all', targets: '*' }, 'login', reader),
		);
		expect(write.message).toBe('FortiManager could not send POST /api/v2/monitor/user/banned/clear_all to adom/root/group/All_FortiGate: no permission (FortiManager -11)');
		expect(write.description).toContain('rpc-permit');
		// The reader may read through the proxy.
		expect(jsonOf(await run({ resource: 'fortiGateApi', operation: 'request', method: 'GET', path: '/api/v2/monitor/system/status', targets: 'fgt-branch-01' }, 'login', reader))[0].success).toBe(true);
		const unknown = await catchNodeError(run({ resource: 'fortiGateApi', operation: 'request', method: 'GET', path: '/api/v2/monitor/system/status', targets: 'fgt-nowhere' }));
		expect(unknown.message).toContain('this FortiManager has no such command or URL');
		expect(unknown.description).toContain('target adom/root/device/fgt-nowhere');
		const outside = await catchNodeError(run({ resource: 'fortiGateApi', operation: 'request', method: 'GET', path: '/logincheck', targets: '*' }));
		expect(outside.message).toBe('Path must be a FortiOS REST path under /api/v2/, not "/logincheck"');
	});

	test('a session that expires mid-execution (-11) is renewed once; the rest of the items go on', async () => {
		fmg.emulator.options.sessionCallLimit = 2;
		const items = Array.from({ length: 4 }, () => ({ json: {} }));
		const result = await runFortiManager({ parameters: { resource: 'system', operation: 'getStatus', options: { concurrency: 1 } }, credentials: fmgCredentialsFor(fmg.emulator, 'login'), items });
		expect(result.output).toHaveLength(4);
		expect(fmg.emulator.counters.sessionsExpired).toBeGreaterThanOrEqual(1);
		expect(fmg.emulator.counters.logins).toBe(2);
	});

	test('login refusals: a wrong password (-22), no JSON API access (-11 at login), a wrong API key', async () => {
		const wrong = await catchNodeError(run({ resource: 'system', operation: 'getStatus' }, 'login', { password: 'not-the-password' }));
		expect(wrong.message).toBe('FortiManager refused the login of "fmg-admin" (FortiManager -22)');
		const noRpc = await catchNodeError(run({ resource: 'system', operation: 'getStatus' }, 'login', { username: FMG_ADMINS[2].user, password: FMG_ADMINS[2].passwd }));
		expect(noRpc.message).toBe('FortiManager refused the login of "fmg-norpc": no JSON API access (FortiManager -11)');
		const badKey = await catchNodeError(run({ resource: 'system', operation: 'getStatus' }, 'apiKey', { apiKey: 'fmgk-wrong-key-0000000000' }));
		expect(badKey.message).toBe('FortiManager could not read the FortiManager status: no permission (FortiManager -11)');
		expectNoSecrets(`${wrong.serialized} ${noRpc.serialized} ${badKey.serialized}`, [...FMG_ADMINS.map((admin) => admin.passwd), ...FMG_API_KEYS.map((key) => key.key), 'not-the-password', ...fmg.emulator.issuedSecrets()]);
		expect(fmg.emulator.counters.accessTokenRequests).toBe(0);
	});

	test('the credential\'s Test button logs in, reads the status and logs out', async () => {
		const node = new FortiManager();
		const test = node.methods.credentialTest.fortiManagerApiTest;
		const ok = await test.call({} as ICredentialTestFunctions, { id: '1', name: 'FortiManager', type: 'fortiManagerApi', data: fmgCredentialsFor(fmg.emulator, 'login') });
		expect(ok).toEqual({ status: 'OK', message: 'Connected to FMG-EMU (v7.4.5-build2588 240925 (GA))' });
		const refused = await test.call({} as ICredentialTestFunctions, { id: '1', name: 'FortiManager', type: 'fortiManagerApi', data: fmgCredentialsFor(fmg.emulator, 'login', { password: 'nope' }) });
		expect(refused.status).toBe('Error');
		expect(fmg.emulator.counters.logouts).toBe(1);
	});
});

describe('scripts, installs and tasks', () => {
	// FortiManager 7.6.5 moved the script table to /pm/config (fortimanager-jsonrpc.md section 5).
	describe.each([
		{ workspaceMode: false, scriptTable: 'dvmdb' as const },
		{ workspaceMode: true, scriptTable: 'dvmdb' as const },
		{ workspaceMode: false, scriptTable: 'pmConfig' as const },
		{ workspaceMode: true, scriptTable: 'pmConfig' as const },
	])('workspace mode $workspaceMode, script table $scriptTable', ({ workspaceMode, scriptTable }) => {
		const fmg = fortiManagerPerTest({ workspaceMode, scriptTable, taskDurationMs: 300 });
		const run = (parameters: Record<string, unknown>) =>
			runFortiManager({ parameters: { ...parameters, options: { pollInterval: 0.1, ...(parameters.options as object) } }, credentials: fmgCredentialsFor(fmg.emulator, 'login') });

		test('script.run of a stored script, waited for: one item per device with its state and output', async () => {
			const items = jsonOf(await run({ resource: 'script', operation: 'run', scriptSource: 'stored', scriptName: 'show-version', targets: 'group:branches' }));
			expect(items.map((item) => [item.device, item.state, item.success])).toEqual([
				['fgt-branch-01', 'done', true],
				['fgt-branch-02', 'done', true],
				['fgt-branch-03', 'error', false],
			]);
			expect(String(items[0].output)).toContain('Version: FortiGate-200F v7.2.8');
			expect(items[2]).toMatchObject({ detail: 'Device is offline', output: null });
			expect(fmg.emulator.counters.locksTaken).toBe(0);
		});

		test('script.run of CLI lines: a temporary script, removed afterwards (locked and committed in workspace mode)', async () => {
			const before = [...fmg.emulator.scripts.get('root')!.keys()];
			const items = jsonOf(await run({ resource: 'script', operation: 'run', scriptSource: 'adHoc', scriptContent: 'get system status\nget system performance status', targets: 'fgt-branch-01' }));
			expect(items).toEqual([expect.objectContaining({ device: 'fgt-branch-01', success: true, script: expect.stringMatching(/^n8n-[0-9a-f]{12}$/) })]);
			expect([...fmg.emulator.scripts.get('root')!.keys()]).toEqual(before);
			expect(fmg.emulator.counters.commits).toBe(workspaceMode ? 2 : 0);
		});

		test('a failing run still removes its temporary script and releases the lock', async () => {
			const before = [...fmg.emulator.scripts.get('root')!.keys()];
			const error = await catchNodeError(run({ resource: 'script', operation: 'run', scriptSource: 'adHoc', scriptContent: 'get system status', targets: 'group:no-such-group' }));
			expect(error.message).toContain('FortiManager could not run the script');
			expect([...fmg.emulator.scripts.get('root')!.keys()]).toEqual(before);
		});

		test('policyPackage.install preview, waited for; then task.get of a run started without waiting', async () => {
			const items = jsonOf(await run({ resource: 'policyPackage', operation: 'install', package: 'branch-policy', targets: 'fgt-branch-01, fgt-branch-03', preview: true }));
			expect(items.map((item) => [item.device, item.success, item.detail, item.preview])).toEqual([
				['fgt-branch-01', true, 'Preview is ready', true],
				['fgt-branch-03', false, 'Device is offline', true],
			]);
			const [started] = jsonOf(await run({ resource: 'policyPackage', operation: 'install', package: 'default', targets: '*', waitForCompletion: false }));
			expect(started).toMatchObject({ state: 'started', targets: ['All_FortiGate'] });
			await new Promise((resolve) => setTimeout(resolve, 350));
			const [task] = jsonOf(await run({ resource: 'task', operation: 'get', taskId: started.taskId }));
			expect(task).toMatchObject({ taskId: started.taskId, done: true, succeeded: false, devicesFailed: 1, state: 'done' });
			expect(fmg.emulator.counters.locksTaken).toBe(workspaceMode ? 2 : 0);
		});
	});

	describe('workspace locked by another admin', () => {
		const fmg = fortiManagerPerTest({ workspaceMode: true });
		test('the install is refused with -20055, and the other admin\'s lock is left alone', async () => {
			fmg.emulator.locks.set('root', 'another-admin-session');
			const error = await catchNodeError(runFortiManager({ parameters: { resource: 'policyPackage', operation: 'install', package: 'default', targets: '*' }, credentials: fmgCredentialsFor(fmg.emulator, 'apiKey') }));
			expect(error.message).toBe('FortiManager could not lock ADOM "root" for changes: the ADOM is locked by another admin (workspace mode) (FortiManager -20055)');
			expect(fmg.emulator.locks.get('root')).toBe('another-admin-session');
			fmg.emulator.locks.clear();
		});
	});

	describe.each([
		['refuses a call naming an unknown target', { unknownTarget: 'call' as const }],
		['answers -3 entries for unknown targets and passes replies on as text', { unknownTarget: 'entry' as const, proxyResponseAsText: true }],
	])('a FortiManager that %s', (_case, options) => {
		const fmg = fortiManagerPerTest(options);
		const request = (targets: string) =>
			runFortiManager({ parameters: { resource: 'fortiGateApi', operation: 'request', method: 'GET', path: '/api/v2/monitor/system/status', targets }, credentials: fmgCredentialsFor(fmg.emulator, 'apiKey') });

		test('reads the devices\' replies the same way, and fails on the unknown target', async () => {
			const items = jsonOf(await request('fgt-branch-01, fgt-branch-03'));
			expect(items.map((item) => [item.device, item.success, typeof item.results])).toEqual([
				['fgt-branch-01', true, 'object'],
				['fgt-branch-03', false, 'undefined'],
			]);
			const error = await catchNodeError(request('fgt-branch-01, fgt-nowhere'));
			expect(error.message).toMatch(options.unknownTarget === 'call' ? /this FortiManager has no such command or URL/ : /^FortiManager does not know the target fgt-nowhere$/);
		});
	});

	describe('a FortiManager that answers exec with a result object', () => {
		const fmg = fortiManagerPerTest({ execResultAsObject: true, taskDurationMs: 100 });
		test('is read as well as a list', async () => {
			const items = jsonOf(await runFortiManager({ parameters: { resource: 'script', operation: 'run', scriptName: 'show-version', targets: 'fgt-branch-01', options: { pollInterval: 0.1 } }, credentials: fmgCredentialsFor(fmg.emulator, 'apiKey') }));
			expect(items).toEqual([expect.objectContaining({ device: 'fgt-branch-01', success: true })]);
		});
	});
});
