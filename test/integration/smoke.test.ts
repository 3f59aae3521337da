import { FortiGateEmulator } from '../emulator/fortigate/FortiGateEmulator';
import { credentialsFor, runFortiGate } from '../harness/fortiGate';

test('smoke', async () => {
	const emulator = new FortiGateEmulator({ profile: '7.2' });
	await emulator.start();
	try {
		for (const authentication of ['apiKey', 'adminLogin'] as const) {
			const result = await runFortiGate({ authentication, parameters: { resource: 'system', operation: 'getStatus' }, credentials: credentialsFor(emulator, authentication) });
			console.log(JSON.stringify(result.output), emulator.counters);
		}
	} finally {
		await emulator.stop();
	}
});
