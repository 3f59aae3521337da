import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { runOperation, type OperationTable } from '../../shared/runItems';
import { readTimeoutMs } from '../../shared/executionOptions';
import { readConnection, type FortiGateAuthentication } from '../transport/connection';
import { FortiGateSession } from '../transport/FortiGateSession';
import * as dhcpLease from './dhcpLease';
import * as firewallPolicy from './firewallPolicy';
import * as system from './system';

const operations: OperationTable<FortiGateSession> = Object.freeze({
	system: { getStatus: system.getStatus, reboot: system.reboot },
	dhcpLease: { getMany: dhcpLease.getMany },
	firewallPolicy: { getStatistics: firewallPolicy.getStatistics },
});

const CREDENTIAL_BY_AUTHENTICATION: Readonly<Record<FortiGateAuthentication, string>> = Object.freeze({
	apiKey: 'fortiGateApiKeyApi',
	adminLogin: 'fortiGateAdminLoginApi',
});

/** Dispatches every item to its operation over one FortiGate session (one login, one logout). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperation(this, operations, async (redactor) => {
		const authentication = this.getNodeParameter('authentication', 0) as FortiGateAuthentication;
		const credentials = await this.getCredentials(CREDENTIAL_BY_AUTHENTICATION[authentication]);
		return await FortiGateSession.open(readConnection(authentication, credentials), { timeoutMs: readTimeoutMs(this), redactor });
	});
}
