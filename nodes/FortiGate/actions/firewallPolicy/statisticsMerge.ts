import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { isBefore } from '../common/envelopes';
import { readStatistics } from './statistics';

export const statisticsField: INodeProperties = {
		displayName: 'Include Statistics',
		name: 'includeStatistics',
		type: 'boolean',
		default: false,
		description: 'Whether to add each policy\'s hit count, bytes, packets and last use under "statistics" (one more request for all policies, not one per policy)',
};

/**
 * Adds `statistics: { ipv4?, ipv6? }` to policy items, from one read of the
 * statistics per IP version. IPv6 counters belong to the policy table from
 * 6.4 and to the separately numbered policy6 table before.
 */
export async function withStatistics(session: FortiGateSession, items: IDataObject[], vdom: string | undefined): Promise<void> {
	const wanted = new Set(items.map((item) => item.ipVersion));
	const ipVersion = wanted.has('both') || (wanted.has('ipv4') && wanted.has('ipv6')) ? 'both' : wanted.has('ipv6') ? 'ipv6' : 'ipv4';
	const records = await readStatistics(session, ipVersion, vdom);
	const separate6 = isBefore(session.firmwareVersion, 6, 4);
	const byKey = new Map<string, IDataObject>();
	for (const { policyid, vdom: recordVdom, ip_version: version, ...counters } of records) {
		const table = version === 'ipv6' && separate6 ? 'policy6' : 'policy';
		const key = `${String(recordVdom)}|${table}|${String(policyid)}`;
		byKey.set(key, { ...byKey.get(key), [String(version)]: counters });
	}
	for (const item of items) {
		const table = separate6 && item.ipVersion === 'ipv6' ? 'policy6' : 'policy';
		item.statistics = byKey.get(`${String(item.vdom)}|${table}|${String(item.policyid)}`) ?? {};
	}
}
