import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { isBefore, recordsOf } from '../common/envelopes';
import { ipVersionField } from '../common/fields';
import { vdomFor } from '../common/options';
import { parseIdList } from '../../../shared/parameters';

const show = { resource: ['firewallPolicy'], operation: ['getStatistics'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Policy IDs',
		name: 'policyIds',
		type: 'string',
		default: '',
		placeholder: '1, 2, 15',
		description: 'Comma-separated policy IDs; empty returns every policy. Policy 0 is the implicit deny.',
		displayOptions: { show },
	},
	ipVersionField(
		show,
		'both',
		'Which policies to return. Before FortiOS 6.4, IPv6 policies are read from their own table (policy6).',
	),
];

const purpose = { action: 'read the firewall policy statistics', permission: { group: 'fwgrp' as const, access: 'read' as const } };

/**
 * One item per policy: hit count, bytes, packets, sessions, first and last
 * use, with `vdom` and `ip_version`. The FortiOS version in the reply envelope
 * decides where IPv6 statistics live.
 */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const ids = new Set(parseIdList(this.getNodeParameter('policyIds', itemIndex, ''), 'Policy IDs'));
	const ipVersion = this.getNodeParameter('ipVersion', itemIndex, 'both') as 'ipv4' | 'ipv6' | 'both';
	const vdom = vdomFor(this, itemIndex);
	const path = '/api/v2/monitor/firewall/policy';
	const records: IDataObject[] = [];

	if (ipVersion !== 'ipv6') {
		const envelopes = await session.request({ method: 'GET', path, query: { ip_version: 'ipv4' }, vdom, purpose });
		records.push(...recordsOf(envelopes, { ip_version: 'ipv4' }));
	}
	if (ipVersion !== 'ipv4') {
		let envelopes = isBefore(session.firmwareVersion, 6, 4)
			? undefined
			: await session.request({ method: 'GET', path, query: { ip_version: 'ipv6' }, vdom, purpose });
		// Before 6.4 /firewall/policy ignores ip_version and returns IPv4.
		if (!envelopes || isBefore(envelopes[0]?.version, 6, 4)) {
			envelopes = await session.request({ method: 'GET', path: '/api/v2/monitor/firewall/policy6', vdom, purpose });
		}
		records.push(...recordsOf(envelopes, { ip_version: 'ipv6' }));
	}
	return ids.size === 0 ? records : records.filter((record) => ids.has(Number(record.policyid)));
}
