import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { policyIdField } from './common';
import { setStatus } from './setStatus';
import { updateDisplayOptions } from '../../../shared/displayOptions';

export const changesDevice = true;

const properties: INodeProperties[] = [policyIdField()];

export const description = updateDisplayOptions({ show: { resource: ['firewallPolicy'], operation: ['enable'] } }, properties);

export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	return await setStatus(this, session, itemIndex, 'enable');
}
