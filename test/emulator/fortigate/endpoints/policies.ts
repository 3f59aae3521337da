import { Revision, missingReference, names, selectRows, type Row } from './cmdb';
import { DeviceError, pathParts, type Endpoint, type EndpointRequest } from './types';

type Policy = Row & { policyid: number; name: string };

/** What a policy may reference, answered by the tables that hold it. */
export interface PolicyReferenceCheck {
	interface(vdom: string, name: string): boolean;
	/** IPv4 addresses and groups (`srcaddr`, `dstaddr` of `firewall/policy`). */
	address(vdom: string, name: string): boolean;
	/** IPv6 addresses (`srcaddr6`, `dstaddr6`; `srcaddr`, `dstaddr` of `firewall/policy6`). */
	address6(vdom: string, name: string): boolean;
	service(vdom: string, name: string): boolean;
	schedule(vdom: string, name: string): boolean;
	profile(field: string, name: string): boolean;
}

/** fortios-more-operations.md, "Firewall policies": the lists of `{ "name": ... }` and what each refers to. */
const REFERENCE_LISTS: Record<string, keyof PolicyReferenceCheck> = {
	srcintf: 'interface',
	dstintf: 'interface',
	srcaddr: 'address',
	dstaddr: 'address',
	srcaddr6: 'address6',
	dstaddr6: 'address6',
	service: 'service',
};
const PROFILE_FIELDS = ['av-profile', 'webfilter-profile', 'ips-sensor', 'application-list', 'ssl-ssh-profile'];
const CHOICES: Record<string, string[]> = {
	status: ['enable', 'disable'],
	action: ['accept', 'deny', 'ipsec'],
	nat: ['enable', 'disable'],
	logtraffic: ['disable', 'utm', 'all'],
	'utm-status': ['enable', 'disable'],
};

export interface PolicyTableOptions {
	table: 'policy' | 'policy6';
	/** The recorded policies per VDOM, in evaluation order. */
	seed: Record<string, unknown[]>;
	/** A recorded policy whose fields, emptied, are those of a new one. */
	template: Row;
	/** The longest name the firmware accepts ("35 characters on 6.x, more later"). */
	maxNameLength: number;
	references: PolicyReferenceCheck;
}

/**
 * `firewall/policy` (or, before 6.4, `firewall/policy6`) per VDOM, after
 * fortios-more-operations.md "Firewall policies": the array order is the
 * evaluation order; POST appends at the END with the next free id (`mkey`);
 * PUT changes the fields given, or with `?action=move&before|after=<id>`
 * moves; unknown ids answer 404 / -3; names are unique when set; references
 * to missing objects answer -3 with the CLI's text in `cli_error`. A DELETE
 * of the whole table empties it, as FortiOS does for any CMDB table.
 */
export class PolicyTable {
	private readonly byVdom = new Map<string, Policy[]>();
	private readonly recordedIds = new Map<string, Set<number>>();
	private readonly revision = new Revision();
	private readonly blank: Row;

	constructor(private readonly options: PolicyTableOptions) {
		for (const [vdom, rows] of Object.entries(options.seed)) {
			const policies = structuredClone(rows) as Policy[];
			this.byVdom.set(vdom, policies);
			this.recordedIds.set(vdom, new Set(policies.map((policy) => policy.policyid)));
		}
		const blankLists = Object.fromEntries(Object.keys(REFERENCE_LISTS).filter((field) => field in options.template).map((field) => [field, []]));
		this.blank = { ...options.template, ...blankLists, name: '', comments: '', status: 'enable', action: 'deny', nat: 'disable', logtraffic: 'utm', 'utm-status': 'disable' };
	}

	/** The policies of a VDOM in evaluation order, for tests and the statistics. */
	list(vdom = 'root'): Policy[] {
		let rows = this.byVdom.get(vdom);
		if (!rows) this.byVdom.set(vdom, (rows = []));
		return rows;
	}

	/** Ids created since the recording (their statistics start at zero) and recorded ids deleted since. */
	changesSinceRecording(vdom: string): { created: number[]; deleted: number[] } {
		const recorded = this.recordedIds.get(vdom) ?? new Set<number>();
		const now = new Set(this.list(vdom).map((policy) => policy.policyid));
		return { created: [...now].filter((id) => !recorded.has(id)), deleted: [...recorded].filter((id) => !now.has(id)) };
	}

	/** Whether a policy of the VDOM names the object in one of its address lists. */
	references(vdom: string, name: string): boolean {
		return this.list(vdom).some((policy) => ['srcaddr', 'dstaddr', 'srcaddr6', 'dstaddr6'].some((field) => names(policy[field]).includes(name)));
	}

	endpoint(method: string, cmdbPath: string): Endpoint | undefined {
		const [directory, table, id, ...rest] = pathParts(cmdbPath);
		if (directory !== 'firewall' || table !== this.options.table || rest.length > 0) return undefined;
		const results = this.handler(method, id);
		return results && { path: 'firewall', name: this.options.table, accessGroup: 'fwgrp', write: method !== 'GET', cmdb: true, results };
	}

