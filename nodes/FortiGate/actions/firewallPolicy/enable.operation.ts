import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { policyIdField } from './common';
import { setStatus } from './setStatus';

export const changesDevice = true;

export const description: INodeProperties[] = [policyIdField('enable')];

export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	return await setStatus(this, session, itemIndex, 'enable');
}
