import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { listFields } from '../../../shared/listFields';
import { readLimit } from '../../../shared/parameters';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { recordsOf } from '../common/envelopes';
import { vdomFor } from '../common/options';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { ADDRESS_TABLE, readPurpose, withoutKeys } from './common';

const properties: INodeProperties[] = [
	{
		displayName: 'Filter',
		name: 'filter',
		type: 'string',
		default: '',
		placeholder: 'comment=@blocked',
		description: 'A FortiOS CMDB filter: field==value for equal, field=@value for contains. Empty returns every object.',
	},
	...listFields,
];

export const description = updateDisplayOptions({ show: { resource: ['address'], operation: ['getMany'] } }, properties);

/** One item per address object. The limit is passed to FortiOS (`count`), so large tables are not read whole. */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const filter = String(this.getNodeParameter('filter', itemIndex, '') ?? '').trim();
	const limit = readLimit(this, itemIndex);
	const envelopes = await session.request({
		method: 'GET',
		path: `/api/v2/cmdb/${ADDRESS_TABLE}`,
		query: { filter: filter || undefined, count: limit },
		vdom: vdomFor(this, itemIndex),
		purpose: readPurpose,
	});
	const records = recordsOf(envelopes).map(withoutKeys);
	return limit === undefined ? records : records.slice(0, limit);
}
