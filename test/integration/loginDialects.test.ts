import { EmsEmulator } from '../emulator/ems/EmsEmulator';
import { FortiGateEmulator, type FortiGateEmulatorOptions } from '../emulator/fortigate/FortiGateEmulator';
import { catchNodeError, expectNoSecrets, expectNoSessionLeft } from '../harness/expectations';
import { emsCredentialsFor, runEms } from '../harness/fortiClientEms';
import { credentialsFor, runFortiGate } from '../harness/fortiGate';
import { rawRequest } from '../harness/rawRequest';
import { jsonOf } from '../harness/runNode';

/**
 * Admin login on the FortiGates people run (fortios-rest-api.md sections 1
 * and 2): firmware without the JSON endpoint, both session forms of the JSON
 * login, the 7.6.3+ /logincheck that issues no session, and every login
 * that fails half-way, which must leave no session open.
 */
let emulator: FortiGateEmulator;

async function startEmulator(options: FortiGateEmulatorOptions): Promise<FortiGateEmulator> {
	emulator = new FortiGateEmulator(options);
	await emulator.start();
	return emulator;
}

afterEach(async () => {
	await emulator?.stop();
});

const run = (parameters: Record<string, unknown>) =>
	runFortiGate({ authentication: 'adminLogin', parameters: parameters as never, credentials: credentialsFor(emulator, 'adminLogin') });

describe('firmware without the JSON login answers a JSON 404 envelope, and /logincheck is used', () => {
	test.each([
		['6.0', {}],
		['6.4', { jsonLogin: false }],
		['7.2', { jsonLogin: false }],
	] as const)('%s %j: status read, a write made, one login, one logout', async (profile, options) => {
		await startEmulator({ profile, ...options });
		const probe = await rawRequest(`${emulator.url}/api/v2/authentication`, { method: 'POST', body: '{}' });
		expect(probe.status).toBe(404);
		expect(JSON.parse(probe.body)).toMatchObject({ http_method: 'POST', status: 'error', http_status: 404 });

		const [status] = jsonOf(await run({ resource: 'system', operation: 'getStatus' }));
		expect(status.serial).toBe(emulator.profile.serial);
		const [ban] = jsonOf(await run({ resource: 'bannedIp', operation: 'add', ipAddresses: '203.0.113.9', expiry: 0 }));
		expect(ban).toMatchObject({ ip_address: '203.0.113.9', banned: true });
		expect(emulator.counters.requests['POST /logincheck']).toBe(2);
		expect(emulator.counters.csrfRejections).toBe(0);
		expect(emulator.counters.logins).toBe(2);
		expectNoSessionLeft(emulator);
	});
});

