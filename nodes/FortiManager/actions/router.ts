import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { readTimeoutMs } from '../../shared/executionOptions';
import { runOperation, type OperationTable } from '../../shared/runItems';
import { readFortiManagerConnection } from '../transport/connection';
import { FortiManagerSession } from '../transport/FortiManagerSession';
import * as adom from './adom';
import * as device from './device';
import * as deviceGroup from './deviceGroup';
import * as fortiGateApi from './fortiGateApi';
import * as policyPackage from './policyPackage';
import * as script from './script';
import * as system from './system';
import * as task from './task';
import type { FortiManagerMap } from './node.type';

export const operations: OperationTable<FortiManagerSession, FortiManagerMap> = {
	adom: { getMany: adom.getMany },
	device: { get: device.get, getMany: device.getMany },
	deviceGroup: { getMany: deviceGroup.getMany },
	fortiGateApi: { request: fortiGateApi.request },
	policyPackage: { install: policyPackage.install },
	script: { run: script.run },
	system: { getStatus: system.getStatus },
	task: { get: task.get },
};

/** Dispatches every item to its operation over one FortiManager session (one login, one logout). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperation(this, operations, async (redactor) => {
		const credentials = await this.getCredentials('fortiManagerApi');
		return await FortiManagerSession.open(readFortiManagerConnection(credentials), { timeoutMs: readTimeoutMs(this), redactor });
	});
}
