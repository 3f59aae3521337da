import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { updateDisplayOptions } from '../../../shared/displayOptions';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['ha'], operation: ['getStatus'] } }, properties);

const purpose = { action: 'read the HA status', permission: { group: 'sysgrp' as const, access: 'read' as const } };

/**
 * The cluster in one item: members, which one is primary, whether every
 * member's configuration checksums match, and per-member statistics.
 * FortiOS 7.6 says `primary` where older versions say `master`; both are read.
 */
export async function execute(this: IExecuteFunctions, session: FortiGateSession): Promise<IDataObject[]> {
	const read = async (name: string) => {
		const [envelope] = await session.request({ method: 'GET', path: `/api/v2/monitor/system/${name}`, vdom: '', purpose });
		return Array.isArray(envelope?.results) ? (envelope.results as IDataObject[]) : [];
	};
	const peers = await read('ha-peer');
	const checksums = await read('ha-checksums');
	const statistics = await read('ha-statistics');

	const isPrimary = (entry: IDataObject, keys: string[]) => keys.some((key) => entry[key] === true || entry[key] === 1);
	const primary = peers.find((peer) => isPrimary(peer, ['primary', 'master']));
	// Checksums come from one API in one shape: their JSON text compares them.
	const sums = checksums.map((member) => JSON.stringify(member.checksum));
	return [
		{
			clustered: peers.length > 1,
			memberCount: peers.length,
			primary: primary ? { serial: primary.serial_no ?? null, hostname: primary.hostname ?? null } : null,
			// One member, or none reported: nothing to compare.
			inSync: sums.length < 2 ? null : sums.every((sum) => sum === sums[0]),
			outOfSync: sums.length < 2 ? [] : checksums.filter((_member, index) => sums[index] !== sums[0]).map((member) => member.serial_no as string),
			peers: peers.map((peer) => ({ ...peer, primary: isPrimary(peer, ['primary', 'master']) })),
			checksums,
			statistics,
		},
	];
}
