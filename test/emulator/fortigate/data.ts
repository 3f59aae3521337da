import type { FortiOsProfile } from './profiles';
import { loadFortiOsFixture, resultsByVdom, type Envelope } from './fixtures';
import { AddressBook } from './endpoints/addresses';
import { Automation } from './endpoints/automation';
import { ConfigBackup } from './endpoints/backup';
import { BannedIps } from './endpoints/bannedIps';
import { HaAndFirmware } from './endpoints/haAndFirmware';
import { Interfaces } from './endpoints/interfaces';
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
	readonly addresses = new AddressBook([...VDOMS]);
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
		this.policies = profile.separatePolicy6
			? { ipv4: resultsByVdom('exporter_fw-policy-pre64.jsonnet'), ipv6: resultsByVdom('exporter_fw-policy6-pre64.jsonnet') }
			: { ipv4: resultsByVdom('exporter_fw-policy-v4.jsonnet'), ipv6: resultsByVdom('exporter_fw-policy-v6.jsonnet') };
	}

	endpoint(method: string, path: string): Endpoint | undefined {
		const automation = this.automation.endpoint(method, path);
		if (automation) return automation;
		if (path.startsWith('/api/v2/cmdb/')) return this.addresses.endpoint(method, path.slice('/api/v2/cmdb/'.length));
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

	private policyStats(ipVersion: 'ipv4' | 'ipv6', vdom: string, params: URLSearchParams): unknown[] {
		const all = this.policies[ipVersion][vdom] ?? [];
		const policyId = params.get('policyid');
		return policyId === null ? all : all.filter((policy) => String((policy as { policyid: number }).policyid) === policyId);
	}
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
