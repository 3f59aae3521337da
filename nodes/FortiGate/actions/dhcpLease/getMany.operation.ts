import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { listFields } from '../../../shared/listFields';
import { ipVersionField } from '../common/fields';
import { recordsOf } from '../common/envelopes';
import { vdomFor } from '../common/options';
import { readLimit } from '../../../shared/parameters';
import { locatorField, locatorValue } from '../../../shared/resourceLocator';
import { updateDisplayOptions } from '../../../shared/displayOptions';

const properties: INodeProperties[] = [
	ipVersionField('ipv4', 'Which leases to return'),
	locatorField({
		displayName: 'Interface',
		name: 'interface',
		searchMethod: 'searchInterfaces',
		by: 'name',
		required: false,
		placeholder: 'internal',
		description: 'Only leases of the DHCP server on this interface; empty for all',
	}),
	...listFields,
];

export const description = updateDisplayOptions({ show: { resource: ['dhcpLease'], operation: ['getMany'] } }, properties);

/** One item per lease, with the fields FortiOS returns plus the `vdom`. */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const ipVersion = this.getNodeParameter('ipVersion', itemIndex, 'ipv4') as 'ipv4' | 'ipv6' | 'both';
	const iface = locatorValue(this, 'interface', itemIndex);
	const limit = readLimit(this, itemIndex);
	const envelopes = await session.request({
		method: 'GET',
		path: '/api/v2/monitor/system/dhcp',
		// FortiOS returns IPv4 and IPv6 leases together when ipv6=true.
		query: { ipv6: ipVersion === 'ipv4' ? undefined : true, interface: iface || undefined },
		vdom: vdomFor(this, itemIndex),
		purpose: { action: 'list the DHCP leases', permission: { group: 'netgrp', access: 'read' } },
	});
	const leases = recordsOf(envelopes).filter(
		(lease) => (ipVersion === 'both' || (lease.type ?? 'ipv4') === ipVersion) && (!iface || lease.interface === iface),
	);
	return limit === undefined ? leases : leases.slice(0, limit);
}
