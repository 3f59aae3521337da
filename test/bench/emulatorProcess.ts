import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** An emulator running in its own process (see test/emulator/serve.ts). */
export class EmulatorProcess {
	url = '';
	fingerprint = '';
	caCertificate = '';
	/** A FortiManager's managed FortiGates, each an emulator of its own. */
	devices: Array<{ name: string; url: string; fingerprint: string }> = [];
	private child?: ChildProcess;

	constructor(
		private readonly kind: 'fortiGate' | 'ems' | 'fortiManager',
		private readonly options: Record<string, unknown>,
	) {}

	async start(): Promise<void> {
		this.child = fork(join(__dirname, '..', 'emulator', 'serve.ts'), [JSON.stringify({ kind: this.kind, options: this.options })], {
			execArgv: ['-r', 'ts-node/register'],
			env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', TS_NODE_PREFER_TS_EXTS: 'true' },
		});
		const ready = await new Promise<{ url: string; fingerprint: string; caCertificate: string; devices?: EmulatorProcess['devices'] }>((resolve) => this.child!.once('message', resolve as never));
		Object.assign(this, { ...ready, devices: ready.devices ?? [] });
	}

	async counters(): Promise<{ counters: Record<string, unknown>; openSessions: number; rebootTimeline?: { down?: number; up?: number; firstRequestAfter?: number } }> {
		const reply = new Promise((resolve) => this.child!.once('message', resolve));
		this.child!.send('counters');
		return (await reply) as never;
	}

	async stop(): Promise<void> {
		const exited = new Promise((resolve) => this.child!.once('exit', resolve));
		this.child!.send('stop');
		await exited;
	}
}
