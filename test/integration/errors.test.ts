import * as net from 'node:net';
import { FortiGateEmulator, type FortiGateEmulatorOptions } from '../emulator/fortigate/FortiGateEmulator';
import { ADMIN, API_USER, AUDITOR, READONLY_API_USER, REMOTE_API_USER, credentialsFor, runFortiGate, type Authentication } from '../harness/fortiGate';
import { catchNodeError, expectNoSecrets, expectNoSessionLeft, type CaughtError } from '../harness/expectations';
import { jsonOf } from '../harness/runNode';

let emulator: FortiGateEmulator;
let caught: CaughtError | undefined;

async function startEmulator(options: FortiGateEmulatorOptions = {}): Promise<FortiGateEmulator> {
	emulator = new FortiGateEmulator({ profile: '7.2', jsonLogin: false, ...options });
	await emulator.start();
	return emulator;
}

afterEach(async () => {
	// Whatever failed, no secret may be in what n8n shows or stores.
	if (caught) {
		expectNoSecrets(`${caught.message} ${caught.description} ${caught.serialized}`, [
			API_USER.key,
			READONLY_API_USER.key,
			REMOTE_API_USER.key,
			ADMIN.password,
			AUDITOR.password,
			'wrong-api-key-000000000000000',
			...(emulator?.issuedSecrets() ?? []),
		]);
	}
	caught = undefined;
	await emulator?.stop();
});

async function fail(
	authentication: Authentication,
	parameters: Record<string, unknown>,
	credentialOverrides: Record<string, unknown> = {},
): Promise<CaughtError> {
	caught = await catchNodeError(
		runFortiGate({ authentication, parameters: parameters as never, credentials: credentialsFor(emulator, authentication, credentialOverrides as never) }),
	);
	return caught;
}

const reboot = { resource: 'system', operation: 'reboot' };
const status = { resource: 'system', operation: 'getStatus' };

describe('refusals from the device', () => {
	test.each([
		['adminLogin', { username: AUDITOR.username, password: AUDITOR.password }, 'admin'],
		['apiKey', { apiKey: READONLY_API_USER.key }, 'REST API admin'],
	] as const)('403 on reboot with %s names the missing System permission', async (authentication, overrides, who) => {
		await startEmulator();
		const error = await fail(authentication, reboot, overrides);
		expect(error.message).toBe(`403 on reboot the FortiGate: the ${who} profile lacks System (sysgrp): Read/Write access`);
		expect(error.description).toContain('System > Admin Profiles');
		expect(error.httpCode).toBe('403');
		expect(emulator.counters.reboots).toBe(0);
		expectNoSessionLeft(emulator);
	});

	test.each([
		['a wrong key', 'wrong-api-key-000000000000000'],
		['a key whose trusted hosts exclude this host', REMOTE_API_USER.key],
	])('401 with %s explains key, trusted hosts and the query-string token', async (_case, apiKey) => {
		await startEmulator({ profile: '7.6.4' });
		const error = await fail('apiKey', status, { apiKey });
		expect(error.message).toBe('401 with API key: the FortiGate refused the key (could not read the system status)');
		expect(error.description).toContain('Trusted Hosts');
		expect(error.description).toContain('access_token');
		expect(error.httpCode).toBe('401');
	});

	test('404 explains that this FortiOS version lacks the endpoint', async () => {
		await startEmulator();
		emulator.faults.add({ path: '/api/v2/monitor/system/dhcp', kind: 'status', status: 404, body: '<html><body>Not Found</body></html>' });
		const error = await fail('apiKey', { resource: 'dhcpLease', operation: 'getMany' });
		expect(error.message).toBe('404: this FortiOS version has no GET /api/v2/monitor/system/dhcp');
		expect(error.description).toContain('compatibility table');
	});

	test('an unknown VDOM is named', async () => {
		await startEmulator();
		const error = await fail('adminLogin', { resource: 'firewallPolicy', operation: 'getStatistics', options: { vdom: 'branch-42' } });
		expect(error.message).toBe('404: this FortiOS version has no GET /api/v2/monitor/firewall/policy, or VDOM "branch-42" does not exist');
		expectNoSessionLeft(emulator);
	});

	test('a FortiOS error envelope carries its error code', async () => {
		await startEmulator();
		emulator.faults.add({
			path: '/api/v2/monitor/system/dhcp',
			kind: 'status',
			status: 200,
			contentType: 'application/json',
			body: JSON.stringify({ http_method: 'GET', status: 'error', http_status: 500, error: -61, vdom: 'root' }),
		});
		const error = await fail('apiKey', { resource: 'dhcpLease', operation: 'getMany' });
		expect(error.message).toBe('The FortiGate could not list the DHCP leases in VDOM "root" (FortiOS error -61)');
		expect(error.description).toContain('-61');
	});
});

