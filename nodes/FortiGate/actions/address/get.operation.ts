import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { objectNotFound } from '../common/envelopes';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { vdomFor } from '../common/options';
import { objectName } from '../common/values';
import { findAddress, addressLocator } from './common';
import { locatorValue } from '../../../shared/resourceLocator';
import { updateDisplayOptions } from '../../../shared/displayOptions';

const properties: INodeProperties[] = [addressLocator];

export const description = updateDisplayOptions({ show: { resource: ['address'], operation: ['get'] } }, properties);

/** One address object with every field FortiOS returns, and its VDOM. */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const name = objectName(locatorValue(this, 'name', itemIndex), 'Name');
	const vdom = vdomFor(this, itemIndex);
	const found = await findAddress(session, name, vdom);
	if (!found) throw objectNotFound('address object', name, vdom, 'Names are case-sensitive. Use Get Many to list the address objects.');
	return [found];
}
