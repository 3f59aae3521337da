import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { EmsSession } from '../../transport/EmsSession';
import { deviceIdsField, setQuarantine } from './setQuarantine';

export const description: INodeProperties[] = [deviceIdsField('unquarantine')];

/** Releases quarantined endpoints. */
export async function execute(this: IExecuteFunctions, session: EmsSession, itemIndex: number): Promise<IDataObject[]> {
	return await setQuarantine(this, session, itemIndex, false);
}
