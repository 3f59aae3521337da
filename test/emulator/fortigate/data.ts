import type { FortiOsProfile } from './profiles';
import { loadFortiOsFixture, resultsByVdom, type Envelope } from './fixtures';
import { AddressBook } from './endpoints/addresses';
import { Automation } from './endpoints/automation';
import { ConfigBackup } from './endpoints/backup';
import { BannedIps } from './endpoints/bannedIps';
import { HaAndFirmware } from './endpoints/haAndFirmware';
import { Interfaces } from './endpoints/interfaces';
import { PolicyObjects } from './endpoints/objectTables';
import { PolicyTable } from './endpoints/policies';
import { IpsecTunnels } from './endpoints/tunnels';
import type { Endpoint } from './endpoints/types';

export const VDOMS = Object.freeze(['root', 'FG-traffic']);

type Lease = Record<string, unknown> & { type: string; interface: string };

/**
 * What the emulated FortiGate knows: the recorded replies from
 * test/fixtures/fortios, adapted to the profile where versions differ, and
 * synthetic records where nothing public was recorded (IPv6 leases, a second
 * VDOM's leases, tunnels, interfaces, HA), shaped after Fortinet's API schema.
 * The stateful tables (addresses, banned IPs, tunnels) keep what clients write.
 */
export class FortiGateData {
	utcLastReboot: number;
	readonly hostname: string;
	readonly addresses = new AddressBook([...VDOMS], (vdom, name) => this.firewallPolicies.references(vdom, name));
	/** `firewall/policy`; before 6.4 IPv6 policies are in `policy6` (fortios-more-operations.md, firewall policies). */
	readonly firewallPolicies: PolicyTable;
	readonly firewallPolicies6?: PolicyTable;
	readonly policyObjects: PolicyObjects;
	readonly bannedIps: BannedIps;
	readonly backup: ConfigBackup;
	readonly tunnels = new IpsecTunnels();
	readonly interfaces = new Interfaces();
	readonly haAndFirmware: HaAndFirmware;
	readonly automation: Automation;
	private readonly webUiState = loadFortiOsFixture<Envelope>('exporter_web-ui-state.jsonnet');
	private readonly leases: Record<string, Lease[]>;
	private readonly policies: Record<'ipv4' | 'ipv6', Record<string, unknown[]>>;

	constructor(
		private readonly profile: FortiOsProfile,
		extraLeases: number,
	) {
		// 6.0 reports no hostname in its status; the web UI state's is the device's.
		this.hostname = profile.emptyStatusResults ? String((this.webUiState.results as { hostname: string }).hostname) : `FGT-EMU-${profile.name.replace(/\./g, '')}`;
		this.bannedIps = new BannedIps(profile.bannedCheck);
		this.backup = new ConfigBackup(profile, { hostname: this.hostname, vdoms: [...VDOMS], addressNames: (vdom) => this.addresses.addressNames(vdom) }, [...profile.backupMethods]);
		this.haAndFirmware = new HaAndFirmware(profile, this.hostname);
		this.automation = new Automation(profile.version);
		const state = this.webUiState.results as { utc_last_reboot: number };
		this.utcLastReboot = state.utc_last_reboot;
		const recorded = loadFortiOsFixture<Envelope>('checkmk_monitor_system_dhcp_v7.2.8.json').results as Lease[];
		const rootLeases = recorded.map((lease) => {
			if (!profile.version.startsWith('v6.')) return lease;
			// server_ipam_enabled arrived with 7.x.
			const { server_ipam_enabled: _ipam, ...older } = lease;
			return older as Lease;
		});
		for (let i = 0; i < extraLeases; i++) rootLeases.push(syntheticLease(i));
		this.leases = {
			root: [...rootLeases, ...ipv6Leases('fortilink', 1)],
			'FG-traffic': [syntheticLease(0, 'internal'), syntheticLease(1, 'internal'), ...ipv6Leases('internal', 2)],
		};
		this.policyObjects = new PolicyObjects(() => this.interfaces.namesByVdom());
		const configured = resultsByVdom('exporter_fw-policy-config.jsonnet');
		const template = configured['FG-traffic'][0] as Record<string, unknown>;
		const references = {
			interface: (vdom: string, name: string) => this.interfaces.usableIn(vdom, name),
			address: (vdom: string, name: string) => this.addresses.has(vdom, name),
			address6: (_vdom: string, name: string) => this.policyObjects.has('address6', name),
			service: (_vdom: string, name: string) => this.policyObjects.has('service', name),
			schedule: (_vdom: string, name: string) => this.policyObjects.has('schedule', name),
			profile: (field: string, name: string) => this.policyObjects.hasProfile(field, name),
		};
		const maxNameLength = profile.version.startsWith('v6.') ? 35 : 79;
		this.firewallPolicies = new PolicyTable({ table: 'policy', seed: configured, template, maxNameLength, references });
		if (profile.separatePolicy6) {
			const { srcaddr6: _src, dstaddr6: _dst, ...template6 } = template;
			this.firewallPolicies6 = new PolicyTable({ table: 'policy6', seed: { 'FG-traffic': [policy6Seed(template6)] }, template: template6, maxNameLength, references });
		}
		this.policies = profile.separatePolicy6
			? { ipv4: resultsByVdom('exporter_fw-policy-pre64.jsonnet'), ipv6: resultsByVdom('exporter_fw-policy6-pre64.jsonnet') }
			: { ipv4: resultsByVdom('exporter_fw-policy-v4.jsonnet'), ipv6: resultsByVdom('exporter_fw-policy-v6.jsonnet') };
	}

