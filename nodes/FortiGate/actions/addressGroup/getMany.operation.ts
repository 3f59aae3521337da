import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { listFields } from '../../../shared/listFields';
import { readLimit } from '../../../shared/parameters';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { recordsOf } from '../common/envelopes';
import { vdomFor } from '../common/options';
import { GROUP_TABLE, groupItem, groupName, groupNameField, readGroup, readPurpose } from './common';
import { locatorValue } from '../../../shared/resourceLocator';
import { updateDisplayOptions } from '../../../shared/displayOptions';

const properties: INodeProperties[] = [groupNameField(false), ...listFields];

export const description = updateDisplayOptions({ show: { resource: ['addressGroup'], operation: ['getMany'] } }, properties);

/** One item per address group, with `members` (names) and `memberCount`. */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const vdom = vdomFor(this, itemIndex);
	const wanted = locatorValue(this, 'groupName', itemIndex);
	if (wanted) return [await readGroup(session, groupName(wanted), vdom)];
	const limit = readLimit(this, itemIndex);
	const envelopes = await session.request({ method: 'GET', path: `/api/v2/cmdb/${GROUP_TABLE}`, query: { count: limit }, vdom, purpose: readPurpose });
	const groups = recordsOf(envelopes).map(groupItem);
	return limit === undefined ? groups : groups.slice(0, limit);
}
