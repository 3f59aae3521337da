import type { IDataObject } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import { outcomeOf } from '../../../shared/outcome';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { recordsOf } from '../common/envelopes';
import type { ListField } from './common';

type Kind = 'interface' | 'address' | 'service';

const KIND_OF: Record<ListField, Kind> = { srcintf: 'interface', dstintf: 'interface', srcaddr: 'address', dstaddr: 'address', service: 'service' };

/** The CMDB tables whose entries a policy may name, with the access group each needs. */
const SOURCES: Record<Kind, Array<{ table: string; group: 'fwgrp' | 'netgrp' }>> = {
	interface: [
		{ table: 'system/interface', group: 'netgrp' },
		{ table: 'system/zone', group: 'netgrp' },
	],
	address: [
		{ table: 'firewall/address', group: 'fwgrp' },
		{ table: 'firewall/addrgrp', group: 'fwgrp' },
	],
	service: [
		{ table: 'firewall.service/custom', group: 'fwgrp' },
		{ table: 'firewall.service/group', group: 'fwgrp' },
	],
};

/**
 * Refuses, before anything is sent, a policy that names interfaces,
 * addresses or services the FortiGate does not have, naming each one: the
 * CMDB's own answer is a bare "entry not found in datasource". Each table is
 * read once per execution. A table the account may not read leaves its
 * names to the FortiGate to judge.
 */
export async function checkReferences(session: FortiGateSession, vdom: string | undefined, lists: Partial<Record<ListField, string[]>>): Promise<void> {
	const missing: string[] = [];
	for (const kind of ['interface', 'address', 'service'] as const) {
		const named = [...new Set(Object.entries(lists).flatMap(([field, names]) => (KIND_OF[field as ListField] === kind ? (names ?? []) : [])))];
		if (named.length === 0) continue;
		const known = await knownNames(session, vdom, kind);
		const absent = known ? named.filter((name) => !known.has(name)) : [];
		if (absent.length > 0) missing.push(`${absent.length === 1 ? kind : `${kind}s`} ${absent.map((name) => `"${name}"`).join(', ')}`);
	}
	if (missing.length > 0) {
		throw new FortinetError({
			kind: 'parameter',
			message: `The FortiGate has no ${missing.join('; no ')}${vdom ? ` in VDOM "${vdom}"` : ''}`,
			description: 'Nothing was changed. Names are case-sensitive: check them in Policy & Objects (addresses, services) and Network > Interfaces, or create the objects first.',
		});
	}
}

/** Every name of a kind, or undefined when one of its tables cannot be read by this account. */
async function knownNames(session: FortiGateSession, vdom: string | undefined, kind: Kind): Promise<Set<string> | undefined> {
	const names = new Set<string>(kind === 'interface' ? ['any'] : []);
	for (const { table, group } of SOURCES[kind]) {
		const rows = await readNames(session, vdom, table, group);
		if (!rows) return undefined;
		for (const row of rows) names.add(String(row.name));
	}
	if (kind === 'interface') {
		// SD-WAN zones (7.0+) are interfaces of policies too; a firmware without the table has none.
		const sdwan = await outcomeOf(session.readOnce({ method: 'GET', path: '/api/v2/cmdb/system/sdwan', vdom, purpose: purposeFor('system/sdwan', 'netgrp') }));
		if (sdwan.ok) {
			// A single-object table: `results` is the SD-WAN settings (a list of one on some builds).
			const settings = sdwan.value.flatMap((envelope) => [envelope.results].flat()) as Array<IDataObject | undefined>;
			for (const zone of settings.flatMap((entry) => (entry?.zone as IDataObject[] | undefined) ?? [])) names.add(String(zone.name));
		} else if (!isAbsentTable(sdwan.error)) return undefined;
	}
	return names;
}

async function readNames(session: FortiGateSession, vdom: string | undefined, table: string, group: 'fwgrp' | 'netgrp'): Promise<IDataObject[] | undefined> {
	const reply = await outcomeOf(session.readOnce({ method: 'GET', path: `/api/v2/cmdb/${table}`, query: { format: 'name' }, vdom, purpose: purposeFor(table, group) }));
	if (reply.ok) return recordsOf(reply.value);
	if (reply.error instanceof FortinetError && reply.error.httpStatus === 403) return undefined;
	throw reply.error;
}

function isAbsentTable(error: unknown): boolean {
	return error instanceof FortinetError && error.httpStatus === 404;
}

function purposeFor(table: string, group: 'fwgrp' | 'netgrp') {
	return { action: `read ${table} to check the policy's names`, permission: { group, access: 'read' as const } };
}
