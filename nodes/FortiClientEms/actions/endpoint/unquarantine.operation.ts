import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { EmsSession } from '../../transport/EmsSession';
import { deviceIdsField, setQuarantine } from './setQuarantine';
import { updateDisplayOptions } from '../../../shared/displayOptions';

/** Items run one by one: a failure must stop every change after it. */
export const changesDevice = true;

const properties: INodeProperties[] = [deviceIdsField];

export const description = updateDisplayOptions({ show: { resource: ['endpoint'], operation: ['unquarantine'] } }, properties);

/** Releases quarantined endpoints. */
export async function execute(this: IExecuteFunctions, session: EmsSession, itemIndex: number): Promise<IDataObject[]> {
	return await setQuarantine(this, session, itemIndex, false);
}