	endpoint(method: string, path: string): Endpoint | undefined {
		const automation = this.automation.endpoint(method, path);
		if (automation) return automation;
		if (path.startsWith('/api/v2/cmdb/')) return this.cmdbEndpoint(method, path.slice('/api/v2/cmdb/'.length));
		if (!path.startsWith('/api/v2/monitor/')) return undefined;
		const monitorPath = path.slice('/api/v2/monitor/'.length);
		return (
			this.firstEndpoints(method, monitorPath.replace(/\/select$/, '')) ??
			this.bannedIps.endpoint(method, monitorPath) ??
			this.backup.endpoint(method, monitorPath) ??
			this.tunnels.endpoint(method, monitorPath) ??
			this.interfaces.endpoint(method, monitorPath) ??
			this.haAndFirmware.endpoint(method, monitorPath)
		);
	}

	private cmdbEndpoint(method: string, cmdbPath: string): Endpoint | undefined {
		return (
			this.addresses.endpoint(method, cmdbPath) ??
			this.firewallPolicies.endpoint(method, cmdbPath) ??
			this.firewallPolicies6?.endpoint(method, cmdbPath) ??
			this.policyObjects.endpoint(method, cmdbPath)
		);
	}

	/** Status, web UI state, DHCP, policy statistics and the power actions. */
	private firstEndpoints(method: string, monitor: string): Endpoint | undefined {
		if (method === 'GET' && monitor === 'system/status') {
			return { path: 'system', name: 'status', accessGroup: 'any', results: () => this.status() };
		}
		if (method === 'GET' && monitor === 'web-ui/state') {
			return { path: 'web-ui', name: 'state', accessGroup: 'any', results: () => this.state() };
		}
		if (method === 'GET' && monitor === 'system/dhcp') {
			return { path: 'system', name: 'dhcp', action: '', accessGroup: 'netgrp', results: ({ vdom, params }) => this.dhcp(vdom, params) };
		}
		if (method === 'GET' && monitor === 'firewall/policy') {
			return {
				path: 'firewall',
				name: 'policy',
				action: 'select',
				accessGroup: 'fwgrp',
				// Before 6.4 the endpoint knows no ip_version: always IPv4.
				results: ({ vdom, params }) =>
					this.policyStats(this.profile.separatePolicy6 ? 'ipv4' : params.get('ip_version') === 'ipv6' ? 'ipv6' : 'ipv4', vdom, params),
			};
		}
		if (method === 'GET' && monitor === 'firewall/policy6' && this.profile.separatePolicy6) {
			return { path: 'firewall', name: 'policy6', action: 'select', accessGroup: 'fwgrp', results: ({ vdom, params }) => this.policyStats('ipv6', vdom, params) };
		}
		if (method === 'POST' && monitor === 'system/os/reboot') {
			return { path: 'system', name: 'os', action: 'reboot', accessGroup: 'sysgrp', write: true, reboot: true, results: () => ({}) };
		}
		if (method === 'POST' && monitor === 'system/os/shutdown') {
			return { path: 'system', name: 'os', action: 'shutdown', accessGroup: 'sysgrp', write: true, shutdown: true, results: () => ({}) };
		}
		return undefined;
	}

