import type { ICredentialTestFunctions } from 'n8n-workflow';
import { FortiGate } from '../../nodes/FortiGate/FortiGate.node';
import { FortiGateEmulator } from '../emulator/fortigate/FortiGateEmulator';
import { API_USER, credentialsFor, runFortiGate, type Authentication } from '../harness/fortiGate';
import { ConnectProxy } from '../harness/connectProxy';
import { catchNodeError, expectNoSessionLeft } from '../harness/expectations';
import { jsonOf } from '../harness/runNode';

let emulator: FortiGateEmulator;

beforeEach(async () => {
	emulator = new FortiGateEmulator({ profile: '7.2', jsonLogin: false });
	await emulator.start();
});
afterEach(async () => {
	await emulator.stop();
});

describe('HTTPS_PROXY / NO_PROXY', () => {
	let proxy: ConnectProxy;
	const saved = { ...process.env };

	beforeEach(async () => {
		proxy = new ConnectProxy();
		process.env.HTTPS_PROXY = await proxy.start();
		delete process.env.NO_PROXY;
	});
	afterEach(async () => {
		process.env = { ...saved };
		await proxy.stop();
	});

	test('requests go through the proxy, and the certificate pin still applies', async () => {
		const [result] = jsonOf(await runFortiGate({ authentication: 'adminLogin', parameters: { resource: 'system', operation: 'getStatus' }, credentials: credentialsFor(emulator, 'adminLogin') }));
		expect(result.serial).toBe(emulator.profile.serial);
		expect(proxy.connects.length).toBeGreaterThan(0);
		expect(proxy.connects.every(({ target }) => target === `127.0.0.1:${emulator.port}`)).toBe(true);
		expectNoSessionLeft(emulator);

		const error = await catchNodeError(
			runFortiGate({ authentication: 'apiKey', parameters: { resource: 'system', operation: 'getStatus' }, credentials: credentialsFor(emulator, 'apiKey', { certificateFingerprint: 'CD'.repeat(32) }) }),
		);
		expect(error.message).toBe('The device\'s certificate does not match the Certificate Fingerprint in the credential');
	});

	test('NO_PROXY sends the device directly', async () => {
		process.env.NO_PROXY = 'localhost,127.0.0.1';
		await runFortiGate({ authentication: 'apiKey', parameters: { resource: 'system', operation: 'getStatus' }, credentials: credentialsFor(emulator, 'apiKey') });
		expect(proxy.connects).toEqual([]);
	});
});

describe('credential Test buttons', () => {
	const node = new FortiGate();
	const test_ = (authentication: Authentication, data: Record<string, unknown>) => {
		const method = authentication === 'apiKey' ? node.methods.credentialTest.fortiGateApiKeyTest : node.methods.credentialTest.fortiGateAdminLoginTest;
		return method.call({} as ICredentialTestFunctions, { id: '1', name: 'FortiGate', type: 'x', data: data as never });
	};

	test.each(['apiKey', 'adminLogin'] as Authentication[])('%s: a working credential names the device', async (authentication) => {
		const result = await test_(authentication, credentialsFor(emulator, authentication));
		expect(result).toEqual({ status: 'OK', message: 'Connected to FGT-EMU-72 (FortiOS v7.2.8)' });
		expectNoSessionLeft(emulator);
		if (authentication === 'adminLogin') expect(emulator.counters.logins).toBe(1);
	});

	test('a refused key explains itself without showing the key', async () => {
		const result = await test_('apiKey', credentialsFor(emulator, 'apiKey', { apiKey: `${API_USER.key.slice(0, 20)}0000000000` }));
		expect(result.status).toBe('Error');
		expect(result.message).toContain('401 with API key');
		expect(result.message).not.toContain(API_USER.key.slice(0, 20));
	});
});
