import type { ICredentialDataDecryptedObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { Redactor } from '../../shared/redactor';
import { runOperation, type OperationTable } from '../../shared/runItems';
import { readTimeoutMs } from '../../shared/executionOptions';
import { readEmsConnection, type EmsAuthentication } from '../transport/connection';
import { EmsSession } from '../transport/EmsSession';
import * as endpoint from './endpoint';
import type { FortiClientEmsMap } from './node.type';

export const operations: OperationTable<EmsSession, FortiClientEmsMap> = {
	endpoint: { get: endpoint.get, getMany: endpoint.getMany, quarantine: endpoint.quarantine, unquarantine: endpoint.unquarantine },
};

const CREDENTIAL_BY_AUTHENTICATION: Readonly<Record<EmsAuthentication, string>> = Object.freeze({
	cloudAccessKey: 'fortiClientCloudApi',
	onPremLogin: 'fortiClientEmsApi',
});

/** What an execution and a list search share to open an EMS session: the node's `authentication` and its credential. */
interface EmsSessionSource {
	getNodeParameter(name: 'authentication', itemIndex: number): unknown;
	getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
}

/** Opens an EMS session with the credential the node's `authentication` selects. */
export async function openEmsSession(source: EmsSessionSource, options: { timeoutMs: number; redactor: Redactor }): Promise<EmsSession> {
	const authentication = source.getNodeParameter('authentication', 0) as EmsAuthentication;
	const credentials = await source.getCredentials(CREDENTIAL_BY_AUTHENTICATION[authentication]);
	return await EmsSession.open(readEmsConnection(authentication, credentials), options);
}

/** Dispatches every item to its operation over one EMS session (one login, one logout). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperation(this, operations, async (redactor) => await openEmsSession(this, { timeoutMs: readTimeoutMs(this), redactor }));
}
