import { FortiGateEmulator, type FortiGateEmulatorOptions } from '../emulator/fortigate/FortiGateEmulator';
import { ADMIN, API_USER, credentialsFor, runFortiGate, type Authentication } from '../harness/fortiGate';
import { catchNodeError, expectNoSecrets, expectNoSessionLeft } from '../harness/expectations';
import { legacyLoginCookies, rawRequest } from '../harness/rawRequest';
import { jsonOf } from '../harness/runNode';

let emulator: FortiGateEmulator;

async function startEmulator(options: FortiGateEmulatorOptions = {}): Promise<FortiGateEmulator> {
	emulator = new FortiGateEmulator({ rebootDowntimeMs: 500, ...options });
	await emulator.start();
	return emulator;
}

afterEach(async () => {
	await emulator?.stop();
});

const items = (count: number) => Array.from({ length: count }, (_, index) => ({ json: { index } }));

describe('one session per execution', () => {
	test.each([
		['7.2', 'json login'],
		['6.0', 'logincheck'],
	] as const)('1 and 100 items give exactly one login and one logout on %s (%s)', async (profile, _dialect) => {
		await startEmulator({ profile });
		for (const count of [1, 100]) {
			const before = { ...emulator.counters };
			const result = await runFortiGate({
				authentication: 'adminLogin',
				parameters: { resource: 'system', operation: 'getStatus' },
				credentials: credentialsFor(emulator, 'adminLogin'),
				items: items(count),
			});
			expect(result.output).toHaveLength(count);
			expect(result.output.map((item) => item.pairedItem)).toEqual(items(count).map((_, item) => ({ item })));
			expect(emulator.counters.logins - before.logins).toBe(1);
			expect(emulator.counters.logouts - before.logouts).toBe(1);
			expect(emulator.openSessions).toBe(0);
		}
	});

	test('the session is logged out when an item fails, with and without continueOnFail', async () => {
		await startEmulator({ profile: '7.2', jsonLogin: false });
		const parameters = { resource: 'dhcpLease', operation: 'getMany', returnAll: true, options: { vdom: '={{ $json.vdom }}' } };
		const input = [{ json: { vdom: 'root' } }, { json: { vdom: 'no-such-vdom' } }, { json: { vdom: 'FG-traffic' } }];

		const failed = await catchNodeError(
			runFortiGate({ authentication: 'adminLogin', parameters, credentials: credentialsFor(emulator, 'adminLogin'), items: input }),
		);
		expect(failed.message).toBe('404: this FortiOS version has no GET /api/v2/monitor/system/dhcp, or VDOM "no-such-vdom" does not exist');
		expectNoSessionLeft(emulator);

		const result = await runFortiGate({
			authentication: 'adminLogin',
			parameters,
			credentials: credentialsFor(emulator, 'adminLogin'),
			items: input,
			continueOnFail: true,
		});
		const output = result.output.map((item) => ({ item: (item.pairedItem as { item: number }).item, vdom: item.json.vdom, error: item.json.error }));
		expect(output.filter((entry) => entry.item === 0).every((entry) => entry.vdom === 'root')).toBe(true);
		expect(output.filter((entry) => entry.item === 1)).toEqual([
			{ item: 1, vdom: undefined, error: '404: this FortiOS version has no GET /api/v2/monitor/system/dhcp, or VDOM "no-such-vdom" does not exist' },
		]);
		// Two IPv4 and two IPv6 leases.
		expect(output.filter((entry) => entry.item === 2).map((entry) => entry.vdom)).toEqual(['FG-traffic', 'FG-traffic', 'FG-traffic', 'FG-traffic']);
		expect(emulator.counters.logins).toBe(2);
		expectNoSessionLeft(emulator);
	});

	test('a session that expires in the middle of an execution is replaced by one new login', async () => {
		await startEmulator({ profile: '7.2', jsonLogin: false, adminTimeoutMs: 300 });
		// The first status request arrives after admintimeout has ended the session.
		emulator.faults.add({ path: '/api/v2/monitor/system/status', kind: 'latency', ms: 400 });
		const result = await runFortiGate({
			authentication: 'adminLogin',
			parameters: { resource: 'system', operation: 'getStatus' },
			credentials: credentialsFor(emulator, 'adminLogin'),
			items: items(3),
		});
		expect(result.output).toHaveLength(3);
		expect(emulator.counters.sessionsExpired).toBe(1);
		expect(emulator.counters.logins).toBe(2);
		expect(emulator.counters.logouts).toBe(1);
		expectNoSessionLeft(emulator);
	});
});

