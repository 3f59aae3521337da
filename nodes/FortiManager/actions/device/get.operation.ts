import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import { locatorField, locatorValue } from '../../../shared/resourceLocator';
import type { FortiManagerSession } from '../../transport/FortiManagerSession';
import { normaliseDevice } from '../common/devices';
import { adomFor } from '../common/options';
import { updateDisplayOptions } from '../../../shared/displayOptions';

const properties: INodeProperties[] = [
	locatorField({
		displayName: 'Device Name',
		name: 'deviceName',
		searchMethod: 'searchDevices',
		by: 'name',
		placeholder: 'fgt-branch-01',
		description: 'The device as FortiManager names it in Device Manager',
	}),
];

export const description = updateDisplayOptions({ show: { resource: ['device'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, session: FortiManagerSession, itemIndex: number): Promise<IDataObject[]> {
	const adom = adomFor(this, itemIndex, session.adom);
	const name = locatorValue(this, 'deviceName', itemIndex);
	if (!name) throw new FortinetError({ kind: 'parameter', message: 'Device Name is empty', description: 'Give the device name as Device Manager shows it.' });
	const call = { method: 'get' as const, url: `/dvmdb/adom/${encodeURIComponent(adom)}/device/${encodeURIComponent(name)}`, purpose: `read device "${name}"` };
	const result = await session.result(call);
	if (result.status.code === -3) {
		throw new FortinetError({ kind: 'device', deviceCode: -3, message: `FortiManager has no device "${name}" in ADOM "${adom}"`, description: 'Check the name in Device Manager (it is case-sensitive) and the ADOM.' });
	}
	if (result.status.code !== 0) throw session.explain(result.status, call);
	return [{ ...normaliseDevice((result.data ?? {}) as IDataObject), adom }];
}
