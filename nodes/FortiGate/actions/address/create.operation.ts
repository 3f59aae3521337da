import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import { outcomeOf } from '../../../shared/outcome';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { vdomFor } from '../common/options';
import { objectName } from '../common/values';
import { isFortiOsError } from '../common/envelopes';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { ADDRESS_TABLE, extraFields, findAddress, toCmdbFields, typeOptions, valueFields, writePurpose } from './common';

export const changesDevice = true;

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'blocked-203.0.113.7',
		description: 'Name of the address object (at most 79 characters)',
	},
	{ displayName: 'Type', name: 'type', type: 'options', options: typeOptions, default: 'ipmask', description: 'What the address object matches' },
	...valueFields(true),
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: extraFields },
];

export const description = updateDisplayOptions({ show: { resource: ['address'], operation: ['create'] } }, properties);

/**
 * Creates an address object. Safe to run again: when an object of that name
 * already holds the same value, the item reports `alreadyExisted: true`
 * instead of failing; a different value is an error that names both.
 */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const name = objectName(this.getNodeParameter('name', itemIndex), 'Name');
	const fields = toCmdbFields({
		type: this.getNodeParameter('type', itemIndex, 'ipmask'),
		...Object.fromEntries(['subnet', 'startIp', 'endIp', 'fqdn', 'country'].map((field) => [field, this.getNodeParameter(field, itemIndex, '')])),
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	});
	const vdom = vdomFor(this, itemIndex);
	const created = await outcomeOf(
		session.request({ method: 'POST', path: `/api/v2/cmdb/${ADDRESS_TABLE}`, body: { name, ...fields }, vdom, purpose: writePurpose(`create the address "${name}"`) }),
	);
	if (!created.ok && !isFortiOsError(created.error, -5)) throw created.error;
	if (!created.ok) {
		// -5: the name is taken. Same value: done already; otherwise say what differs.
		const existing = await findAddress(session, name, vdom);
		const differences = existing ? differencesFrom(existing, fields) : ['it is an address group'];
		if (existing && differences.length === 0) return [{ ...existing, alreadyExisted: true }];
		throw new FortinetError({
			kind: 'device',
			deviceCode: -5,
			message: `"${name}" already exists with another value: ${differences.join(', ')}`,
			description: 'Use the Update operation to change the existing object, or choose another name.',
		});
	}
	const stored = await findAddress(session, name, vdom);
	return [{ ...(stored ?? { name, ...fields }), alreadyExisted: false }];
}

/** Fields the request sets that the existing object holds differently, as "field: has x, wanted y". */
function differencesFrom(existing: IDataObject, wanted: IDataObject): string[] {
	return Object.entries(wanted)
		.filter(([field, value]) => String(existing[field] ?? '') !== String(value))
		.map(([field, value]) => `${field} is "${String(existing[field] ?? '')}", not "${String(value)}"`);
}
