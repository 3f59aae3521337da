import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { listFields } from '../../../shared/listFields';
import { readLimit } from '../../../shared/parameters';
import type { FortiManagerSession } from '../../transport/FortiManagerSession';
import { matchesPattern, normaliseDevice } from '../common/devices';
import { adomFor } from '../common/options';
import { updateDisplayOptions } from '../../../shared/displayOptions';

const properties: INodeProperties[] = [
	...listFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Connection',
				name: 'connection',
				type: 'options',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'Up', value: 'up' },
					{ name: 'Down', value: 'down' },
				],
				default: 'any',
				description: 'Only devices FortiManager can reach now (up), or cannot (down)',
			},
			{ displayName: 'Firmware Version', name: 'firmware', type: 'string', default: '', placeholder: '7.2', description: 'Only devices whose FortiOS version starts with this, such as 7.2 or 7.2.8' },
			{ displayName: 'Name Pattern', name: 'namePattern', type: 'string', default: '', placeholder: 'fgt-branch-*', description: 'Only devices whose name matches; * matches anything' },
			{ displayName: 'Platform', name: 'platform', type: 'string', default: '', placeholder: 'FortiGate-60F', description: 'Only devices of this model (platform_str), case-insensitive' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['device'], operation: ['getMany'] } }, properties);

/** The ADOM's devices, one item each, filtered by what an admin asks most. */
export async function execute(this: IExecuteFunctions, session: FortiManagerSession, itemIndex: number): Promise<IDataObject[]> {
	const adom = adomFor(this, itemIndex, session.adom);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const limit = readLimit(this, itemIndex);
	const records = (await session.call({ method: 'get', url: `/dvmdb/adom/${encodeURIComponent(adom)}/device`, purpose: `list the devices of ADOM "${adom}"` })) as IDataObject[] | undefined;
	const devices = (records ?? []).map(normaliseDevice).filter((device) => {
		if (filters.connection === 'up' && !device.online) return false;
		if (filters.connection === 'down' && device.online) return false;
		if (filters.namePattern && !matchesPattern(String(device.device), String(filters.namePattern))) return false;
		if (filters.platform && String(device.model ?? '').toLowerCase() !== String(filters.platform).toLowerCase()) return false;
		if (filters.firmware && !`${String(device.firmware)}.`.startsWith(`${String(filters.firmware).replace(/^v/i, '').replace(/\.$/, '')}.`)) return false;
		return true;
	});
	return (limit === undefined ? devices : devices.slice(0, limit)).map((device) => ({ ...device, adom }));
}
