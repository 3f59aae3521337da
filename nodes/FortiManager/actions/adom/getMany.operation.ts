import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { FortiManagerSession } from '../../transport/FortiManagerSession';
import { updateDisplayOptions } from '../../../shared/displayOptions';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['adom'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, session: FortiManagerSession): Promise<IDataObject[]> {
	const adoms = (await session.call({ method: 'get', url: '/dvmdb/adom', purpose: 'list the ADOMs' })) as IDataObject[] | undefined;
	return (adoms ?? []).map((adom) => ({ adom: adom.name, description: adom.desc ?? '', raw: adom }));
}
