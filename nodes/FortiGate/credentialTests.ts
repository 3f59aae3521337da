import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { testCredential } from '../shared/credentialTest';
import { readStatus } from './actions/system/getStatus.operation';
import { readConnection, type FortiGateAuthentication } from './transport/connection';
import { FortiGateSession } from './transport/FortiGateSession';

/** The Test button: a real login (or the bearer key), the status call, and a logout. */
async function testFortiGate(authentication: FortiGateAuthentication, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	return await testCredential(
		async (redactor) => await FortiGateSession.open(readConnection(authentication, credential.data ?? {}), { timeoutMs: 15_000, redactor }),
		async (session) => {
			const status = await readStatus(session);
			return `Connected to ${status.hostname ?? status.serial ?? 'the FortiGate'} (FortiOS ${status.version ?? 'unknown'})`;
		},
	);
}

export async function fortiGateApiKeyTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	return await testFortiGate('apiKey', credential);
}

export async function fortiGateAdminLoginTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	return await testFortiGate('adminLogin', credential);
}
