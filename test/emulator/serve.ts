import { EmsEmulator, type EmsEmulatorOptions } from './ems/EmsEmulator';
import { FortiGateEmulator, type FortiGateEmulatorOptions } from './fortigate/FortiGateEmulator';
import { FortiManagerEmulator, type FortiManagerEmulatorOptions } from './fortimanager/FortiManagerEmulator';

/**
 * An emulator in a process of its own, for measurements where the emulator
 * must not share the measured process's CPU and memory. Started with fork();
 * argv[2] is JSON {"kind": "fortiGate" | "ems" | "fortiManager", "options": {...}}.
 * It sends {url, fingerprint, caCertificate} (and a FortiManager's devices)
 * when listening and answers "counters" messages with its counters.
 */
async function main(): Promise<void> {
	const { kind, options } = JSON.parse(process.argv[2]) as { kind: 'fortiGate' | 'ems' | 'fortiManager'; options: FortiGateEmulatorOptions & EmsEmulatorOptions & FortiManagerEmulatorOptions };
	const emulator = kind === 'ems' ? new EmsEmulator(options) : kind === 'fortiManager' ? new FortiManagerEmulator(options) : new FortiGateEmulator(options);
	await emulator.start();
	process.on('message', (message) => {
		if (message === 'counters') {
			const rebootTimeline = emulator instanceof FortiGateEmulator ? emulator.rebootTimeline : undefined;
			process.send!({ counters: emulator.counters, openSessions: emulator.openSessions, rebootTimeline });
		}
		if (message === 'stop') void emulator.stop().then(() => process.exit(0));
	});
	const devices = emulator instanceof FortiManagerEmulator ? emulator.fleet.devices.map((device) => ({ name: device.name, url: device.emulator!.url, fingerprint: device.emulator!.fingerprint })) : undefined;
	process.send!({ url: emulator.url, fingerprint: emulator.fingerprint, caCertificate: emulator.caCertificate, devices });
}

void main();
