import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { eventLogMessageField, powerRequest } from './powerRequest';
import { updateDisplayOptions } from '../../../shared/displayOptions';

/** Items run one by one: a failure must stop every change after it. */
export const changesDevice = true;

const properties: INodeProperties[] = [eventLogMessageField];

export const description = updateDisplayOptions({ show: { resource: ['system'], operation: ['shutdown'] } }, properties);

/**
 * Powers the device off. Like the reboot, the request is sent exactly once
 * and a dropped connection after sending counts as success. Nobody can bring
 * the device back remotely, so there is nothing to wait for.
 */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const message = String(this.getNodeParameter('eventLogMessage', itemIndex, '') ?? '');
	const requestedAt = Date.now();
	const { connectionDropped } = await session.sendPowerAction(powerRequest('shutdown', message));
	return [{ shutdownInitiated: true, connectionDropped, requestedAt: new Date(requestedAt).toISOString() }];
}
