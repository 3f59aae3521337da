import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { listFields } from '../../../shared/listFields';
import { readLimit } from '../../../shared/parameters';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { vdomFor } from '../common/options';
import { readBanned } from './common';
import { updateDisplayOptions } from '../../../shared/displayOptions';

const properties: INodeProperties[] = [...listFields];

export const description = updateDisplayOptions({ show: { resource: ['bannedIp'], operation: ['getMany'] } }, properties);

/** One item per banned address: `ip_address`, `source` (who banned it), `ipv6`, times, and the VDOM. */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const banned = await readBanned(session, vdomFor(this, itemIndex));
	return limit === undefined ? banned : banned.slice(0, limit);
}