describe('the JSON login: both session forms, any answer wording', () => {
	test.each([
		['7.6.3', 'cookie', 'statusCode'],
		['7.6.3', 'cookie', 'status'],
		['7.6.3', 'cookie', 'words'],
		['7.6.4', 'body', 'statusCode'],
		['7.6.4', 'body', 'status'],
		['7.6.4', 'cookie', 'words'],
		['6.4', 'cookie', 'statusCode'],
		['7.2', 'body', 'words'],
	] as const)('%s, session in the %s form, answer in %s: reads and writes work, logged out with DELETE', async (profile, jsonSessionForm, jsonLoginAnswer) => {
		await startEmulator({ profile, jsonSessionForm, jsonLoginAnswer });
		const [status] = jsonOf(await run({ resource: 'system', operation: 'getStatus' }));
		expect(status.serial).toBe(emulator.profile.serial);
		// A write: the cookie form needs the ccsrf_token value as X-CSRFTOKEN.
		const [ban] = jsonOf(await run({ resource: 'bannedIp', operation: 'add', ipAddresses: '198.51.100.4', expiry: 0 }));
		expect(ban).toMatchObject({ ip_address: '198.51.100.4', banned: true });
		expect(emulator.counters.csrfRejections).toBe(0);
		expect(emulator.counters.requests['POST /logincheck']).toBeUndefined();
		expect(emulator.counters.requests['DELETE /api/v2/authentication']).toBe(2);
		expectNoSessionLeft(emulator);
	});

	test('7.6.3 without a reachable JSON login: /logincheck says "1" but issues no session, and the error says why', async () => {
		await startEmulator({ profile: '7.6.3', jsonLogin: false });
		const error = await catchNodeError(run({ resource: 'system', operation: 'getStatus' }));
		expect(error.message).toBe('The FortiGate accepted the password of "admin" on /logincheck but issued no session cookie');
		expect(error.description).toContain('FortiOS 7.6.3 and later log admins in only through /api/v2/authentication, which answered HTTP 404 here');
		expect(emulator.counters.requests['GET /api/v2/monitor/system/status']).toBeUndefined();
		expectNoSessionLeft(emulator);
	});

	test('a wrong password on the JSON login is not tried again on /logincheck (no second lockout count)', async () => {
		await startEmulator({ profile: '7.6.3' });
		const error = await catchNodeError(
			runFortiGate({ authentication: 'adminLogin', parameters: { resource: 'system', operation: 'getStatus' }, credentials: credentialsFor(emulator, 'adminLogin', { password: 'wrong' }) }),
		);
		expect(error.message).toBe('Login answered -1: the FortiGate refused the username or password of "admin"');
		expect(emulator.counters.loginFailures).toBe(1);
		expect(emulator.counters.requests['POST /logincheck']).toBeUndefined();
	});
});

describe('a login that fails half-way leaves no session open', () => {
	test('the disclaimer refused after /logincheck answered 1: the half-open session is logged out', async () => {
		await startEmulator({ profile: '6.0', loginDisclaimer: true, refuseDisclaimer: true });
		const error = await catchNodeError(run({ resource: 'system', operation: 'getStatus' }));
		expect(error.message).toBe('The FortiGate did not accept the login disclaimer (HTTP 403)');
		expect(emulator.counters.logins).toBe(1);
		expect(emulator.counters.requests['POST /logout']).toBe(1);
		expectNoSessionLeft(emulator);
	});

	test('a JSON success with a session cookie but no CSRF cookie: refused, and that session is logged out', async () => {
		await startEmulator({ profile: '7.6.3', jsonSessionForm: 'incomplete' });
		const error = await catchNodeError(run({ resource: 'system', operation: 'getStatus' }));
		expect(error.message).toBe('The FortiGate answered the login of "admin" with success but gave no session (no session key, no session and CSRF cookies)');
		expect(emulator.counters.logins).toBe(1);
		expect(emulator.counters.requests['DELETE /api/v2/authentication']).toBe(1);
		expect(emulator.counters.requests['GET /api/v2/monitor/system/status']).toBeUndefined();
		expectNoSessionLeft(emulator);
		expectNoSecrets(error.serialized, emulator.issuedSecrets());
	});

	test('a JSON success with no session at all is a failed login, and nothing is left to close', async () => {
		await startEmulator({ profile: '7.6.4', jsonSessionForm: 'none' });
		const error = await catchNodeError(run({ resource: 'system', operation: 'getStatus' }));
		expect(error.message).toContain('with success but gave no session');
		expect(emulator.counters.logins).toBe(0);
		expect(emulator.openSessions).toBe(0);
	});

	test('an EMS signin answered 200 without sessionid is refused, and the session it opened is signed out', async () => {
		const ems = new EmsEmulator({ mode: 'onPrem', sessionCookieName: 'ems_session' });
		await ems.start();
		try {
			const error = await catchNodeError(
				runEms({ authentication: 'onPremLogin', parameters: { resource: 'endpoint', operation: 'getMany', returnAll: true }, credentials: emsCredentialsFor(ems, 'onPremLogin') }),
			);
			expect(error.message).toContain('EMS');
			expect(ems.counters.logins).toBe(1);
			expect(ems.counters.logouts).toBe(1);
			expect(ems.openSessions).toBe(0);
		} finally {
			await ems.stop();
		}
	});
});