describe('replies that are not the FortiOS API', () => {
	test.each([
		['an HTML page', { status: 200, body: '<html><body>SSL-VPN portal</body></html>' }, 'The FortiGate answered GET /api/v2/monitor/system/status with an HTML page'],
		['an empty reply', { status: 200, body: '' }, 'The FortiGate sent an empty reply to GET /api/v2/monitor/system/status'],
		['a truncated JSON body', { status: 200, body: '{"http_method":"GET","results":{"hostname":' }, 'The FortiGate answered GET /api/v2/monitor/system/status with something that is not JSON'],
		['a wrong envelope', { status: 200, body: '{"hello":"world"}' }, 'The FortiGate\'s reply to GET /api/v2/monitor/system/status is not a FortiOS API envelope'],
	])('%s', async (_case, reply, message) => {
		await startEmulator();
		emulator.faults.add({ path: '/api/v2/monitor/system/status', kind: 'status', contentType: 'application/json', ...reply });
		const error = await fail('apiKey', status);
		expect(error.message).toBe(message);
	});

	test('a connection cut in the middle of the body is a clean error after one retry', async () => {
		await startEmulator();
		emulator.faults.add({ path: '/api/v2/monitor/system/status', kind: 'truncate', times: 2 });
		const error = await fail('apiKey', status);
		expect(error.message).toBe('The FortiGate closed the connection during GET /api/v2/monitor/system/status without answering');
		expect(emulator.counters.requests['GET /api/v2/monitor/system/status']).toBe(2);
	});

	test('a GET whose connection is reset once is retried once and succeeds', async () => {
		await startEmulator();
		emulator.faults.add({ path: '/api/v2/monitor/system/status', kind: 'reset' });
		const [result] = jsonOf(await runFortiGate({ authentication: 'apiKey', parameters: status, credentials: credentialsFor(emulator, 'apiKey') }));
		expect(result.serial).toBe(emulator.profile.serial);
	});

	test('a reboot is never retried, even when its connection is reset', async () => {
		await startEmulator();
		emulator.faults.add({ path: '/api/v2/monitor/system/os/reboot', kind: 'reset' });
		const [result] = jsonOf(await runFortiGate({ authentication: 'apiKey', parameters: reboot, credentials: credentialsFor(emulator, 'apiKey') }));
		expect(result).toMatchObject({ rebootInitiated: true, connectionDropped: true });
		expect(emulator.counters.requests['POST /api/v2/monitor/system/os/reboot']).toBe(1);
	});

	test('a device slower than the timeout option', async () => {
		await startEmulator();
		emulator.faults.add({ path: '/api/v2/monitor/system/status', kind: 'latency', ms: 2500, times: 2 });
		const error = await fail('apiKey', { ...status, options: { timeout: 1 } });
		expect(error.message).toBe('The FortiGate did not answer GET /api/v2/monitor/system/status within 1 s');
		expect(error.description).toContain('trusted hosts');
	});
});

