import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { FortinetError } from '../shared/errors';
import { Redactor } from '../shared/redactor';
import { readStatus } from './actions/system/getStatus.operation';
import { readConnection, type FortiGateAuthentication } from './transport/connection';
import { FortiGateSession } from './transport/FortiGateSession';

/**
 * The credentials' Test button: a real login (or the bearer key), the status
 * call, and a logout, through the same transport as an execution, so the TLS
 * settings (pin, CA) are honoured exactly as they will be in a workflow.
 */
async function testConnection(
	authentication: FortiGateAuthentication,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const redactor = new Redactor();
	const data = credential.data ?? {};
	redactor.add(data.apiKey as string, data.password as string);
	let session: FortiGateSession | undefined;
	try {
		session = await FortiGateSession.open(readConnection(authentication, data), { timeoutMs: 15_000, redactor });
		const status = await readStatus(session);
		return {
			status: 'OK',
			message: `Connected to ${status.hostname ?? status.serial ?? 'the FortiGate'} (FortiOS ${status.version ?? 'unknown'})`,
		};
	} catch (error) {
		const text = error instanceof FortinetError ? `${error.message}. ${error.description}` : String((error as Error)?.message ?? error);
		return { status: 'Error', message: redactor.redact(text) };
	} finally {
		await session?.close();
	}
}

export async function fortiGateApiKeyTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	return await testConnection('apiKey', credential);
}

export async function fortiGateAdminLoginTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	return await testConnection('adminLogin', credential);
}
