import type { FortiOsProfile } from '../profiles';
import type { Endpoint } from './types';

export interface HaMember {
	serial: string;
	hostname: string;
	priority: number;
	primary: boolean;
	/** The member's configuration checksum; members are in sync when all are equal. */
	checksum: string;
}

export interface FirmwareImage {
	version: string;
	build: number;
	maturity: 'F' | 'M';
}

function parseVersion(version: string): { major: number; minor: number; patch: number } {
	const [major, minor, patch] = version.replace(/^v/, '').split('.').map(Number);
	return { major, minor, patch };
}

function isNewer(a: string, b: string): boolean {
	const [x, y] = [parseVersion(a), parseVersion(b)];
	return (x.major - y.major || x.minor - y.minor || x.patch - y.patch) > 0;
}

/**
 * `system/ha-peer`, `ha-checksums`, `ha-statistics` and `system/firmware`.
 * The cluster is an active-passive pair by default; `ha.members` and
 * `firmware.available` are for tests to change (an empty member list is a
 * standalone unit). 7.6 names the primary `primary` beside the older `master`.
 */
export class HaAndFirmware {
	readonly ha: { members: HaMember[] };
	readonly firmware: { available: FirmwareImage[] };

	constructor(
		private readonly profile: FortiOsProfile,
		hostname: string,
	) {
		this.ha = {
			members: [
				{ serial: profile.serial, hostname, priority: 200, primary: true, checksum: '4f1c4b0bb0a51e8a6c9f2d7e3a1b5c6d' },
				{ serial: `${profile.serial.slice(0, -1)}2`, hostname: `${hostname}-B`, priority: 100, primary: false, checksum: '4f1c4b0bb0a51e8a6c9f2d7e3a1b5c6d' },
			],
		};
		const current = parseVersion(profile.version);
		this.firmware = {
			available: [
				{ version: `v${current.major}.${current.minor}.${current.patch + 2}`, build: profile.build + 120, maturity: 'M' },
				{ version: `v${current.major}.${current.minor + 2}.1`, build: profile.build + 900, maturity: 'F' },
			],
		};
	}

	endpoint(method: string, monitorPath: string): Endpoint | undefined {
		if (method !== 'GET') return undefined;
		const newNames = this.profile.name === '7.6.4';
		const system = { path: 'system', action: 'select', accessGroup: 'sysgrp' as const };
		switch (monitorPath) {
			case 'system/ha-peer':
				return {
					...system,
					name: 'ha-peer',
					results: () => this.ha.members.map((member) => ({ serial_no: member.serial, vcluster_id: 0, priority: member.priority, hostname: member.hostname, master: member.primary, ...(newNames ? { primary: member.primary } : {}) })),
				};
			case 'system/ha-checksums':
				return {
					...system,
					name: 'ha-checksums',
					results: () => this.ha.members.map((member) => ({ serial_no: member.serial, is_manage_master: member.primary ? 1 : 0, is_root_master: member.primary ? 1 : 0, ...(newNames ? { is_root_primary: member.primary ? 1 : 0 } : {}), checksum: { global: member.checksum, root: member.checksum.split('').reverse().join(''), all: member.checksum } })),
				};
			case 'system/ha-statistics':
				return {
					...system,
					name: 'ha-statistics',
					results: () => this.ha.members.map((member, index) => ({ hostname: member.hostname, serial_no: member.serial, tnow: 1_764_220_000, sessions: 1520 - index * 1400, tpacket: 9_021_447, vir_usage: 0, net_usage: 12 - index * 10, cpu_usage: 7 - index * 5, mem_usage: 41 - index * 8, intr_usage: 0, disk_usage: 3, ips_usage: 0 })),
				};
			case 'system/firmware':
				return { ...system, name: 'firmware', accessGroup: 'mnt', results: () => this.firmwareStatus() };
			default:
				return undefined;
		}
	}

	private firmwareStatus(): Record<string, unknown> {
		const image = (version: string, build: number, maturity: string, canUpgrade?: boolean) => ({
			id: `${version}-build${build}`,
			name: 'FortiGate-200F',
			version,
			...parseVersion(version),
			build,
			maturity,
			source: 'fortiguard',
			'release-type': 'GA',
			...(canUpgrade === undefined ? {} : { can_upgrade: canUpgrade, notes: `https://docs.fortinet.com/document/fortigate/${version.slice(1)}/fortios-release-notes` }),
		});
		return {
			current: image(this.profile.version, this.profile.build, 'M'),
			available: this.firmware.available.map((entry) => image(entry.version, entry.build, entry.maturity, isNewer(entry.version, this.profile.version))),
		};
	}
}
