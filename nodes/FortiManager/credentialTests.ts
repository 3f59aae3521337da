import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { testCredential } from '../shared/credentialTest';
import { readFortiManagerStatus } from './actions/system/getStatus.operation';
import { readFortiManagerConnection } from './transport/connection';
import { FortiManagerSession } from './transport/FortiManagerSession';

/** The Test button: a login (or the key), the status (with its fallback for admins without system rights), a logout. */
export async function fortiManagerApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	return await testCredential(
		async (redactor) => await FortiManagerSession.open(readFortiManagerConnection(credential.data ?? {}), { timeoutMs: 15_000, redactor }),
		async (session) => {
			const status = await readFortiManagerStatus(session);
			return `Connected to ${String(status.hostname ?? status.serial ?? 'FortiManager')} (${String(status.version ?? 'version unknown')})`;
		},
	);
}
