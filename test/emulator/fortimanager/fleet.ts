import * as https from 'node:https';
import { DEMO_API_USERS } from '../fortigate/accounts';
import { FortiGateEmulator } from '../fortigate/FortiGateEmulator';
import type { ProfileName } from '../fortigate/profiles';

/** One FortiGate the FortiManager manages: its inventory record and, unless it is down, a running FortiGate emulator. */
export interface ManagedDevice {
	name: string;
	adom: string;
	profile: ProfileName;
	/** Unreachable from the FortiManager (conn_status down); proxied calls get -12. */
	down: boolean;
	haMode: 'standalone' | 'a-p';
	emulator?: FortiGateEmulator;
}

export interface FleetDevice {
	name: string;
	profile?: ProfileName;
	adom?: string;
	down?: boolean;
	haMode?: 'standalone' | 'a-p';
}

/** The default fleet: three branches in `root` (one down), a customer ADOM with one device. */
export const DEFAULT_FLEET: readonly FleetDevice[] = Object.freeze([
	{ name: 'fgt-branch-01', profile: '7.2' },
	{ name: 'fgt-branch-02', profile: '6.4', haMode: 'a-p' },
	{ name: 'fgt-branch-03', profile: '7.6.4', down: true },
	{ name: 'fgt-cust-01', profile: '7.6.3', adom: 'customer-a' },
]);

/**
 * The FortiGates behind the emulated FortiManager. Each reachable one is a
 * real FortiGate emulator on loopback, so that what a proxied call answers
 * is what the FortiGate emulator answers, quirks and counters included.
 */
export class Fleet {
	readonly devices: ManagedDevice[];

	constructor(spec: readonly FleetDevice[]) {
		this.devices = spec.map((device) => ({
			name: device.name,
			adom: device.adom ?? 'root',
			profile: device.profile ?? '7.2',
			down: device.down ?? false,
			haMode: device.haMode ?? 'standalone',
		}));
	}

	async start(): Promise<void> {
		await Promise.all(
			this.devices.map(async (device) => {
				device.emulator = new FortiGateEmulator({ profile: device.profile, rebootDowntimeMs: 300 });
				await device.emulator.start();
			}),
		);
	}

	async stop(): Promise<void> {
		await Promise.all(this.devices.map(async (device) => await device.emulator?.stop()));
	}

	find(adom: string | undefined, name: string): ManagedDevice | undefined {
		return this.devices.find((device) => device.name === name && (adom === undefined || device.adom === adom));
	}

	inAdom(adom: string): ManagedDevice[] {
		return this.devices.filter((device) => device.adom === adom);
	}

	/**
	 * What the FortiManager gets from a device for a proxied FortiOS call: the
	 * device's own reply, parsed when it is JSON (a file comes back as text).
	 */
	async forward(device: ManagedDevice, action: string, resource: string, payload: unknown, timeoutMs: number): Promise<{ status: number; body: unknown }> {
		const emulator = device.emulator!;
		const body = payload === undefined || action === 'get' ? undefined : JSON.stringify(payload);
		return await new Promise((resolve, reject) => {
			const request = https.request(
				`${emulator.url}${resource}`,
				{
					method: action.toUpperCase(),
					rejectUnauthorized: false,
					agent: false,
					timeout: timeoutMs,
					headers: { authorization: `Bearer ${DEMO_API_USERS[0].key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
				},
				(response) => {
					const chunks: Buffer[] = [];
					response.on('data', (chunk: Buffer) => chunks.push(chunk));
					response.on('end', () => {
						const text = Buffer.concat(chunks).toString('utf8');
						let parsed: unknown = text;
						try {
							parsed = JSON.parse(text);
						} catch {
							// a file (backup) or a page: passed on as text
						}
						resolve({ status: response.statusCode ?? 0, body: parsed });
					});
				},
			);
			request.on('timeout', () => request.destroy(new Error('timeout')));
			request.on('error', reject);
			request.end(body);
		});
	}
}
