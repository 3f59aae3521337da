import type { ICredentialDataDecryptedObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { FortiGate } from '../../nodes/FortiGate/FortiGate.node';
import type { FortiGateEmulator } from '../emulator/fortigate/FortiGateEmulator';
import { DEMO_ADMINS, DEMO_API_USERS } from '../emulator/fortigate/accounts';
import { runNode, type RunNodeResult } from './runNode';

export type Authentication = 'apiKey' | 'adminLogin';

export const ADMIN = DEMO_ADMINS[0];
export const AUDITOR = DEMO_ADMINS[1];
export const API_USER = DEMO_API_USERS[0];
export const READONLY_API_USER = DEMO_API_USERS[1];
export const REMOTE_API_USER = DEMO_API_USERS[2];

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
	});
}
