import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { listFields } from '../../../shared/listFields';
import { ipVersionField, type IpVersion } from '../common/fields';
import { recordsOf } from '../common/envelopes';
import { vdomFor } from '../common/options';
import { readLimit } from '../../../shared/parameters';
import { locatorField, locatorValue } from '../../../shared/resourceLocator';
import { updateDisplayOptions } from '../../../shared/displayOptions';

/**
 * Version 1 listed IPv4 leases unless told otherwise. n8n saves no default
 * values, so its workflows keep that default; from version 2 the default is
 * both, as for every other IP Version.
 */
const VERSION_1_DEFAULT: IpVersion = 'ipv4';

const properties: INodeProperties[] = [
	{ ...ipVersionField('Which leases to return'), default: VERSION_1_DEFAULT, displayOptions: { show: { '@version': [1] } } },
	{ ...ipVersionField('Which leases to return'), displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } } },
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
	const ipVersion = this.getNodeParameter('ipVersion', itemIndex, this.getNode().typeVersion < 2 ? VERSION_1_DEFAULT : 'both') as IpVersion;
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
