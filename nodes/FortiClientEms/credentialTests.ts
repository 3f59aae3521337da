import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { testCredential } from '../shared/credentialTest';
import { readEmsConnection, type EmsAuthentication } from './transport/connection';
import { EmsSession } from './transport/EmsSession';

/** The Test button: a real login, a cheap call (on-premises: the serial number; cloud: one endpoint), and a logout. */
async function testEms(authentication: EmsAuthentication, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	return await testCredential(
		async (redactor) => await EmsSession.open(readEmsConnection(authentication, credential.data ?? {}), { timeoutMs: 15_000, redactor }),
		async (session) => {
			if (authentication === 'onPremLogin') {
				const { data: serial } = await session.request({ method: 'GET', path: '/api/v1/system/serial_number', purpose: { action: 'read the EMS serial number' } });
				return `Connected to EMS ${typeof serial === 'string' ? serial : ''}`.trim();
			}
			const { data: page } = await session.request({ method: 'GET', path: '/api/v1/endpoints/index', query: { offset: 0, count: 1 }, purpose: { action: 'list endpoints' } });
			const total = (page as { total?: unknown } | undefined)?.total;
			return `Connected to FortiClient Cloud${typeof total === 'number' ? ` (${total} endpoints)` : ''}`;
		},
	);
}

export async function fortiClientCloudTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	return await testEms('cloudAccessKey', credential);
}

export async function fortiClientEmsTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	return await testEms('onPremLogin', credential);
}
