import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import { outcomeOf } from '../../../shared/outcome';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { isFortiOsError, recordsOf } from '../common/envelopes';
import { vdomFor } from '../common/options';
import { entryPath, objectName } from '../common/values';
import { ADDRESS_TABLE, addressLocator, readPurpose, writePurpose } from './common';
import { locatorValue } from '../../../shared/resourceLocator';
import { updateDisplayOptions } from '../../../shared/displayOptions';

export const changesDevice = true;

const properties: INodeProperties[] = [addressLocator];

export const description = updateDisplayOptions({ show: { resource: ['address'], operation: ['delete'] } }, properties);

/**
 * Deletes one address object by name (never the whole table: FortiOS purges
 * every unreferenced object on a DELETE without a name). An object already
 * gone is reported, not failed; one still in use names what uses it.
 */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const name = objectName(locatorValue(this, 'name', itemIndex), 'Name');
	const vdom = vdomFor(this, itemIndex);
	const deleted = await outcomeOf(
		session.request({ method: 'DELETE', path: entryPath(ADDRESS_TABLE, name), vdom, purpose: writePurpose(`delete the address "${name}"`) }),
	);
	if (deleted.ok) return [{ name, deleted: true, existed: true }];
	if (isFortiOsError(deleted.error, -3)) return [{ name, deleted: false, existed: false }];
	if (isFortiOsError(deleted.error, -23)) throw await inUseError(session, name, vdom);
	throw deleted.error;
}

/** Error -23 with the address groups and policies that reference the object, as far as the account can read them. */
async function inUseError(session: FortiGateSession, name: string, vdom: string | undefined): Promise<FortinetError> {
	const refersTo = (list: unknown) => Array.isArray(list) && list.some((entry) => (entry as IDataObject).name === name);
	const users: string[] = [];
	for (const group of await readOrEmpty(session, 'firewall/addrgrp', vdom)) {
		if (refersTo(group.member)) users.push(`address group "${String(group.name)}"`);
	}
	for (const policy of await readOrEmpty(session, 'firewall/policy', vdom)) {
		if (refersTo(policy.srcaddr) || refersTo(policy.dstaddr)) {
			users.push(`firewall policy ${String(policy.policyid)}${policy.name ? ` ("${String(policy.name)}")` : ''}`);
		}
	}
	return new FortinetError({
		kind: 'device',
		deviceCode: -23,
		message: `"${name}" is still in use${users.length ? ` by ${users.join(', ')}` : ''} (FortiOS error -23)`,
		description: users.length
			? 'Remove it from those first (Remove Members for a group), then delete it.'
			: 'Something other than an address group or firewall policy uses it (a VIP, a route, a shaping rule). In the GUI, the Ref. column of Policy & Objects > Addresses shows what.',
	});
}

/** A table's rows, or none when the account may not read it: the -23 error stays useful either way. */
async function readOrEmpty(session: FortiGateSession, table: string, vdom: string | undefined): Promise<IDataObject[]> {
	const reply = await outcomeOf(session.request({ method: 'GET', path: `/api/v2/cmdb/${table}`, vdom, purpose: readPurpose }));
	return reply.ok ? recordsOf(reply.value) : [];
}