	private handler(method: string, id: string | undefined): ((request: EndpointRequest) => unknown) | undefined {
		switch (method) {
			case 'GET':
				return ({ vdom, params }) => selectRows(this.list(vdom), id === undefined ? 'table' : this.find(vdom, id), params, this.revision);
			case 'POST':
				return id === undefined ? ({ vdom, body }) => this.create(vdom, body) : undefined;
			case 'PUT':
				if (id === undefined) return undefined;
				return ({ vdom, params, body }) => (params.get('action') === 'move' ? this.move(vdom, id, params) : this.update(vdom, id, body));
			case 'DELETE':
				return id === undefined ? ({ vdom }) => this.purge(vdom) : ({ vdom }) => this.delete(vdom, id);
			default:
				return undefined;
		}
	}

	private find(vdom: string, id: string): Policy | undefined {
		return this.list(vdom).find((policy) => String(policy.policyid) === id);
	}

	private existing(vdom: string, id: string): Policy {
		const policy = this.find(vdom, id);
		if (!policy) throw new DeviceError(404, -3);
		return policy;
	}

	private create(vdom: string, body: Row): unknown {
		const rows = this.list(vdom);
		const requestedId = Number(body.policyid ?? 0);
		if (requestedId && rows.some((policy) => policy.policyid === requestedId)) throw new DeviceError(500, -5);
		const policyid = requestedId || Math.max(0, ...rows.map((policy) => policy.policyid)) + 1;
		const policy = this.validated(vdom, { ...structuredClone(this.blank), uuid: uuidFor(vdom, policyid), ...body, policyid, q_origin_key: policyid }, undefined);
		rows.push(policy);
		return this.revision.written(policyid);
	}

	private update(vdom: string, id: string, body: Row): unknown {
		const current = this.existing(vdom, id);
		const { policyid: _id, q_origin_key: _key, ...changes } = body;
		const updated = this.validated(vdom, { ...current, ...changes }, current);
		const rows = this.list(vdom);
		rows[rows.indexOf(current)] = updated;
		return this.revision.written(current.policyid);
	}

	private move(vdom: string, id: string, params: URLSearchParams): unknown {
		const policy = this.existing(vdom, id);
		const where = params.has('before') ? 'before' : params.has('after') ? 'after' : undefined;
		if (!where) throw new DeviceError(500, -651);
		const neighbour = this.existing(vdom, String(params.get(where)));
		const rows = this.list(vdom);
		rows.splice(rows.indexOf(policy), 1);
		rows.splice(rows.indexOf(neighbour) + (where === 'after' ? 1 : 0), 0, policy);
		return this.revision.written(policy.policyid);
	}

	private delete(vdom: string, id: string): unknown {
		const policy = this.existing(vdom, id);
		const rows = this.list(vdom);
		rows.splice(rows.indexOf(policy), 1);
		return this.revision.written(policy.policyid);
	}

	private purge(vdom: string): unknown {
		this.list(vdom).splice(0, Infinity);
		return this.revision.written('');
	}

	/** The checks FortiOS makes before it stores a policy: values, unique name, required lists, existing references. */
	private validated(vdom: string, policy: Row, previous: Policy | undefined): Policy {
		const name = String(policy.name ?? '');
		if (name.length > this.options.maxNameLength) throw new DeviceError(500, -651);
		if (name && this.list(vdom).some((other) => other !== previous && other.name === name)) throw new DeviceError(500, -5);
		for (const [field, allowed] of Object.entries(CHOICES)) {
			if (policy[field] !== undefined && !allowed.includes(String(policy[field]))) throw new DeviceError(500, -651);
		}
		const v6Lists = this.options.table === 'policy6';
		for (const [field, kind] of Object.entries(REFERENCE_LISTS)) {
			if (policy[field] === undefined) continue;
			if (!Array.isArray(policy[field])) throw new DeviceError(500, -651);
			const check = v6Lists && kind === 'address' ? 'address6' : kind;
			const missing = names(policy[field]).find((entry) => !this.options.references[check](vdom, entry));
			if (missing !== undefined) throw missingReference(missing);
			policy[field] = names(policy[field]).map((entry) => ({ name: entry, q_origin_key: entry }));
		}
		const hasAddresses = (side: 'src' | 'dst') => names(policy[`${side}addr`]).length > 0 || names(policy[`${side}addr6`]).length > 0;
		const missingList = ['srcintf', 'dstintf', 'service'].find((field) => names(policy[field]).length === 0) ?? (['src', 'dst'] as const).find((side) => !hasAddresses(side));
		if (missingList !== undefined) {
			const field = missingList === 'src' || missingList === 'dst' ? `${missingList}addr` : missingList;
			throw new DeviceError(424, -651, `attribute '${field}' MUST be set`);
		}
		if (!this.options.references.schedule(vdom, String(policy.schedule ?? ''))) throw missingReference(String(policy.schedule ?? ''));
		for (const field of PROFILE_FIELDS) {
			const profile = String(policy[field] ?? '');
			if (profile && !this.options.references.profile(field, profile)) throw missingReference(profile);
		}
		return policy as Policy;
	}
}

function uuidFor(vdom: string, policyid: number): string {
	const hex = Buffer.from(`${vdom}:${policyid}`).toString('hex').padEnd(32, '0').slice(0, 32);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-51ef-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
