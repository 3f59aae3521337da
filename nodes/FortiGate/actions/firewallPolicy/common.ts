import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import { outcomeOf } from '../../../shared/outcome';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { isBefore, isFortiOsError, objectNotFound, recordsOf } from '../common/envelopes';
import { locatorField } from '../../../shared/resourceLocator';

/** fortios-more-operations.md, "Firewall policies"; before 6.4 IPv6 policies have their own table. */
export const POLICY_TABLE = 'firewall/policy';
export const POLICY6_TABLE = 'firewall/policy6';
export const readPurpose = { action: 'read the firewall policies', permission: { group: 'fwgrp' as const, access: 'read' as const } };
export const writePurpose = (action: string) => ({ action, permission: { group: 'fwgrp' as const, access: 'read-write' as const } });

/** The lists of `{ "name": ... }` a policy matches on, and what each names. */
export const LIST_FIELDS = ['srcintf', 'dstintf', 'srcaddr', 'dstaddr', 'service'] as const;
export type ListField = (typeof LIST_FIELDS)[number];
const ADDRESS6_FIELDS = ['srcaddr6', 'dstaddr6'] as const;

export function policyIdField(description = 'The firewall policy (its ID is the ID column of Policy & Objects > Firewall Policy)'): INodeProperties {
	return locatorField({
		displayName: 'Policy',
		name: 'policyId',
		searchMethod: 'searchPolicies',
		by: 'id',
		placeholder: '12',
		description,
	});
}

/** A policy ID from a parameter: a whole number from 1; policy 0 is the implicit deny, which is no CMDB entry. */
export function policyIdOf(raw: unknown, label = 'Policy ID'): number {
	const text = String(raw ?? '').trim();
	if (!/^\d+$/.test(text)) {
		throw new FortinetError({ kind: 'parameter', message: `${label} must be a whole number, not "${text}"`, description: 'Give the policy ID shown in the ID column of Policy & Objects > Firewall Policy.' });
	}
	if (Number(text) === 0) {
		throw new FortinetError({
			kind: 'parameter',
			message: `${label} 0 is the implicit deny, which FortiOS does not store as a policy`,
			description: 'It cannot be read or changed through the configuration. Its hit counts are in Get Statistics.',
		});
	}
	return Number(text);
}

/** Changes need one VDOM: with * the same ID would name a different policy in each. */
export function vdomForChange(vdom: string | undefined): string | undefined {
	if (vdom?.includes('*') || vdom?.includes(',')) {
		throw new FortinetError({ kind: 'parameter', message: `Firewall policies are changed in one VDOM at a time, not "${vdom}"`, description: 'Set the VDOM option to one VDOM name, or leave it empty for the credential\'s.' });
	}
	return vdom;
}

function listNames(value: unknown): string[] {
	return Array.isArray(value) ? value.map((entry) => String((entry as IDataObject).name)) : [];
}

/** Where a policy was read: its table, and the FortiOS version of the reply. */
export interface PolicySource {
	table?: typeof POLICY_TABLE | typeof POLICY6_TABLE;
	version?: string;
}

/** Which IP versions a policy matches: its table before 6.4 (whatever `srcaddr6` says there), its address lists from 6.4. */
function ipVersionOf(raw: IDataObject, { table, version }: PolicySource): 'ipv4' | 'ipv6' | 'both' {
	if (table === POLICY6_TABLE) return 'ipv6';
	if (hasPolicy6Table(version)) return 'ipv4';
	const v4 = listNames(raw.srcaddr).length > 0;
	const v6 = listNames(raw.srcaddr6).length > 0;
	return v4 && v6 ? 'both' : v6 ? 'ipv6' : 'ipv4';
}

/**
 * A policy as an item: its place in the evaluation order (`position`, 1 =
 * matched first), the fields admins filter on with plain name lists (like
 * Address Group members), and every field as FortiOS sent it in `raw`.
 */
export function policyItem(raw: IDataObject, position: number, source: PolicySource): IDataObject {
	const { q_origin_key: _key, vdom, ...fields } = raw;
	const lists = Object.fromEntries([...LIST_FIELDS, ...ADDRESS6_FIELDS].filter((field) => field in fields).map((field) => [field, listNames(fields[field])]));
	return {
		policyid: fields.policyid,
		name: fields.name ?? '',
		position,
		ipVersion: ipVersionOf(raw, source),
		status: fields.status,
		action: fields.action,
		...lists,
		schedule: fields.schedule,
		nat: fields.nat,
		logtraffic: fields.logtraffic,
		comments: fields.comments ?? '',
		vdom: vdom ?? null,
		raw: fields,
	};
}

/** Policies of one table in evaluation order: the array order IS the order FortiOS matches. */
export interface PolicyOrder {
	ids: number[];
	names: string[];
	version?: string;
}

/** The evaluation order of a VDOM's policies, read cheaply (IDs and names only). */
export async function readOrder(session: FortiGateSession, vdom: string | undefined): Promise<PolicyOrder> {
	const envelopes = await session.request({ method: 'GET', path: `/api/v2/cmdb/${POLICY_TABLE}`, query: { format: 'policyid|name' }, vdom, purpose: readPurpose });
	const records = recordsOf(envelopes);
	return { ids: records.map((record) => Number(record.policyid)), names: records.map((record) => String(record.name ?? '')), version: envelopes[0]?.version };
}

/** One policy's fields, or FortiOS error -3 in the admin's words. */
export async function readPolicy(session: FortiGateSession, policyId: number, vdom: string | undefined): Promise<IDataObject> {
	const reply = await outcomeOf(session.request({ method: 'GET', path: `/api/v2/cmdb/${POLICY_TABLE}/${policyId}`, vdom, purpose: readPurpose }));
	if (!reply.ok && !isFortiOsError(reply.error, -3)) throw reply.error;
	const [policy] = reply.ok ? recordsOf(reply.value) : [];
	if (policy) return policy;
	throw policyNotFound(policyId, vdom);
}

export function policyNotFound(policyId: number, vdom: string | undefined): FortinetError {
	return objectNotFound('firewall policy', String(policyId), vdom, 'Check the ID in Policy & Objects > Firewall Policy (the ID column; IDs do not follow the order). IPv6 policies of FortiOS before 6.4 are read-only here.');
}

/** A policy's item with its position, read fresh after a change. */
export async function currentPolicyItem(session: FortiGateSession, policyId: number, vdom: string | undefined): Promise<IDataObject> {
	const policy = await readPolicy(session, policyId, vdom);
	const order = await readOrder(session, vdom);
	return policyItem(policy, order.ids.indexOf(policyId) + 1, { version: order.version });
}

/** Whether the firmware keeps IPv6 policies in their own table (before 6.4). */
export function hasPolicy6Table(version: string | undefined): boolean {
	return isBefore(version, 6, 4);
}
