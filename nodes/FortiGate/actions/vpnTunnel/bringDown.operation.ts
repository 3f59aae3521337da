import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { setTunnelState, stateFields } from './setState';
import { updateDisplayOptions } from '../../../shared/displayOptions';

export const changesDevice = true;

export const description = updateDisplayOptions({ show: { resource: ['vpnTunnel'], operation: ['bringDown'] } }, stateFields);

export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	return await setTunnelState(this, session, itemIndex, 'down');
}
