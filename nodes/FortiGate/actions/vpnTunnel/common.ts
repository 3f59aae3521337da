import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { recordsOf } from '../common/envelopes';
import { locatorField } from '../../../shared/resourceLocator';

export const IPSEC_PATH = '/api/v2/monitor/vpn/ipsec';
const readPurpose = { action: 'read the IPsec tunnels', permission: { group: 'vpngrp' as const, access: 'read' as const } };

export function tunnelNameField(required: boolean): INodeProperties {
	return locatorField({
		displayName: 'Tunnel Name',
		name: 'tunnelName',
		searchMethod: 'searchTunnels',
		by: 'name',
		required,
		placeholder: 'to-branch-1',
		description: required ? 'The IPsec tunnel (phase 1)' : 'One IPsec tunnel (phase 1); empty lists every tunnel',
	});
}

/**
 * A tunnel as an item: FortiOS's fields, `up` when at least one phase 2
 * selector is up, `allPhase2Up`, the counts, and the raw selectors (`proxyid`).
 */
export function tunnelItem(tunnel: IDataObject): IDataObject {
	const selectors = Array.isArray(tunnel.proxyid) ? (tunnel.proxyid as IDataObject[]) : [];
	const upCount = selectors.filter((selector) => selector.status === 'up').length;
	return {
		...tunnel,
		up: upCount > 0,
		allPhase2Up: selectors.length > 0 && upCount === selectors.length,
		phase2Up: upCount,
		phase2Count: selectors.length,
		proxyid: selectors,
	};
}

export async function readTunnels(session: FortiGateSession, vdom: string | undefined, name?: string): Promise<IDataObject[]> {
	const envelopes = await session.request({ method: 'GET', path: IPSEC_PATH, query: { tunnel: name || undefined }, vdom, purpose: readPurpose });
	// Older firmware ignores `tunnel`: filter here as well.
	return recordsOf(envelopes)
		.filter((tunnel) => !name || tunnel.name === name)
		.map(tunnelItem);
}