describe('certificates', () => {
	const noPin = { certificateFingerprint: '' };

	test('a self-signed certificate without opt-in names both fixes and the fingerprint', async () => {
		await startEmulator();
		const error = await fail('apiKey', status, noPin);
		expect(error.message).toBe('The device presented a self-signed certificate');
		expect(error.description).toContain('Certificate Fingerprint');
		expect(error.description).toContain('Allow Self-Signed Certificates');
		expect(error.description).toContain(emulator.fingerprint);
	});

	test('a wrong pin is refused even with Allow Self-Signed Certificates', async () => {
		await startEmulator();
		const wrong = 'AA'.repeat(32);
		const error = await fail('apiKey', status, { certificateFingerprint: wrong, allowUnauthorizedCerts: true });
		expect(error.message).toBe('The device\'s certificate does not match the Certificate Fingerprint in the credential');
		expect(error.description).toContain(emulator.fingerprint);
	});

	test.each([
		['a pin without colons, lower case', (e: FortiGateEmulator) => ({ certificateFingerprint: e.fingerprint.replace(/:/g, '').toLowerCase() })],
		['Allow Self-Signed Certificates', () => ({ certificateFingerprint: '', allowUnauthorizedCerts: true })],
	])('%s is accepted', async (_case, overrides) => {
		await startEmulator();
		const [result] = jsonOf(await runFortiGate({ authentication: 'apiKey', parameters: status, credentials: credentialsFor(emulator, 'apiKey', overrides(emulator)) }));
		expect(result.serial).toBe(emulator.profile.serial);
	});

	test('a certificate from a private CA is accepted with that CA, and refused without', async () => {
		await startEmulator({ certificate: 'caSigned' });
		const error = await fail('apiKey', status, noPin);
		expect(error.message).toBe('The device\'s certificate is signed by a CA that this n8n host does not trust');
		const [result] = jsonOf(
			await runFortiGate({ authentication: 'apiKey', parameters: status, credentials: credentialsFor(emulator, 'apiKey', { ...noPin, caCertificate: emulator.caCertificate }) }),
		);
		expect(result.serial).toBe(emulator.profile.serial);
	});

	test('an expired certificate', async () => {
		await startEmulator({ certificate: 'expired' });
		const error = await fail('apiKey', status, { ...noPin, caCertificate: emulator.caCertificate });
		expect(error.message).toBe('The device\'s certificate has expired');
	});

	test('a host-name mismatch when no pin is set', async () => {
		await startEmulator({ certificate: 'wrongHost' });
		const error = await fail('apiKey', status, { ...noPin, caCertificate: emulator.caCertificate });
		expect(error.message).toBe('The device\'s certificate is not issued for "127.0.0.1"');
	});
});

describe('credentials that cannot work', () => {
	test.each([
		[{ baseUrl: 'http://192.0.2.1' }, 'The Base URL uses http://, but the FortiGate API is only served over HTTPS'],
		[{ baseUrl: 'https://192.0.2.1/api/v2?access_token=secret-token-value' }, 'The Base URL must not contain a path or query ("/api/v2?…")'],
		[{ baseUrl: '' }, 'The FortiGate credential has no Base URL'],
		[{ baseUrl: 'fortigate.local' }, 'The Base URL "fortigate.local" is not a valid URL'],
		[{ apiKey: '' }, 'The FortiGate API Key credential has no API key'],
		[{ certificateFingerprint: '12:34' }, 'The Certificate Fingerprint is not a SHA-256 fingerprint'],
	])('%j', async (overrides, message) => {
		await startEmulator();
		const error = await fail('apiKey', status, overrides);
		expect(error.message).toBe(message);
		expectNoSecrets(error.serialized, ['secret-token-value']);
	});

	test('an empty password', async () => {
		await startEmulator();
		const error = await fail('adminLogin', status, { password: '' });
		expect(error.message).toBe('The FortiGate Admin Login credential needs a username and a password');
		expect(emulator.counters.requests).toEqual({});
	});

	test('a port where nothing listens', async () => {
		await startEmulator();
		const port = await new Promise<number>((resolve) => {
			const server = net.createServer();
			server.listen(0, '127.0.0.1', () => {
				const { port: free } = server.address() as net.AddressInfo;
				server.close(() => resolve(free));
			});
		});
		const error = await fail('apiKey', status, { baseUrl: `https://127.0.0.1:${port}` });
		expect(error.message).toBe(`Connection refused by 127.0.0.1:${port}`);
		expect(error.description).toContain('admin-sport');
	});

	test('a host name that does not resolve', async () => {
		await startEmulator();
		const error = await fail('apiKey', status, { baseUrl: 'https://fortigate.invalid' });
		expect(error.message).toBe('The host name in the Base URL (fortigate.invalid) does not resolve');
	});

	test('parameters: a policy list like "1,,x" and a negative limit', async () => {
		await startEmulator();
		let error = await fail('apiKey', { resource: 'firewallPolicy', operation: 'getStatistics', policyIds: '1,,x' });
		expect(error.message).toBe('Policy IDs must be whole numbers separated by commas: entry 2 is empty');
		error = await fail('apiKey', { resource: 'dhcpLease', operation: 'getMany', limit: -5 });
		expect(error.message).toBe('Limit must be a whole number of at least 1, not -5');
	});
});
