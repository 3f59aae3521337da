import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { ipVersionField, type IpVersion } from '../common/fields';
import { vdomFor } from '../common/options';
import { parseIdList } from '../../../shared/parameters';
import { readStatistics } from './statistics';
import { updateDisplayOptions } from '../../../shared/displayOptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Policy IDs',
		name: 'policyIds',
		type: 'string',
		default: '',
		placeholder: '1, 2, 15',
		description: 'Comma-separated policy IDs; empty returns every policy. Policy 0 is the implicit deny.',
	},
	ipVersionField('Which policies to return. Before FortiOS 6.4, IPv6 policies are read from their own table (policy6).'),
];

export const description = updateDisplayOptions({ show: { resource: ['firewallPolicy'], operation: ['getStatistics'] } }, properties);

/** One item per policy: hit count, bytes, packets, sessions, first and last use, with `vdom` and `ip_version`. */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const ids = new Set(parseIdList(this.getNodeParameter('policyIds', itemIndex, ''), 'Policy IDs'));
	const ipVersion = this.getNodeParameter('ipVersion', itemIndex, 'both') as IpVersion;
	const records = await readStatistics(session, ipVersion, vdomFor(this, itemIndex));
	return ids.size === 0 ? records : records.filter((record) => ids.has(Number(record.policyid)));
}
