import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { listFields } from '../../../shared/listFields';
import { readLimit } from '../../../shared/parameters';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { vdomFor } from '../common/options';
import { readTunnels, tunnelNameField } from './common';
import { locatorValue } from '../../../shared/resourceLocator';
import { updateDisplayOptions } from '../../../shared/displayOptions';

const properties: INodeProperties[] = [tunnelNameField(false), ...listFields];

export const description = updateDisplayOptions({ show: { resource: ['vpnTunnel'], operation: ['getMany'] } }, properties);

/** One item per IPsec tunnel with its state derived from the phase 2 selectors. */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const name = locatorValue(this, 'tunnelName', itemIndex);
	const limit = readLimit(this, itemIndex);
	const tunnels = await readTunnels(session, vdomFor(this, itemIndex), name);
	return limit === undefined ? tunnels : tunnels.slice(0, limit);
}
