import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { vdomFor } from '../common/options';
import { parseIpAddresses } from '../common/values';
import { BANNED_PATH, ipAddressesField, readBanned, writePurpose } from './common';
import { updateDisplayOptions } from '../../../shared/displayOptions';

export const changesDevice = true;

const properties: INodeProperties[] = [
	ipAddressesField('IPv4 or IPv6 addresses to ban, separated by commas (or an array from an expression)'),
	{
		displayName: 'Expiry (Seconds)',
		name: 'expiry',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 3600,
		description: 'How long the ban lasts; 0 bans until someone releases the address',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['bannedIp'], operation: ['add'] } }, properties);

/**
 * Bans addresses in the FortiGate's own quarantine (User & Authentication >
 * Quarantine), then reads the list back: one item per address, saying what
 * the device now holds.
 */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const ips = parseIpAddresses(this.getNodeParameter('ipAddresses', itemIndex), 'IP Addresses');
	const expiry = Number(this.getNodeParameter('expiry', itemIndex, 3600));
	if (!Number.isInteger(expiry) || expiry < 0) {
		throw new FortinetError({
			kind: 'parameter',
			message: `Expiry must be a whole number of seconds, 0 or more, not ${JSON.stringify(expiry)}`,
			description: 'Use 3600 for an hour, 86400 for a day, or 0 to ban until released. Nothing was sent to the FortiGate.',
		});
	}
	const vdom = vdomFor(this, itemIndex);
	await session.request({
		method: 'POST',
		path: `${BANNED_PATH}/add_users`,
		body: { ip_addresses: ips, expiry },
		vdom,
		purpose: writePurpose('ban the IP addresses'),
	});
	const banned = new Map((await readBanned(session, vdom)).map((entry) => [String(entry.ip_address), entry]));
	return ips.map((ip) => ({ ip_address: ip, ...banned.get(ip), banned: banned.has(ip) }));
}
