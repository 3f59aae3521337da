import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { listFields } from '../../../shared/listFields';
import { readLimit } from '../../../shared/parameters';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { recordsOf } from '../common/envelopes';
import { ipVersionField, type IpVersion } from '../common/fields';
import { vdomFor } from '../common/options';
import { nameList } from './fields';
import { POLICY6_TABLE, POLICY_TABLE, hasPolicy6Table, policyItem, readPurpose, type PolicySource } from './common';
import { statisticsField, withStatistics } from './statisticsMerge';
import { updateDisplayOptions } from '../../../shared/displayOptions';

const properties: INodeProperties[] = [
	ipVersionField('Which policies to return. Before FortiOS 6.4, IPv6 policies come from their own table (policy6) and are numbered separately.'),
	statisticsField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Action', name: 'action', type: 'options', options: [{ name: 'Accept', value: 'accept' }, { name: 'Deny', value: 'deny' }, { name: 'IPsec', value: 'ipsec' }], default: 'accept', description: 'Only policies with this action' },
			{ displayName: 'Name Contains', name: 'name', type: 'string', default: '', description: 'Only policies whose name contains this text (case-insensitive)' },
			{ displayName: 'Status', name: 'status', type: 'options', options: [{ name: 'Enabled', value: 'enable' }, { name: 'Disabled', value: 'disable' }], default: 'enable', description: 'Only enabled or only disabled policies' },
			{ displayName: 'Uses Address', name: 'address', type: 'string', default: '', placeholder: 'web-server', description: 'Only policies naming one of these addresses or groups (comma-separated) as source or destination' },
			{ displayName: 'Uses Interface', name: 'interface', type: 'string', default: '', placeholder: 'wan1', description: 'Only policies naming one of these interfaces or zones (comma-separated) as incoming or outgoing' },
			{ displayName: 'Uses Service', name: 'service', type: 'string', default: '', placeholder: 'HTTPS', description: 'Only policies naming one of these services or service groups (comma-separated)' },
		],
	},
	...listFields,
];

export const description = updateDisplayOptions({ show: { resource: ['firewallPolicy'], operation: ['getMany'] } }, properties);

interface Filters {
	action?: string;
	name?: string;
	status?: string;
	address?: string;
	interface?: string;
	service?: string;
}

/**
 * Every policy in evaluation order, one item each with its `position` per
 * VDOM. Filters apply after the positions are counted, so a filtered list
 * still says where each policy sits. Names are matched as written on the
 * policy; a group is not expanded.
 */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const ipVersion = this.getNodeParameter('ipVersion', itemIndex, 'both') as IpVersion;
	const filters = this.getNodeParameter('filters', itemIndex, {}) as Filters;
	const limit = readLimit(this, itemIndex);
	const vdom = vdomFor(this, itemIndex);

	const envelopes = await session.request({ method: 'GET', path: `/api/v2/cmdb/${POLICY_TABLE}`, vdom, purpose: readPurpose });
	const version = envelopes[0]?.version;
	let items = inOrder(recordsOf(envelopes), { table: POLICY_TABLE, version });
	if (ipVersion !== 'ipv4' && hasPolicy6Table(version)) {
		const envelopes6 = await session.request({ method: 'GET', path: `/api/v2/cmdb/${POLICY6_TABLE}`, vdom, purpose: readPurpose });
		items.push(...inOrder(recordsOf(envelopes6), { table: POLICY6_TABLE, version }));
	}
	items = items.filter((item) => ipVersion === 'both' || item.ipVersion === ipVersion || item.ipVersion === 'both').filter(matches(filters));
	if (limit !== undefined) items = items.slice(0, limit);
	if (this.getNodeParameter('includeStatistics', itemIndex, false) as boolean) await withStatistics(session, items, vdom);
	return items;
}

/** Items with their position, counted per VDOM in the order FortiOS returned them. */
function inOrder(records: IDataObject[], source: PolicySource): IDataObject[] {
	const seen = new Map<unknown, number>();
	return records.map((record) => {
		const position = (seen.get(record.vdom) ?? 0) + 1;
		seen.set(record.vdom, position);
		return policyItem(record, position, source);
	});
}

function matches(filters: Filters): (item: IDataObject) => boolean {
	const uses = (raw: string | undefined, fields: string[]) => {
		const wanted = nameList(raw ?? '');
		return (item: IDataObject) => wanted.length === 0 || fields.some((field) => ((item[field] as string[] | undefined) ?? []).some((name) => wanted.includes(name)));
	};
	const checks = [
		(item: IDataObject) => !filters.action || item.action === filters.action,
		(item: IDataObject) => !filters.status || item.status === filters.status,
		(item: IDataObject) => !filters.name || String(item.name).toLowerCase().includes(filters.name.toLowerCase()),
		uses(filters.address, ['srcaddr', 'dstaddr', 'srcaddr6', 'dstaddr6']),
		uses(filters.interface, ['srcintf', 'dstintf']),
		uses(filters.service, ['service']),
	];
	return (item) => checks.every((check) => check(item));
}
