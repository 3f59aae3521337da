import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { runItems } from '../../shared/runItems';
import { readConnection, type FortiGateAuthentication } from '../transport/connection';
import { FortiGateSession } from '../transport/FortiGateSession';
import { DEFAULT_TIMEOUT_SECONDS, getOptions } from './common/options';
import * as dhcpLease from './dhcpLease';
import * as firewallPolicy from './firewallPolicy';
import * as system from './system';

type Operation = (this: IExecuteFunctions, session: FortiGateSession, itemIndex: number) => Promise<IDataObject[]>;

const operations: Record<string, Record<string, { execute: Operation }>> = {
	system: { getStatus: system.getStatus, reboot: system.reboot },
	dhcpLease: { getMany: dhcpLease.getMany },
	firewallPolicy: { getStatistics: firewallPolicy.getStatistics },
};

const CREDENTIAL_BY_AUTHENTICATION: Record<FortiGateAuthentication, string> = {
	apiKey: 'fortiGateApiKeyApi',
	adminLogin: 'fortiGateAdminLoginApi',
};

/** Dispatches every item to its operation over one FortiGate session (one login, one logout). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = operations[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return await runItems(
		this,
		async (redactor) => {
			const authentication = this.getNodeParameter('authentication', 0) as FortiGateAuthentication;
			const credentials = await this.getCredentials(CREDENTIAL_BY_AUTHENTICATION[authentication]);
			redactor.add(credentials.apiKey as string, credentials.password as string);
			// The connection pool is per execution, so the first item's timeout applies to all.
			const timeoutSeconds = Number(getOptions(this, 0).timeout ?? DEFAULT_TIMEOUT_SECONDS);
			return await FortiGateSession.open(readConnection(authentication, credentials), {
				timeoutMs: Math.max(1, timeoutSeconds) * 1000,
				redactor,
			});
		},
		async (session, itemIndex) => await handler.execute.call(this, session, itemIndex),
	);
}
