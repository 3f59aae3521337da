import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { setTunnelState, stateFields } from './setState';

export const changesDevice = true;

export const description: INodeProperties[] = stateFields('bringUp');

export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	return await setTunnelState(this, session, itemIndex, 'up');
}