describe('parallel items', () => {
	test('100 items with 8 in parallel keep their order, share one session, and renew an expired one once', async () => {
		await startEmulator({ profile: '7.2', jsonLogin: false, adminTimeoutMs: 400 });
		// Every request of the first wave arrives after admintimeout has ended the session.
		emulator.faults.add({ path: '/api/v2/monitor/system/dhcp', kind: 'latency', ms: 500, times: 8 });
		const input = Array.from({ length: 100 }, (_, index) => ({ json: { vdom: index % 2 ? 'root' : 'FG-traffic' } }));
		const result = await runFortiGate({
			authentication: 'adminLogin',
			parameters: { resource: 'dhcpLease', operation: 'getMany', returnAll: true, ipVersion: 'both', options: { vdom: '={{ $json.vdom }}', concurrency: 8 } },
			credentials: credentialsFor(emulator, 'adminLogin'),
			items: input,
		});
		const pairs = result.output.map((item) => [(item.pairedItem as { item: number }).item, item.json.vdom]);
		// Each VDOM of the emulator holds four leases (IPv4 and IPv6).
		const expected = input.flatMap((item, index) => Array.from({ length: 4 }, () => [index, item.json.vdom]));
		expect(pairs).toEqual(expected);
		expect(emulator.counters.sessionsExpired).toBe(1);
		expect(emulator.counters.logins).toBe(2);
		expectNoSessionLeft(emulator);
	});
});

describe('the classic field scenarios', () => {
	test('a session reboot succeeds because the CSRF header is sent; the device refuses it without', async () => {
		await startEmulator({ profile: '7.2', jsonLogin: false });
		// The emulator behaves like FortiOS: a cookie session without X-CSRFTOKEN gets 403.
		const { cookie, csrf } = await legacyLoginCookies(emulator.url, ADMIN.username, ADMIN.password);
		const refused = await rawRequest(`${emulator.url}/api/v2/monitor/system/os/reboot`, { method: 'POST', headers: { cookie }, body: '{}' });
		expect(refused.status).toBe(403);
		expect(emulator.counters.reboots).toBe(0);
		await rawRequest(`${emulator.url}/logout`, { method: 'POST', headers: { cookie, 'x-csrftoken': csrf } });

		const [result] = jsonOf(
			await runFortiGate({
				authentication: 'adminLogin',
				parameters: { resource: 'system', operation: 'reboot' },
				credentials: credentialsFor(emulator, 'adminLogin'),
			}),
		);
		expect(result.rebootInitiated).toBe(true);
		expect(emulator.counters.reboots).toBe(1);
		expect(emulator.counters.csrfRejections).toBe(1);
	});

	test('an API key on 7.6.4 never touches the query string, which 7.6.4 refuses', async () => {
		await startEmulator({ profile: '7.6.4' });
		const refused = await rawRequest(`${emulator.url}/api/v2/monitor/system/status?access_token=${API_USER.key}`);
		expect(refused.status).toBe(401);
		expect(String(refused.headers['www-authenticate'])).toContain('invalid_token');
		const before = emulator.counters.queryTokenRequests;

		for (const [resource, operation] of [['system', 'getStatus'], ['dhcpLease', 'getMany'], ['firewallPolicy', 'getStatistics'], ['system', 'reboot']]) {
			await runFortiGate({ authentication: 'apiKey', parameters: { resource, operation }, credentials: credentialsFor(emulator, 'apiKey') });
		}
		expect(emulator.counters.queryTokenRequests).toBe(before);
		expect(emulator.counters.reboots).toBe(1);
	});

	test.each(['drop', 'reply'] as const)('a reboot answered by "%s" reports success, is sent once, and its logout never fails the result', async (rebootMode) => {
		await startEmulator({ profile: '7.2', jsonLogin: false, rebootMode });
		const result = await runFortiGate({
			authentication: 'adminLogin',
			parameters: { resource: 'system', operation: 'reboot' },
			credentials: credentialsFor(emulator, 'adminLogin'),
		});
		expect(jsonOf(result)).toEqual([
			{ rebootInitiated: true, connectionDropped: rebootMode === 'drop', requestedAt: expect.any(String) },
		]);
		expect(emulator.counters.reboots).toBe(1);
		expect(result.hints).toEqual([]);
		// A device that answered first goes down a moment later, taking the session with it.
		await new Promise((resolve) => setTimeout(resolve, 200));
		expectNoSessionLeft(emulator);
	});

	test('a reboot refused with 401 because the session expired is sent again after one new login, and reboots once', async () => {
		await startEmulator({ profile: '7.2', jsonLogin: false, adminTimeoutMs: 300 });
		emulator.faults.add({ path: '/api/v2/monitor/system/os/reboot', kind: 'latency', ms: 400 });
		const [result] = jsonOf(
			await runFortiGate({ authentication: 'adminLogin', parameters: { resource: 'system', operation: 'reboot' }, credentials: credentialsFor(emulator, 'adminLogin') }),
		);
		expect(result.rebootInitiated).toBe(true);
		expect(emulator.counters.requests['POST /api/v2/monitor/system/os/reboot']).toBe(2);
		expect(emulator.counters.reboots).toBe(1);
		expect(emulator.counters.logins).toBe(2);
		expectNoSessionLeft(emulator);
	});

	test('waitForOnline never runs past waitTimeout and says the reboot was initiated', async () => {
		await startEmulator({ profile: '7.2', rebootDowntimeMs: 60_000 });
		const started = Date.now();
		const error = await catchNodeError(
			runFortiGate({
				authentication: 'apiKey',
				parameters: { resource: 'system', operation: 'reboot', options: { waitForOnline: true, waitTimeout: 2, pollInterval: 0.5 } },
				credentials: credentialsFor(emulator, 'apiKey'),
			}),
		);
		expect(Date.now() - started).toBeLessThan(2_000 + 1_000);
		expect(error.message).toBe('The reboot was initiated, but the FortiGate did not come back within 2 s');
		expect(emulator.counters.reboots).toBe(1);
	});
});

