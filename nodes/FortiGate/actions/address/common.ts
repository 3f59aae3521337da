import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import { outcomeOf } from '../../../shared/outcome';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { isFortiOsError, recordsOf } from '../common/envelopes';
import { entryPath, toSubnet } from '../common/values';
import { locatorField } from '../../../shared/resourceLocator';

export const ADDRESS_TABLE = 'firewall/address';
export const readPurpose = { action: 'read the address objects', permission: { group: 'fwgrp' as const, access: 'read' as const } };
export const writePurpose = (action: string) => ({ action, permission: { group: 'fwgrp' as const, access: 'read-write' as const } });

export type AddressType = 'ipmask' | 'iprange' | 'fqdn' | 'geography';

/** The address a get, update or delete acts on, picked from the device's list or typed. */
export const addressLocator: INodeProperties = locatorField({
	displayName: 'Name',
	name: 'name',
	searchMethod: 'searchAddresses',
	by: 'name',
	placeholder: 'blocked-203.0.113.7',
	description: 'The address object',
});

/** The value fields of each address type: shown by the chosen type for `create`, all inside `update`'s collection. */
export function valueFields(byType: boolean): INodeProperties[] {
	const forType = (type: AddressType) => (byType ? { displayOptions: { show: { type: [type] } } } : {});
	return [
		{ displayName: 'Subnet', name: 'subnet', type: 'string', default: '', placeholder: '203.0.113.0/24', description: 'An address or subnet: 203.0.113.7, 10.0.0.0/24 or 10.0.0.0 255.255.255.0', ...forType('ipmask') },
		{ displayName: 'Start IP', name: 'startIp', type: 'string', default: '', placeholder: '10.0.0.100', description: 'First IPv4 address of the range', ...forType('iprange') },
		{ displayName: 'End IP', name: 'endIp', type: 'string', default: '', placeholder: '10.0.0.199', description: 'Last IPv4 address of the range', ...forType('iprange') },
		{ displayName: 'FQDN', name: 'fqdn', type: 'string', default: '', placeholder: 'updates.example.com', description: 'A host name the FortiGate resolves and matches by its addresses', ...forType('fqdn') },
		{ displayName: 'Country', name: 'country', type: 'string', default: '', placeholder: 'NL', description: 'Two-letter ISO country code', ...forType('geography') },
	];
}

export const typeOptions = [
	{ name: 'Subnet', value: 'ipmask' },
	{ name: 'IP Range', value: 'iprange' },
	{ name: 'FQDN', value: 'fqdn' },
	{ name: 'Geography', value: 'geography' },
];

export const extraFields: INodeProperties[] = [
	{ displayName: 'Associated Interface', name: 'associatedInterface', type: 'string', default: '', description: 'Interface or zone the object is bound to; empty for any' },
	{ displayName: 'Color', name: 'color', type: 'number', typeOptions: { minValue: 0, maxValue: 32 }, default: 0, description: 'Icon color, 0 for the default' },
	{ displayName: 'Comment', name: 'comment', type: 'string', default: '', description: 'At most 255 characters' },
];

/** Turns the node's field values into the CMDB body, checking each value before anything is sent. */
export function toCmdbFields(values: IDataObject): IDataObject {
	const body: IDataObject = {};
	const type = values.type as AddressType | undefined;
	if (type) body.type = type;
	if (values.subnet !== undefined && values.subnet !== '') body.subnet = toSubnet(values.subnet);
	if (values.startIp) body['start-ip'] = String(values.startIp).trim();
	if (values.endIp) body['end-ip'] = String(values.endIp).trim();
	if (values.fqdn) body.fqdn = String(values.fqdn).trim();
	if (values.country) body.country = String(values.country).trim().toUpperCase();
	if (values.associatedInterface !== undefined) body['associated-interface'] = String(values.associatedInterface);
	if (values.color !== undefined) body.color = Number(values.color);
	if (values.comment !== undefined) body.comment = String(values.comment);
	if (type) requireTypeValue(type, body);
	return body;
}

function requireTypeValue(type: AddressType, body: IDataObject): void {
	const missing = {
		ipmask: body.subnet === undefined && 'Subnet',
		iprange: (!body['start-ip'] || !body['end-ip']) && 'Start IP and End IP',
		fqdn: !body.fqdn && 'FQDN',
		geography: !/^[A-Z]{2}$/.test(String(body.country ?? '')) && 'Country (two letters)',
	}[type];
	if (missing) {
		throw new FortinetError({
			kind: 'parameter',
			message: `An address of type ${type} needs ${missing}`,
			description: `Fill in ${missing}. Nothing was sent to the FortiGate.`,
		});
	}
}

/** One address object as the device holds it, or undefined when there is none. */
export async function findAddress(session: FortiGateSession, name: string, vdom: string | undefined): Promise<IDataObject | undefined> {
	// A name holding "/" cannot be a path; the table filter still finds it.
	const request = name.includes('/')
		? { path: `/api/v2/cmdb/${ADDRESS_TABLE}`, query: { filter: `name==${name}` } }
		: { path: entryPath(ADDRESS_TABLE, name) };
	const reply = await outcomeOf(session.request({ method: 'GET', ...request, vdom, purpose: readPurpose }));
	if (!reply.ok && isFortiOsError(reply.error, -3)) return undefined;
	if (!reply.ok) throw reply.error;
	const [found] = recordsOf(reply.value);
	return found === undefined ? undefined : withoutKeys(found);
}

/** Drops FortiOS's bookkeeping key, which repeats the name. */
export function withoutKeys(record: IDataObject): IDataObject {
	const { q_origin_key: _key, ...rest } = record;
	return rest;
}
