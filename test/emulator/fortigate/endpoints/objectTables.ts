import { Revision, selectRows, type Row } from './cmdb';
import { pathParts, type AccessGroup, type Endpoint } from './types';

/** A FortiOS factory-default object list: names only, the fields a client reads from these tables. */
function rows(list: string[], extra: (name: string) => Row = () => ({})): Row[] {
	return list.map((name) => ({ name, q_origin_key: name, ...extra(name) }));
}

/** Predefined services of a new FortiGate (a subset) and its service groups. */
const SERVICES = ['ALL', 'ALL_TCP', 'ALL_UDP', 'ALL_ICMP', 'PING', 'HTTP', 'HTTPS', 'DNS', 'SSH', 'NTP', 'NFS', 'SMTP', 'SMTPS', 'IMAPS', 'RDP', 'SNMP'];
const SERVICE_GROUPS: Record<string, string[]> = { 'Email Access': ['DNS', 'SMTP', 'SMTPS', 'IMAPS'], 'Web Access': ['DNS', 'HTTP', 'HTTPS'] };
const SCHEDULES = ['always', 'none', 'default-darrp-optimize'];
const PROFILES: Record<string, string[]> = {
	'av-profile': ['default', 'wifi-default'],
	'webfilter-profile': ['default', 'monitor-all'],
	'ips-sensor': ['default', 'all_default'],
	'application-list': ['default', 'block-high-risk'],
	'ssl-ssh-profile': ['certificate-inspection', 'deep-inspection', 'no-inspection'],
};
const ADDRESSES6 = ['all', 'none'];

interface Table {
	path: string;
	name: string;
	accessGroup: AccessGroup;
	rows: (vdom: string) => Row[];
}

/**
 * The read-only CMDB tables a firewall policy refers to: services and
 * service groups, schedules, IPv6 addresses, security profiles, interfaces
 * (a global table: every VDOM's, each with its `vdom`) and zones (none).
 */
export class PolicyObjects {
	private readonly revision = new Revision();
	private readonly tables: Table[];

	constructor(interfacesByVdom: () => Record<string, string[]>) {
		const interfaceRows = () => Object.entries(interfacesByVdom()).flatMap(([vdom, list]) => rows(list, () => ({ vdom })));
		this.tables = [
			{ path: 'firewall.service', name: 'custom', accessGroup: 'fwgrp', rows: () => rows(SERVICES) },
			{ path: 'firewall.service', name: 'group', accessGroup: 'fwgrp', rows: () => Object.entries(SERVICE_GROUPS).map(([name, members]) => ({ name, q_origin_key: name, member: rows(members) })) },
			{ path: 'firewall.schedule', name: 'recurring', accessGroup: 'fwgrp', rows: () => rows(SCHEDULES) },
			{ path: 'firewall', name: 'address6', accessGroup: 'fwgrp', rows: () => rows(ADDRESSES6) },
			...Object.entries(PROFILES).map(([field, list]) => ({ ...profileTable(field), accessGroup: 'fwgrp' as const, rows: () => rows(list) })),
			{ path: 'system', name: 'interface', accessGroup: 'netgrp', rows: () => interfaceRows() },
			{ path: 'system', name: 'zone', accessGroup: 'netgrp', rows: () => [] },
		];
	}

	has(kind: 'service' | 'schedule' | 'address6', name: string): boolean {
		if (kind === 'service') return SERVICES.includes(name) || name in SERVICE_GROUPS;
		return (kind === 'schedule' ? SCHEDULES : ADDRESSES6).includes(name);
	}

	hasProfile(field: string, name: string): boolean {
		return PROFILES[field]?.includes(name) ?? false;
	}

	endpoint(method: string, cmdbPath: string): Endpoint | undefined {
		const parts = pathParts(cmdbPath);
		const table = this.tables.find((candidate) => candidate.path === parts[0] && candidate.name === parts[1]);
		if (method !== 'GET' || !table || parts.length > 3) return undefined;
		const key = parts[2];
		return {
			path: table.path,
			name: table.name,
			accessGroup: table.accessGroup,
			cmdb: true,
			results: ({ vdom, params }) => {
				const all = table.rows(vdom);
				return selectRows(all, key === undefined ? 'table' : all.find((row) => row.name === key), params, this.revision);
			},
		};
	}
}

/** Where each security profile type lives in the CMDB. */
function profileTable(field: string): { path: string; name: string } {
	switch (field) {
		case 'av-profile':
			return { path: 'antivirus', name: 'profile' };
		case 'webfilter-profile':
			return { path: 'webfilter', name: 'profile' };
		case 'ips-sensor':
			return { path: 'ips', name: 'sensor' };
		case 'application-list':
			return { path: 'application', name: 'list' };
		default:
			return { path: 'firewall', name: 'ssl-ssh-profile' };
	}
}
