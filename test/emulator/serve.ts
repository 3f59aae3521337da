import { EmsEmulator, type EmsEmulatorOptions } from './ems/EmsEmulator';
import { FortiGateEmulator, type FortiGateEmulatorOptions } from './fortigate/FortiGateEmulator';

/**
 * An emulator in a process of its own, for measurements where the emulator
 * must not share the measured process's CPU and memory. Started with fork();
 * argv[2] is JSON {"kind": "fortiGate" | "ems", "options": {...}}. It sends
 * {url, fingerprint, caCertificate} when listening and answers "counters"
 * messages with its counters.
 */
async function main(): Promise<void> {
	const { kind, options } = JSON.parse(process.argv[2]) as { kind: 'fortiGate' | 'ems'; options: FortiGateEmulatorOptions & EmsEmulatorOptions };
	const emulator = kind === 'ems' ? new EmsEmulator(options) : new FortiGateEmulator(options);
	await emulator.start();
	process.on('message', (message) => {
		if (message === 'counters') {
			const rebootTimeline = emulator instanceof FortiGateEmulator ? emulator.rebootTimeline : undefined;
			process.send!({ counters: emulator.counters, openSessions: emulator.openSessions, rebootTimeline });
		}
		if (message === 'stop') void emulator.stop().then(() => process.exit(0));
	});
	process.send!({ url: emulator.url, fingerprint: emulator.fingerprint, caCertificate: emulator.caCertificate });
}

void main();
