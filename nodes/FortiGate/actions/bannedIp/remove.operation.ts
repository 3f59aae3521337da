import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { vdomFor } from '../common/options';
import { parseIpAddresses } from '../common/values';
import { BANNED_PATH, ipAddressesField, readBanned, writePurpose } from './common';
import { updateDisplayOptions } from '../../../shared/displayOptions';

export const changesDevice = true;

const properties: INodeProperties[] = [ipAddressesField('IPv4 or IPv6 addresses to release, separated by commas')];

export const description = updateDisplayOptions({ show: { resource: ['bannedIp'], operation: ['remove'] } }, properties);

/** Releases addresses; one item per address with whether it was banned and whether it still is. */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const ips = parseIpAddresses(this.getNodeParameter('ipAddresses', itemIndex), 'IP Addresses');
	const vdom = vdomFor(this, itemIndex);
	const before = new Set((await readBanned(session, vdom)).map((entry) => String(entry.ip_address)));
	await session.request({
		method: 'POST',
		path: `${BANNED_PATH}/clear_users`,
		body: { ip_addresses: ips },
		vdom,
		purpose: writePurpose('release the banned IP addresses'),
	});
	const after = new Set((await readBanned(session, vdom)).map((entry) => String(entry.ip_address)));
	return ips.map((ip) => ({ ip_address: ip, wasBanned: before.has(ip), banned: after.has(ip) }));
}
