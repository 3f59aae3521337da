import { FortiGateEmulator } from '../emulator/fortigate/FortiGateEmulator';
import { ConnectProxy, type ProxyBehaviour } from '../harness/connectProxy';
import { catchNodeError, expectNoSessionLeft } from '../harness/expectations';
import { credentialsFor, runFortiGate, type Authentication } from '../harness/fortiGate';
import { jsonOf } from '../harness/runNode';

/**
 * A reboot or shutdown is reported as initiated only when its bytes were
 * written to the device's TLS connection (fortios-rest-api.md section 6: a
 * failure AFTER the request was fully sent means "initiated"). Nothing sent
 * is an error that says so; and a device that boots answers anything until
 * it is back, which the wait tolerates.
 */
let emulator: FortiGateEmulator;

afterEach(async () => {
	await emulator?.stop();
});

async function startEmulator(options: ConstructorParameters<typeof FortiGateEmulator>[0] = {}): Promise<void> {
	emulator = new FortiGateEmulator({ profile: '7.2', rebootDowntimeMs: 400, ...options });
	await emulator.start();
}

const power = (authentication: Authentication, operation: 'reboot' | 'shutdown', options: Record<string, unknown> = {}) =>
	runFortiGate({ authentication, parameters: { resource: 'system', operation, options: { timeout: 2, ...options } } as never, credentials: credentialsFor(emulator, authentication) });

describe('through a proxy that does not open the tunnel', () => {
	const proxy = new ConnectProxy();
	const saved = { ...process.env };
	beforeAll(async () => {
		process.env.HTTPS_PROXY = await proxy.start();
		delete process.env.NO_PROXY;
	});
	afterAll(async () => {
		process.env = { ...saved };
		await proxy.stop();
	});

	test.each<[ProxyBehaviour, Authentication, 'reboot' | 'shutdown', string]>([
		['refuse', 'apiKey', 'reboot', 'The reboot was NOT sent: the proxy 127.0.0.1:PORT refused to connect to 127.0.0.1:DEVICE (HTTP 403)'],
		['refuse', 'adminLogin', 'shutdown', 'The shutdown was NOT sent: the proxy 127.0.0.1:PORT refused to connect to 127.0.0.1:DEVICE (HTTP 403)'],
		['stall', 'adminLogin', 'reboot', 'The reboot was NOT sent: the proxy 127.0.0.1:PORT did not open a tunnel to 127.0.0.1:DEVICE within 2 s'],
	])('a proxy that %ss CONNECT (%s, %s): an error saying so, never "initiated", the session still logged out', async (behaviour, authentication, operation, expected) => {
		await startEmulator();
		proxy.behaviour = 'tunnel';
		// The login's tunnel opens; the power action's own connection meets the proxy's refusal or silence.
		emulator.faults.add({ kind: 'call', path: '/api/v2/authentication', method: 'POST', run: () => (proxy.behaviour = behaviour) });
		if (authentication === 'apiKey') proxy.behaviour = behaviour;
		const error = await catchNodeError(power(authentication, operation));
		const proxyPort = new URL(process.env.HTTPS_PROXY!).port;
		expect(error.message).toBe(expected.replace('PORT', proxyPort).replace('DEVICE', String(emulator.port)));
		expect(error.description).toContain(`Nothing reached the FortiGate, so it was not ${operation === 'reboot' ? 'rebooted' : 'shut down'}`);
		expect(emulator.counters.reboots + emulator.counters.shutdowns).toBe(0);
		expect(emulator.counters.requests[`POST /api/v2/monitor/system/os/${operation}`]).toBeUndefined();
		expectNoSessionLeft(emulator);
	});
});

test.each<Authentication>(['apiKey', 'adminLogin'])('a TLS reset during the power action\'s handshake (%s): NOT sent, and not retried', async (authentication) => {
	await startEmulator();
	// Logins and reads use the pooled connection; the reboot opens its own and meets the reset.
	emulator.faults.add({ kind: 'call', path: '/api/v2/monitor/web-ui/state', run: () => (emulator.handshakeResets = 1) });
	const error = await catchNodeError(power(authentication, 'reboot', { waitForOnline: true, waitTimeout: 5, pollInterval: 0.2 }));
	expect(error.message).toMatch(/^The reboot was NOT sent: the FortiGate closed the connection during POST \/api\/v2\/monitor\/system\/os\/reboot without answering$/);
	expect(emulator.counters.reboots).toBe(0);
	expect(emulator.handshakeResets).toBe(0);
	expectNoSessionLeft(emulator);
});

describe('waiting for the device to come back', () => {
	test.each<Authentication>(['apiKey', 'adminLogin'])('5xx, HTML pages and 401 while it boots are waited out (%s); one new login after the reboot', async (authentication) => {
		await startEmulator({ profile: '7.6.3' });
		const booting = () => {
			// What a booting FortiGate answers before its REST API is ready, in the order users report it.
			for (const fault of [
				{ kind: 'status' as const, status: 503, body: 'Service Unavailable', contentType: 'text/plain' },
				{ kind: 'status' as const, status: 200, body: '<html><body>System is starting...</body></html>' },
				{ kind: 'status' as const, status: 401, body: '{"http_status":401,"status":"error"}', contentType: 'application/json' },
				{ kind: 'status' as const, status: 500, body: '{"http_status":500,"status":"error"}', contentType: 'application/json' },
			]) {
				emulator.faults.add({ ...fault, path: /^\/(api\/v2\/(monitor|authentication)|logincheck)/ });
			}
		};
		emulator.faults.add({ kind: 'call', path: '/api/v2/monitor/system/os/reboot', run: booting });
		const [result] = jsonOf(await power(authentication, 'reboot', { waitForOnline: true, waitTimeout: 20, pollInterval: 0.2 }));
		expect(result).toMatchObject({ rebootInitiated: true, backOnline: true, rebootConfirmed: true });
		expect(emulator.faults.fired.status).toBe(4);
		expect(emulator.counters.reboots).toBe(1);
		if (authentication === 'adminLogin') {
			// The reboot ended the first session; exactly one new one was opened and logged out.
			expect(emulator.counters.sessionsDroppedByReboot).toBe(1);
			expect(emulator.counters.logins).toBe(2);
			expect(emulator.counters.logouts).toBe(1);
		}
		expectNoSessionLeft(emulator);
	});
});
