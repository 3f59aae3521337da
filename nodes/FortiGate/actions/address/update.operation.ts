import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { vdomFor } from '../common/options';
import { entryPath, objectName } from '../common/values';
import { ADDRESS_TABLE, extraFields, findAddress, addressLocator, toCmdbFields, typeOptions, valueFields, writePurpose } from './common';
import { locatorValue } from '../../../shared/resourceLocator';
import { updateDisplayOptions } from '../../../shared/displayOptions';

export const changesDevice = true;

const typeField: INodeProperties = { displayName: 'Type', name: 'type', type: 'options', options: typeOptions, default: 'ipmask', description: 'What the address object matches; changing it needs the value of the new type' };

const properties: INodeProperties[] = [
	addressLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...extraFields, ...valueFields(false), typeField].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['address'], operation: ['update'] } }, properties);

/** Changes the given fields of an address object and returns it as the device now holds it. */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const name = objectName(locatorValue(this, 'name', itemIndex), 'Name');
	const updates = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	if (Object.keys(updates).length === 0) {
		throw new FortinetError({ kind: 'parameter', message: 'No field to update', description: 'Add at least one field under Update Fields.' });
	}
	const vdom = vdomFor(this, itemIndex);
	const path = entryPath(ADDRESS_TABLE, name);
	// A new type must come with its value; a value alone is checked by FortiOS against the object's type.
	const fields = toCmdbFields(updates);
	await session.request({ method: 'PUT', path, body: fields, vdom, purpose: writePurpose(`update the address "${name}"`) });
	return [(await findAddress(session, name, vdom)) ?? { name, ...fields }];
}
