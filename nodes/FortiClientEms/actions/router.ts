import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { runOperation, type OperationTable } from '../../shared/runItems';
import { readTimeoutMs } from '../../shared/executionOptions';
import { readEmsConnection, type EmsAuthentication } from '../transport/connection';
import { EmsSession } from '../transport/EmsSession';
import * as endpoint from './endpoint';

const operations: OperationTable<EmsSession> = Object.freeze({
	endpoint: { get: endpoint.get, getMany: endpoint.getMany, quarantine: endpoint.quarantine, unquarantine: endpoint.unquarantine },
});

const CREDENTIAL_BY_AUTHENTICATION: Readonly<Record<EmsAuthentication, string>> = Object.freeze({
	cloudAccessKey: 'fortiClientCloudApi',
	onPremLogin: 'fortiClientEmsApi',
});

/** Dispatches every item to its operation over one EMS session (one login, one logout). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperation(this, operations, async (redactor) => {
		const authentication = this.getNodeParameter('authentication', 0) as EmsAuthentication;
		const credentials = await this.getCredentials(CREDENTIAL_BY_AUTHENTICATION[authentication]);
		return await EmsSession.open(readEmsConnection(authentication, credentials), { timeoutMs: readTimeoutMs(this), redactor });
	});
}
