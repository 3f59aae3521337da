import type { IDataObject } from 'n8n-workflow';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { isBefore, recordsOf } from '../common/envelopes';

const purpose = { action: 'read the firewall policy statistics', permission: { group: 'fwgrp' as const, access: 'read' as const } };
const PATH = '/api/v2/monitor/firewall/policy';

/**
 * Hit count, bytes, packets, sessions, first and last use of every policy,
 * one record each with `vdom` and `ip_version`. The FortiOS version in the
 * reply envelope decides where IPv6 statistics live: before 6.4 in
 * /firewall/policy6, which 6.4+ no longer has.
 */
export async function readStatistics(session: FortiGateSession, ipVersion: 'ipv4' | 'ipv6' | 'both', vdom: string | undefined): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	if (ipVersion !== 'ipv6') {
		const envelopes = await session.request({ method: 'GET', path: PATH, query: { ip_version: 'ipv4' }, vdom, purpose });
		records.push(...recordsOf(envelopes, { ip_version: 'ipv4' }));
	}
	if (ipVersion !== 'ipv4') {
		let envelopes = isBefore(session.firmwareVersion, 6, 4) ? undefined : await session.request({ method: 'GET', path: PATH, query: { ip_version: 'ipv6' }, vdom, purpose });
		// Before 6.4 /firewall/policy ignores ip_version and returns IPv4.
		if (!envelopes || isBefore(envelopes[0]?.version, 6, 4)) {
			envelopes = await session.request({ method: 'GET', path: `${PATH}6`, vdom, purpose });
		}
		records.push(...recordsOf(envelopes, { ip_version: 'ipv6' }));
	}
	return records;
}
