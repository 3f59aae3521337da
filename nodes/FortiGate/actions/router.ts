import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { toNodeError } from '../../shared/nodeErrors';
import { Redactor } from '../../shared/redactor';
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

export const CREDENTIAL_BY_AUTHENTICATION: Record<FortiGateAuthentication, string> = {
	apiKey: 'fortiGateApiKeyApi',
	adminLogin: 'fortiGateAdminLoginApi',
};

/**
 * Runs one execution: one session for all items (one login, one logout),
 * results paired with their input item, errors mapped to what an admin can
 * act on, and the session closed whatever happens.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = operations[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}

	const redactor = new Redactor();
	const output: INodeExecutionData[] = [];
	let session: FortiGateSession;
	try {
		const authentication = this.getNodeParameter('authentication', 0) as FortiGateAuthentication;
		const credentials = await this.getCredentials(CREDENTIAL_BY_AUTHENTICATION[authentication]);
		redactor.add(credentials.apiKey as string, credentials.password as string);
		const timeoutSeconds = Number(getOptions(this, 0).timeout ?? DEFAULT_TIMEOUT_SECONDS);
		session = await FortiGateSession.open(readConnection(authentication, credentials), {
			timeoutMs: Math.max(1, timeoutSeconds) * 1000,
			redactor,
		});
	} catch (error) {
		const nodeError = toNodeError(this.getNode(), error, redactor);
		if (!this.continueOnFail()) throw nodeError;
		return [items.map((_item, itemIndex) => errorItem(nodeError, itemIndex))];
	}

	try {
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const records = await handler.execute.call(this, session, itemIndex);
				for (const json of records) output.push({ json, pairedItem: { item: itemIndex } });
			} catch (error) {
				const nodeError = toNodeError(this.getNode(), error, redactor, itemIndex);
				if (!this.continueOnFail()) throw nodeError;
				output.push(errorItem(nodeError, itemIndex));
			}
		}
	} finally {
		const warnings = await session.close();
		for (const message of warnings) {
			this.logger?.warn(message);
			this.addExecutionHints?.({ message, type: 'warning', location: 'outputPane' });
		}
	}
	return [output];
}

function errorItem(error: { message: string; description?: string | null }, itemIndex: number): INodeExecutionData {
	return {
		json: { error: error.message, ...(error.description ? { description: error.description } : {}) },
		pairedItem: { item: itemIndex },
	};
}
