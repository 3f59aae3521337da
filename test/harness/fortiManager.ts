import type { ICredentialDataDecryptedObject, INodeExecutionData } from 'n8n-workflow';
import { FortiGate } from '../../nodes/FortiGate/FortiGate.node';
import { FortiManager } from '../../nodes/FortiManager/FortiManager.node';
import { FMG_ADMINS, FMG_API_KEYS } from '../emulator/fortimanager/accounts';
import { FortiManagerEmulator, type FortiManagerEmulatorOptions } from '../emulator/fortimanager/FortiManagerEmulator';
import { runNode, type RunNodeResult } from './runNode';

export type FortiManagerAuth = 'apiKey' | 'login';
export const FMG_AUTHS: FortiManagerAuth[] = ['apiKey', 'login'];

/** Credential data for the FortiManager emulator, pinned to its certificate. */
export function fmgCredentialsFor(emulator: FortiManagerEmulator, authType: FortiManagerAuth, overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	const base = { baseUrl: emulator.url, authType, adom: 'root', certificateFingerprint: emulator.fingerprint, allowUnauthorizedCerts: false, caCertificate: '' };
	return authType === 'apiKey' ? { ...base, apiKey: FMG_API_KEYS[0].key, ...overrides } : { ...base, username: FMG_ADMINS[0].user, password: FMG_ADMINS[0].passwd, ...overrides };
}

export async function runFortiManager(options: { parameters: Record<string, unknown>; credentials: ICredentialDataDecryptedObject; items?: INodeExecutionData[]; continueOnFail?: boolean }): Promise<RunNodeResult> {
	return await runNode({
		nodeType: new FortiManager(),
		typeName: 'n8n-nodes-fortinet.fortiManager',
		parameters: options.parameters as never,
		credentialType: 'fortiManagerApi',
		credentials: options.credentials,
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

/** The FortiGate node with `fortiManager` authentication: its operations on the devices `targets` names. */
export async function runFortiGateThroughFortiManager(options: { parameters: Record<string, unknown>; credentials: ICredentialDataDecryptedObject; items?: INodeExecutionData[]; continueOnFail?: boolean }): Promise<RunNodeResult> {
	return await runNode({
		nodeType: new FortiGate(),
		typeName: 'n8n-nodes-fortinet.fortiGate',
		parameters: { authentication: 'fortiManager', ...options.parameters } as never,
		credentialType: 'fortiManagerApi',
		credentials: options.credentials,
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

/** Every login was followed by a logout or ended by FortiManager, no lock is left, and no session stays open. */
export function expectFortiManagerClean(emulator: FortiManagerEmulator): void {
	expect(emulator.openSessions).toBe(0);
	expect(emulator.locksHeld).toBe(0);
	expect(emulator.counters.logouts + emulator.counters.sessionsExpired).toBe(emulator.counters.logins);
}

/** A fresh FortiManager (and fleet) for every test of the enclosing describe, proven clean after each. */
export function fortiManagerPerTest(options: FortiManagerEmulatorOptions = {}): { readonly emulator: FortiManagerEmulator } {
	let current: FortiManagerEmulator | undefined;
	beforeEach(async () => {
		current = new FortiManagerEmulator(options);
		await current.start();
	});
	afterEach(async () => {
		try {
			expectFortiManagerClean(current!);
		} finally {
			await current!.stop();
		}
	});
	return {
		get emulator() {
			return current!;
		},
	};
}