	private status(): Record<string, unknown> {
		if (this.profile.emptyStatusResults) return {};
		return { model_name: 'FortiGate', model_number: '200F', model: 'FGT200F', hostname: this.hostname, log_disk_status: 'available' };
	}

	private state(): Record<string, unknown> {
		return { ...(this.webUiState.results as Record<string, unknown>), utc_last_reboot: this.utcLastReboot, snapshot_utc_time: Date.now() };
	}

	private dhcp(vdom: string, params: URLSearchParams): Lease[] {
		const withIpv6 = params.get('ipv6') === 'true';
		const wantedInterface = params.get('interface');
		return (this.leases[vdom] ?? []).filter(
			(lease) => (withIpv6 || lease.type === 'ipv4') && (!wantedInterface || lease.interface === wantedInterface),
		);
	}

	/**
	 * The recorded statistics, following the configuration: a policy created
	 * since has zero counters, a deleted one has none.
	 */
	private policyStats(ipVersion: 'ipv4' | 'ipv6', vdom: string, params: URLSearchParams): unknown[] {
		const table = ipVersion === 'ipv4' || !this.firewallPolicies6 ? this.firewallPolicies : this.firewallPolicies6;
		const { created, deleted } = table.changesSinceRecording(vdom);
		const recorded = (this.policies[ipVersion][vdom] ?? []).filter((entry) => !deleted.includes((entry as { policyid: number }).policyid));
		const zero = created.map((policyid) => ({ policyid, active_sessions: 0, bytes: 0, packets: 0, hit_count: 0, software_bytes: 0, software_packets: 0 }));
		const all = [...recorded, ...zero];
		const policyId = params.get('policyid');
		return policyId === null ? all : all.filter((policy) => String((policy as { policyid: number }).policyid) === policyId);
	}
}

/** One IPv6 policy before 6.4, where the statistics fixture records policy 1 of FG-traffic. */
function policy6Seed(template: Record<string, unknown>): Record<string, unknown> {
	const list = (name: string) => [{ name, q_origin_key: name }];
	return { ...template, policyid: 1, q_origin_key: 1, name: 'v6-ping', uuid: '5a1d6f3e-9e9d-51ea-1b2c-66c20957b9c0', srcintf: list('port2'), dstintf: list('port3'), srcaddr: list('all'), dstaddr: list('all'), service: list('PING'), action: 'accept' };
}

function syntheticLease(index: number, iface = 'lan'): Lease {
	const octet = 10 + (index % 240);
	const block = Math.floor(index / 240);
	return {
		ip: `192.168.${(block % 250) + 1}.${octet}`,
		reserved: false,
		mac: `02:00:00:${(block % 256).toString(16).padStart(2, '0')}:00:${octet.toString(16).padStart(2, '0')}`,
		hostname: `host-${index}`,
		expire_time: 1724645152 + index,
		status: 'leased',
		interface: iface,
		type: 'ipv4',
		server_mkey: 1,
	};
}

function ipv6Leases(iface: string, count: number): Lease[] {
	return Array.from({ length: count }, (_, index) => ({
		ip: `2001:db8:10::${(index + 1).toString(16)}`,
		reserved: false,
		mac: `02:00:00:00:06:${(index + 1).toString(16).padStart(2, '0')}`,
		hostname: `v6-host-${index + 1}`,
		expire_time: 1724645152,
		status: 'leased',
		interface: iface,
		type: 'ipv6',
		server_mkey: 2,
		duid: `00:01:00:01:2c:00:00:0${index + 1}:02:00:00:00:06:0${index + 1}`,
		iaid: 1000 + index,
	}));
}
