import type { ICredentialDataDecryptedObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { FortiGate } from '../../nodes/FortiGate/FortiGate.node';
import { FortiGateEmulator, type FortiGateEmulatorOptions } from '../emulator/fortigate/FortiGateEmulator';
import type { ProfileName } from '../emulator/fortigate/profiles';
import { expectNoSessionLeft } from './expectations';
import { DEMO_ADMINS, DEMO_API_USERS } from '../emulator/fortigate/accounts';
import { runNode, type RunNodeResult } from './runNode';

export type Authentication = 'apiKey' | 'adminLogin';

export const ADMIN = DEMO_ADMINS[0];
export const AUDITOR = DEMO_ADMINS[1];
export const API_USER = DEMO_API_USERS[0];
export const READONLY_API_USER = DEMO_API_USERS[1];
export const REMOTE_API_USER = DEMO_API_USERS[2];
/** May ban IPs and edit addresses; no System access. */
export const SOC_API_USER = DEMO_API_USERS[3];

/** Credential data pointing at an emulator, pinned to its certificate. */
export function credentialsFor(
	emulator: FortiGateEmulator,
	authentication: Authentication,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	const base = { baseUrl: emulator.url, vdom: '', certificateFingerprint: emulator.fingerprint, allowUnauthorizedCerts: false, caCertificate: '' };
	return authentication === 'apiKey'
		? { ...base, apiKey: API_USER.key, ...overrides }
		: { ...base, username: ADMIN.username, password: ADMIN.password, ...overrides };
}

export interface RunFortiGateOptions {
	authentication: Authentication;
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	typeVersion?: number;
}

export async function runFortiGate(options: RunFortiGateOptions): Promise<RunNodeResult> {
	return await runNode({
		nodeType: new FortiGate(),
		typeName: 'n8n-nodes-fortinet.fortiGate',
		parameters: { authentication: options.authentication, ...options.parameters },
		credentialType: options.authentication === 'apiKey' ? 'fortiGateApiKeyApi' : 'fortiGateAdminLoginApi',
		credentials: options.credentials,
		items: options.items,
		continueOnFail: options.continueOnFail,
		typeVersion: options.typeVersion,
	});
}

export const ALL_PROFILES: ProfileName[] = ['6.0', '6.4', '7.2', '7.6.3', '7.6.4'];
export const AUTHENTICATIONS: Authentication[] = ['apiKey', 'adminLogin'];

export interface EmulatorPerTest {
	readonly emulator: FortiGateEmulator;
	/** Runs the node against this test's emulator with the credential of that authentication. */
	run(authentication: Authentication, parameters: Record<string, unknown>): Promise<RunNodeResult>;
}

/**
 * A fresh emulator for every test of the enclosing describe; after each test
 * it proves that no session was left open, then stops.
 */
export function emulatorPerTest(options: FortiGateEmulatorOptions): EmulatorPerTest {
	let current: FortiGateEmulator | undefined;
	beforeEach(async () => {
		current = new FortiGateEmulator(options);
		await current.start();
	});
	afterEach(async () => {
		try {
			expectNoSessionLeft(current!);
		} finally {
			await current!.stop();
		}
	});
	return {
		get emulator() {
			return current!;
		},
		run: async (authentication, parameters) =>
			await runFortiGate({ authentication, parameters: parameters as never, credentials: credentialsFor(current!, authentication) }),
	};
}
