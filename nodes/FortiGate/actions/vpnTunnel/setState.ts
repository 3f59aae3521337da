import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { objectNotFound } from '../common/envelopes';
import { vdomFor } from '../common/options';
import { IPSEC_PATH, readTunnels, tunnelNameField } from './common';
import { locatorValue } from '../../../shared/resourceLocator';

export const stateFields: INodeProperties[] = [
	tunnelNameField(true),
	{
		displayName: 'Phase 2 Name',
		name: 'phase2Name',
		type: 'string',
		default: '',
		description: 'One phase 2 selector of the tunnel; empty acts on all of them',
	},
];

/**
 * Brings a tunnel's phase 2 selectors up or down. Selectors already in the
 * wanted state are left alone; the item shows the tunnel as read afterwards
 * (negotiation may still be running when it is read).
 */
export async function setTunnelState(context: IExecuteFunctions, session: FortiGateSession, itemIndex: number, wanted: 'up' | 'down'): Promise<IDataObject[]> {
	const name = locatorValue(context, 'tunnelName', itemIndex);
	const phase2Name = String(context.getNodeParameter('phase2Name', itemIndex, '') ?? '').trim();
	const vdom = vdomFor(context, itemIndex);
	const [tunnel] = name ? await readTunnels(session, vdom, name) : [];
	if (!tunnel) throw objectNotFound('IPsec tunnel', name, vdom, 'Give the phase 1 name as shown in VPN > IPsec Tunnels (case-sensitive). Get Many lists them.');
	const selectors = (tunnel.proxyid as IDataObject[]).filter((selector) => !phase2Name || selector.p2name === phase2Name);
	if (selectors.length === 0) {
		throw new FortinetError({
			kind: 'parameter',
			message: phase2Name ? `The tunnel "${name}" has no phase 2 "${phase2Name}"` : `The tunnel "${name}" has no phase 2 selector to bring ${wanted}`,
			description: phase2Name ? 'Leave Phase 2 Name empty to act on every selector, or check its name with Get Many.' : 'Dial-up tunnels have selectors only while a client is connected.',
		});
	}
	const toChange = selectors.filter((selector) => selector.status !== wanted);
	for (const selector of toChange) {
		await session.request({
			method: 'POST',
			path: `${IPSEC_PATH}/tunnel_${wanted}`,
			body: { p1name: name, p2name: selector.p2name, p2serial: selector.p2serial },
			vdom,
			purpose: { action: `bring the tunnel "${name}" ${wanted}`, permission: { group: 'vpngrp', access: 'read-write' } },
		});
	}
	const [after] = await readTunnels(session, vdom, name);
	return [{ ...(after ?? tunnel), requested: wanted, changedPhase2: toChange.map((selector) => selector.p2name as string) }];
}
