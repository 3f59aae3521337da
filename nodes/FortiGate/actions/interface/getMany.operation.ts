import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { listFields } from '../../../shared/listFields';
import { readLimit } from '../../../shared/parameters';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { vdomFor } from '../common/options';
import { updateDisplayOptions } from '../../../shared/displayOptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Interface Name',
		name: 'interfaceName',
		type: 'string',
		default: '',
		placeholder: 'wan1',
		description: 'One interface; empty lists every interface of the VDOM',
	},
	{ displayName: 'Include VLANs', name: 'includeVlan', type: 'boolean', default: false, description: 'Whether to include VLAN sub-interfaces' },
	{ displayName: 'Include Aggregates', name: 'includeAggregate', type: 'boolean', default: false, description: 'Whether to include aggregate and redundant interfaces' },
	...listFields,
];

export const description = updateDisplayOptions({ show: { resource: ['interface'], operation: ['getMany'] } }, properties);

/**
 * One item per interface: link state (`link`), speed, addresses (`mask` is
 * a prefix length), counters and errors. FortiOS answers with an object keyed
 * by interface name; each VDOM's answer is flattened, carrying the VDOM.
 */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const name = String(this.getNodeParameter('interfaceName', itemIndex, '') ?? '').trim();
	const limit = readLimit(this, itemIndex);
	const envelopes = await session.request({
		method: 'GET',
		path: '/api/v2/monitor/system/interface',
		query: {
			interface_name: name || undefined,
			include_vlan: (this.getNodeParameter('includeVlan', itemIndex, false) as boolean) || undefined,
			include_aggregate: (this.getNodeParameter('includeAggregate', itemIndex, false) as boolean) || undefined,
		},
		vdom: vdomFor(this, itemIndex),
		purpose: { action: 'read the interfaces', permission: { group: 'netgrp', access: 'read' } },
	});
	const interfaces = envelopes.flatMap((envelope) => {
		const byName = envelope.results && typeof envelope.results === 'object' && !Array.isArray(envelope.results) ? (envelope.results as Record<string, IDataObject>) : {};
		return Object.entries(byName).map(([key, entry]) => ({ name: key, ...entry, vdom: envelope.vdom ?? null }));
	});
	const wanted = interfaces.filter((entry) => !name || entry.name === name);
	return limit === undefined ? wanted : wanted.slice(0, limit);
}