describe('admin login dialects and refusals', () => {
	const login = (overrides: Record<string, string>) =>
		runFortiGate({
			authentication: 'adminLogin',
			parameters: { resource: 'system', operation: 'getStatus' },
			credentials: credentialsFor(emulator, 'adminLogin', overrides),
		});

	test.each([
		['7.2', true],
		['7.2', false],
	] as const)('a login disclaimer is accepted automatically (%s, JSON login %s)', async (profile, jsonLogin) => {
		await startEmulator({ profile, jsonLogin, loginDisclaimer: true });
		const [status] = jsonOf(await login({}));
		expect(status.serial).toBe(emulator.profile.serial);
		if (!jsonLogin) expect(emulator.counters.requests['POST /logindisclaimer']).toBe(1);
		expectNoSessionLeft(emulator);
	});

	test.each([
		['6.0', { password: 'wrong-password' }, 'Login answered 0: the FortiGate refused the username or password of "admin"'],
		['6.0', { username: 'mfa-admin', password: 'Mfa-Demo-2026' }, 'Login answered 3: the admin "mfa-admin" needs a two-factor token code'],
		['6.0', { username: 'new-admin', password: 'New-Demo-2026' }, 'Login answered 4: the admin "new-admin" must change the password first'],
		['7.6.4', { password: 'wrong-password' }, 'Login answered -1: the FortiGate refused the username or password of "admin"'],
	] as const)('on %s a refused login reads: %s', async (profile, overrides, message) => {
		await startEmulator({ profile });
		const error = await catchNodeError(login(overrides));
		expect(error.message).toBe(message);
		expectNoSecrets(error.serialized, [ADMIN.password, 'wrong-password', 'Mfa-Demo-2026', 'New-Demo-2026']);
		expect(emulator.openSessions).toBe(0);
	});

	test('three bad passwords lock the admin out (answer 2), and the node never retries a refused login', async () => {
		await startEmulator({ profile: '6.0' });
		for (let attempt = 0; attempt < 3; attempt++) await catchNodeError(login({ password: 'wrong-password' }));
		expect(emulator.counters.requests['POST /logincheck']).toBe(3);
		const error = await catchNodeError(login({}));
		expect(error.message).toBe('Login answered 2: the admin "admin" is locked out after too many failed logins');
		expect(error.description).toContain('60 s');
		expect(emulator.counters.requests['POST /logincheck']).toBe(4);
	});

	test.each(['7.2', '6.0'] as const)('admin-login-max reached on %s gives a clear error and adds no session', async (profile) => {
		await startEmulator({ profile, adminLoginMax: 1 });
		const { cookie } = await legacyLoginCookies(emulator.url, 'auditor', 'Auditor-Demo-2026');
		expect(cookie).toContain('APSCOOKIE');
		const error = await catchNodeError(login({}));
		expect(error.message).toBe('The FortiGate refuses new admin sessions: too many are open (admin-login-max)');
		expect(emulator.openSessions).toBe(1);
	});
});

describe('continueOnFail', () => {
	test.each(['apiKey', 'adminLogin'] as Authentication[])('a failed login with continueOnFail gives one error item per input item (%s)', async (authentication) => {
		await startEmulator({ profile: '7.2' });
		const result = await runFortiGate({
			authentication,
			parameters: { resource: 'system', operation: 'getStatus' },
			credentials: credentialsFor(emulator, authentication, authentication === 'apiKey' ? { apiKey: 'not-the-key-0000000000000000' } : { password: 'wrong-password' }),
			items: items(2),
			continueOnFail: true,
		});
		expect(result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.output.every((item) => typeof item.json.error === 'string')).toBe(true);
	});
});
