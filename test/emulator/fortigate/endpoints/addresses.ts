import { createHash } from 'node:crypto';
import { Revision, missingReference, names, selectRows } from './cmdb';
import { DeviceError, WithFields, pathParts, type Endpoint, type EndpointRequest } from './types';

type Row = Record<string, unknown> & { name: string };
/** Whether a firewall policy of the VDOM references an address or group by name. */
export type PolicyReferences = (vdom: string, name: string) => boolean;
type Group = Row & { member: Array<{ name: string; q_origin_key?: string }> };

/** FortiOS's limit of members per address group. */
const MAX_GROUP_MEMBERS = 600;
const MAX_NAME_LENGTH = 79;

/** Every field a CMDB GET returns for an address, with FortiOS's defaults. */
function addressDefaults(name: string): Row {
	return {
		name,
		q_origin_key: name,
		uuid: uuidFor(name),
		type: 'ipmask',
		subnet: '0.0.0.0 0.0.0.0',
		'start-ip': '0.0.0.0',
		'end-ip': '0.0.0.0',
		fqdn: '',
		country: '',
		comment: '',
		'associated-interface': '',
		color: 0,
	};
}

function uuidFor(name: string): string {
	const hex = createHash('sha1').update(name).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-51ef-${hex.slice(12, 16)}-${hex.slice(16, 28)}`;
}

const SEED_ADDRESSES: Array<Partial<Row> & { name: string }> = [
	{ name: 'all' },
	{ name: 'none', subnet: '0.0.0.0 255.255.255.255' },
	{ name: 'login.microsoft.com', type: 'fqdn', fqdn: 'login.microsoft.com' },
	{ name: 'gmail.com', type: 'fqdn', fqdn: 'gmail.com' },
	{ name: 'web-server', subnet: '10.0.1.10 255.255.255.255', comment: 'DMZ web server' },
];

/**
 * `firewall/address` and `firewall/addrgrp` of every VDOM, persisting across
 * calls, with the CMDB error envelopes (-5 duplicate, -3 missing, -23 in use,
 * -4 table full) and the references policies and groups hold. The group
 * "dmz-servers" references "web-server"; in VDOM FG-traffic the recorded
 * policies reference the two FQDN objects. Firewall policies live in their
 * own table; this one asks it whether a policy uses an object.
 */
export class AddressBook {
	private readonly addresses = new Map<string, Map<string, Row>>();
	private readonly groups = new Map<string, Map<string, Group>>();
	private readonly revision = new Revision();

	constructor(
		vdoms: string[],
		private readonly usedByPolicy: PolicyReferences,
	) {
		for (const vdom of vdoms) {
			this.addresses.set(vdom, new Map(SEED_ADDRESSES.map((seed) => [seed.name, { ...addressDefaults(seed.name), ...seed }])));
			this.groups.set(vdom, new Map([['dmz-servers', this.newGroup('dmz-servers', ['web-server'])]]));
		}
	}

	/** The names of the objects in a VDOM, for tests. */
	addressNames(vdom = 'root'): string[] {
		return [...this.table(this.addresses, vdom).keys()];
	}

	/** Whether an address or group of that name exists in the VDOM (firewall policies reference both). */
	has(vdom: string, name: string): boolean {
		return this.table(this.addresses, vdom).has(name) || this.table(this.groups, vdom).has(name);
	}

	groupMembers(group: string, vdom = 'root'): string[] | undefined {
		return this.table(this.groups, vdom).get(group)?.member.map((member) => member.name);
	}

	endpoint(method: string, cmdbPath: string): Endpoint | undefined {
		const parts = pathParts(cmdbPath);
		if (parts[0] !== 'firewall') return undefined;
		const write = method !== 'GET';
		const base = { path: 'firewall', accessGroup: 'fwgrp' as const, write, cmdb: true };
		if (parts[1] === 'address') {
			const handler = this.addressHandler(method, parts.slice(2));
			return handler && { ...base, name: 'address', results: handler };
		}
		if (parts[1] === 'addrgrp') {
			const handler = this.groupHandler(method, parts.slice(2));
			return handler && { ...base, name: 'addrgrp', results: handler };
		}
		return undefined;
	}

	private addressHandler(method: string, keys: string[]): ((request: EndpointRequest) => unknown) | undefined {
		if (keys.length > 1) return undefined;
		const [name] = keys;
		switch (method) {
			case 'GET':
				return ({ vdom, params }) => this.select(this.table(this.addresses, vdom), name, params);
			case 'POST':
				return name === undefined ? ({ vdom, body }) => this.createAddress(vdom, body) : undefined;
			case 'PUT':
				return name === undefined ? undefined : ({ vdom, body }) => this.updateAddress(vdom, name, body);
			case 'DELETE':
				// A DELETE on the table purges every unreferenced object, as FortiOS does.
				return name === undefined ? ({ vdom }) => this.purgeAddresses(vdom) : ({ vdom }) => this.deleteAddress(vdom, name);
			default:
				return undefined;
		}
	}

	private groupHandler(method: string, keys: string[]): ((request: EndpointRequest) => unknown) | undefined {
		const [name, subTable, member] = keys;
		if (subTable !== undefined) {
			if (subTable !== 'member' || keys.length > 3) return undefined;
			if (method === 'GET') return ({ vdom }) => this.group(vdom, name).member;
			if (method === 'POST' && member === undefined) return ({ vdom, body }) => this.addMember(vdom, name, String(body.name ?? ''));
			if (method === 'DELETE' && member !== undefined) return ({ vdom }) => this.removeMember(vdom, name, member);
			return undefined;
		}
		switch (method) {
			case 'GET':
				return ({ vdom, params }) => this.select(this.table(this.groups, vdom), name, params);
			case 'POST':
				return name === undefined ? ({ vdom, body }) => this.createGroup(vdom, body) : undefined;
			case 'PUT':
				return name === undefined ? undefined : ({ vdom, body }) => this.updateGroup(vdom, name, body);
			case 'DELETE':
				return name === undefined ? undefined : ({ vdom }) => this.deleteGroup(vdom, name);
			default:
				return undefined;
		}
	}

	private table<T>(tables: Map<string, Map<string, T>>, vdom: string): Map<string, T> {
		let table = tables.get(vdom);
		if (!table) tables.set(vdom, (table = new Map()));
		return table;
	}

	private select(table: Map<string, Row>, name: string | undefined, params: URLSearchParams): WithFields {
		return selectRows([...table.values()], name === undefined ? 'table' : table.get(name), params, this.revision);
	}

	private createAddress(vdom: string, body: Record<string, unknown>): WithFields {
		const table = this.table(this.addresses, vdom);
		const name = validName(body.name);
		if (table.has(name) || this.table(this.groups, vdom).has(name)) throw new DeviceError(500, -5);
		table.set(name, addressRow(name, body));
		return this.written(name);
	}

	private updateAddress(vdom: string, name: string, body: Record<string, unknown>): WithFields {
		const table = this.table(this.addresses, vdom);
		const existing = table.get(name);
		if (!existing) throw new DeviceError(404, -3);
		const { name: _ignored, ...changes } = body;
		table.set(name, addressRow(name, { ...existing, ...changes }));
		return this.written(name);
	}

	private deleteAddress(vdom: string, name: string): WithFields {
		const table = this.table(this.addresses, vdom);
		if (!table.has(name)) throw new DeviceError(404, -3);
		if (this.isReferenced(vdom, name)) throw new DeviceError(500, -23);
		table.delete(name);
		return this.written(name);
	}

	private purgeAddresses(vdom: string): WithFields {
		const table = this.table(this.addresses, vdom);
		for (const name of [...table.keys()]) if (!this.isReferenced(vdom, name)) table.delete(name);
		return this.written('');
	}

	private isReferenced(vdom: string, name: string): boolean {
		const inGroup = [...this.table(this.groups, vdom).values()].some((group) => group.member.some((member) => member.name === name));
		return inGroup || this.usedByPolicy(vdom, name);
	}

	private newGroup(name: string, members: string[], comment = ''): Group {
		return { name, q_origin_key: name, uuid: uuidFor(`grp:${name}`), member: members.map((member) => ({ name: member, q_origin_key: member })), comment, color: 0, type: 'default', exclude: 'disable' };
	}

	private group(vdom: string, name: string): Group {
		const group = this.table(this.groups, vdom).get(name);
		if (!group) throw new DeviceError(404, -3);
		return group;
	}

	private checkMembers(vdom: string, members: string[]): void {
		// A group must keep at least one member ("attribute 'member' MUST be set").
		if (members.length === 0) throw new DeviceError(424, -651);
		if (members.length > MAX_GROUP_MEMBERS) throw new DeviceError(500, -4);
		// A reference to a missing object: "entry not found in datasource".
		const missing = members.find((member) => !this.has(vdom, member));
		if (missing !== undefined) throw missingReference(missing);
	}

	private createGroup(vdom: string, body: Record<string, unknown>): WithFields {
		const name = validName(body.name);
		const table = this.table(this.groups, vdom);
		if (table.has(name) || this.table(this.addresses, vdom).has(name)) throw new DeviceError(500, -5);
		const members = names(body.member);
		this.checkMembers(vdom, members);
		table.set(name, this.newGroup(name, members, String(body.comment ?? '')));
		return this.written(name);
	}

	private updateGroup(vdom: string, name: string, body: Record<string, unknown>): WithFields {
		const group = this.group(vdom, name);
		if (body.member !== undefined) {
			const members = names(body.member);
			this.checkMembers(vdom, members);
			group.member = members.map((member) => ({ name: member, q_origin_key: member }));
		}
		if (body.comment !== undefined) group.comment = String(body.comment);
		return this.written(name);
	}

	private deleteGroup(vdom: string, name: string): WithFields {
		this.group(vdom, name);
		if (this.isReferenced(vdom, name)) throw new DeviceError(500, -23);
		this.table(this.groups, vdom).delete(name);
		return this.written(name);
	}

	private addMember(vdom: string, groupName: string, member: string): WithFields {
		const group = this.group(vdom, groupName);
		if (group.member.some((entry) => entry.name === member)) throw new DeviceError(500, -5);
		this.checkMembers(vdom, [...group.member.map((entry) => entry.name), member]);
		group.member.push({ name: member, q_origin_key: member });
		return this.written(member);
	}

	private removeMember(vdom: string, groupName: string, member: string): WithFields {
		const group = this.group(vdom, groupName);
		if (!group.member.some((entry) => entry.name === member)) throw new DeviceError(404, -3);
		if (group.member.length === 1) throw new DeviceError(424, -651);
		group.member = group.member.filter((entry) => entry.name !== member);
		return this.written(member);
	}

	private written(mkey: string): WithFields {
		return this.revision.written(mkey);
	}
}

function validName(value: unknown): string {
	const name = String(value ?? '');
	if (!name || name.length > MAX_NAME_LENGTH) throw new DeviceError(500, -651);
	return name;
}

/** A CMDB address row from a request body, with the value checks FortiOS makes (-651 invalid value). */
function addressRow(name: string, body: Record<string, unknown>): Row {
	const row: Row = { ...addressDefaults(name), ...body, name, q_origin_key: name };
	switch (row.type) {
		case 'ipmask':
			if (!/^\d{1,3}(\.\d{1,3}){3} \d{1,3}(\.\d{1,3}){3}$/.test(String(row.subnet))) throw new DeviceError(500, -651);
			break;
		case 'iprange':
			if (!row['start-ip'] || !row['end-ip']) throw new DeviceError(500, -651);
			break;
		case 'fqdn':
			if (!row.fqdn) throw new DeviceError(500, -651);
			break;
		case 'geography':
			if (!/^[A-Z]{2}$/.test(String(row.country))) throw new DeviceError(500, -651);
			break;
		default:
			throw new DeviceError(500, -651);
	}
	return row;
}
