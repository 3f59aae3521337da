import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { vdomFor } from '../common/options';
import { BANNED_PATH, readBanned, writePurpose } from './common';
import { updateDisplayOptions } from '../../../shared/displayOptions';

export const changesDevice = true;

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['bannedIp'], operation: ['removeAll'] } }, properties);

/** Releases every banned address of the VDOM, including those IPS or DoS sensors banned; says which they were. */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const vdom = vdomFor(this, itemIndex);
	const before = await readBanned(session, vdom);
	await session.request({ method: 'POST', path: `${BANNED_PATH}/clear_all`, vdom, purpose: writePurpose('release all banned IP addresses') });
	const remaining = await readBanned(session, vdom);
	return [{ released: before.length, releasedAddresses: before.map((entry) => entry.ip_address as string), remaining: remaining.length }];
}
