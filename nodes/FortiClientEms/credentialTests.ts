import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { FortinetError } from '../shared/errors';
import { Redactor } from '../shared/redactor';
import { readEmsConnection, type EmsAuthentication } from './transport/connection';
import { EmsSession } from './transport/EmsSession';

/**
 * The credentials' Test button: a real login, a cheap call (on-premises: the
 * serial number; cloud: one endpoint), and a logout, through the node's own
 * transport so the TLS settings apply exactly as in a workflow.
 */
async function testConnection(authentication: EmsAuthentication, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const redactor = new Redactor();
	const data = credential.data ?? {};
	redactor.add(data.accessKey as string, data.password as string);
	let session: EmsSession | undefined;
	try {
		session = await EmsSession.open(readEmsConnection(authentication, data), { timeoutMs: 15_000, redactor });
		if (authentication === 'onPremLogin') {
			const { data: serial } = await session.request({ method: 'GET', path: '/api/v1/system/serial_number', purpose: { action: 'read the EMS serial number' } });
			return { status: 'OK', message: `Connected to EMS ${typeof serial === 'string' ? serial : ''}`.trim() };
		}
		const { data: page } = await session.request({ method: 'GET', path: '/api/v1/endpoints/index', query: { offset: 0, count: 1 }, purpose: { action: 'list endpoints' } });
		const total = (page as { total?: unknown } | undefined)?.total;
		return { status: 'OK', message: `Connected to FortiClient Cloud${typeof total === 'number' ? ` (${total} endpoints)` : ''}` };
	} catch (error) {
		const text = error instanceof FortinetError ? `${error.message}. ${error.description}` : String((error as Error)?.message ?? error);
		return { status: 'Error', message: redactor.redact(text) };
	} finally {
		await session?.close();
	}
}

export async function fortiClientCloudTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	return await testConnection('cloudAccessKey', credential);
}

export async function fortiClientEmsTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	return await testConnection('onPremLogin', credential);
}
