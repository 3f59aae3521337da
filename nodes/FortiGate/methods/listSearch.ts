import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import type { FortiGateSession } from '../transport/FortiGateSession';
import { recordsOf } from '../actions/common/envelopes';
import { readTunnels } from '../actions/vpnTunnel/common';
import { matching } from '../../shared/listSearch';
import { withFortiGateList } from './listSession';

type Reader = (session: FortiGateSession, vdom: string | undefined) => Promise<INodeListSearchItems[]>;

/** A list for the editor, narrowed to the entries whose name contains the search text. */
async function listed(context: ILoadOptionsFunctions, filter: string | undefined, read: Reader): Promise<INodeListSearchResult> {
	return matching(await withFortiGateList(context, read), filter);
}

async function cmdbRows(session: FortiGateSession, table: string, fields: string, vdom: string | undefined, group: 'fwgrp' | 'netgrp'): Promise<IDataObject[]> {
	const envelopes = await session.request({ method: 'GET', path: `/api/v2/cmdb/${table}`, query: { format: fields }, vdom, purpose: { action: `list ${table}`, permission: { group, access: 'read' } } });
	return recordsOf(envelopes);
}

export async function searchAddresses(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await listed(this, filter, async (session, vdom) =>
		(await cmdbRows(session, 'firewall/address', 'name|type|subnet|fqdn|country|comment', vdom, 'fwgrp')).map((row) => ({
			name: String(row.name),
			value: String(row.name),
			description: [row.type, row.subnet ?? row.fqdn ?? row.country, row.comment].filter(Boolean).join(' · '),
		})),
	);
}

export async function searchAddressGroups(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await listed(this, filter, async (session, vdom) =>
		(await cmdbRows(session, 'firewall/addrgrp', 'name|member|comment', vdom, 'fwgrp')).map((row) => ({
			name: String(row.name),
			value: String(row.name),
			description: `${Array.isArray(row.member) ? row.member.length : 0} members${row.comment ? ` · ${String(row.comment)}` : ''}`,
		})),
	);
}

export async function searchTunnels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await listed(this, filter, async (session, vdom) =>
		(await readTunnels(session, vdom)).map((tunnel) => ({ name: String(tunnel.name), value: String(tunnel.name), description: tunnel.up ? 'up' : 'down' })),
	);
}

export async function searchInterfaces(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await listed(this, filter, async (session, vdom) => {
		const envelopes = await session.request({
			method: 'GET',
			path: '/api/v2/monitor/system/interface',
			query: { include_vlan: true, include_aggregate: true },
			vdom,
			purpose: { action: 'list the interfaces', permission: { group: 'netgrp', access: 'read' } },
		});
		// `results` is an object keyed by interface name.
		return envelopes.flatMap((envelope) =>
			Object.values((envelope.results ?? {}) as Record<string, IDataObject>).map((port) => ({
				name: String(port.name),
				value: String(port.name),
				description: [port.alias, port.ip && port.ip !== '0.0.0.0' ? `${String(port.ip)}/${String(port.mask)}` : '', port.link === false ? 'link down' : ''].filter(Boolean).join(' · '),
			})),
		);
	});
}

/**
 * The VDOMs the account can see: the envelopes of one cheap read with
 * `vdom=*`, which FortiOS answers with one envelope per VDOM
 * (fortios-rest-api.md section 5), and `*` itself.
 */
export async function searchVdoms(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await listed(this, filter, async (session) => {
		const envelopes = await session.request({ method: 'GET', path: '/api/v2/monitor/system/status', vdom: '*', purpose: { action: 'list the VDOMs', permission: { group: 'any', access: 'read' } } });
		const vdoms = [...new Set(envelopes.map((envelope) => envelope.vdom).filter((vdom): vdom is string => typeof vdom === 'string'))];
		return [...vdoms.map((vdom) => ({ name: vdom, value: vdom })), { name: '* (every VDOM)', value: '*', description: 'Each item says its VDOM' }];
	});
}

export async function searchPolicies(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await listed(this, filter, async (session, vdom) =>
		(await cmdbRows(session, 'firewall/policy', 'policyid|name|action|status', vdom, 'fwgrp')).map((row, index) => ({
			name: `${String(row.policyid)}: ${String(row.name || '(no name)')}`,
			value: String(row.policyid),
			description: `position ${index + 1} · ${String(row.action)}${row.status === 'disable' ? ' · disabled' : ''}`,
		})),
	);
}
