/**
 * Demo accounts of the emulated FortiGate. Printed by `npm run emulator`;
 * they only exist on the emulator.
 */
export type Access = 'none' | 'read' | 'read-write';

/** Access groups of an admin profile; `mnt` is System > Maintenance (sysgrp.mnt, a custom System permission). */
export interface AccessProfile {
	name: string;
	sysgrp: Access;
	netgrp: Access;
	fwgrp: Access;
	authgrp: Access;
	vpngrp: Access;
	mnt: Access;
}

export const SUPER_ADMIN: AccessProfile = { name: 'super_admin', sysgrp: 'read-write', netgrp: 'read-write', fwgrp: 'read-write', authgrp: 'read-write', vpngrp: 'read-write', mnt: 'read-write' };
export const READ_ONLY: AccessProfile = { name: 'read_only', sysgrp: 'read', netgrp: 'read', fwgrp: 'read', authgrp: 'read', vpngrp: 'read', mnt: 'read' };
/** A SOC analyst's profile: may ban IPs and edit addresses, nothing on System. */
export const SOC_ANALYST: AccessProfile = { name: 'soc_analyst', sysgrp: 'none', netgrp: 'read', fwgrp: 'read-write', authgrp: 'read-write', vpngrp: 'read', mnt: 'none' };

export interface Admin {
	username: string;
	password: string;
	profile: AccessProfile;
	/** FortiToken code required after the password (login answer 3). */
	tokenCode?: string;
	/** The password must be changed before the API can be used (login answer 4). */
	passwordChangeRequired?: boolean;
	vdoms: string[];
}

export interface ApiUser {
	name: string;
	key: string;
	profile: AccessProfile;
	/** CIDRs the key is accepted from (`set trusthost`). */
	trustedHosts: string[];
	vdoms: string[];
}

export const DEMO_ADMINS: Admin[] = [
	{ username: 'admin', password: 'Fortinet-Demo-2026', profile: SUPER_ADMIN, vdoms: ['root', 'FG-traffic'] },
	{ username: 'auditor', password: 'Auditor-Demo-2026', profile: READ_ONLY, vdoms: ['root', 'FG-traffic'] },
	{ username: 'mfa-admin', password: 'Mfa-Demo-2026', profile: SUPER_ADMIN, tokenCode: '246810', vdoms: ['root'] },
	{ username: 'new-admin', password: 'New-Demo-2026', profile: SUPER_ADMIN, passwordChangeRequired: true, vdoms: ['root'] },
];

export const DEMO_API_USERS: ApiUser[] = [
	{ name: 'n8n-api', key: 'Hq7x3kNf9wq0d1y8sz5mGjbQk4c8Nn', profile: SUPER_ADMIN, trustedHosts: ['127.0.0.1/32', '::1/128'], vdoms: ['root', 'FG-traffic'] },
	{ name: 'n8n-readonly', key: 'Rk2v9pLm4xT7bq1sW8nZc3dF6gH0jy', profile: READ_ONLY, trustedHosts: ['127.0.0.0/8'], vdoms: ['root', 'FG-traffic'] },
	// Trusted hosts that exclude the n8n host: FortiOS answers 401.
	{ name: 'n8n-remote', key: 'Xb5nQ8wE2rT6yU1iO4pA7sD0fG3hJk', profile: SUPER_ADMIN, trustedHosts: ['10.20.0.0/16'], vdoms: ['root'] },
	{ name: 'n8n-soc', key: 'Sc4nM7bV2xQ9wE5rT1yU8iO3pA6sDf', profile: SOC_ANALYST, trustedHosts: ['127.0.0.1/32'], vdoms: ['root'] },
];

function ipv4ToNumber(ip: string): number | undefined {
	const parts = ip.split('.').map(Number);
	if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)) return undefined;
	return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

export function isTrustedHost(remoteAddress: string, trustedHosts: string[]): boolean {
	const address = remoteAddress.replace(/^::ffff:/, '');
	return trustedHosts.some((cidr) => {
		const [network, bitsText] = cidr.split('/');
		if (network.includes(':')) return address === network;
		const bits = Number(bitsText ?? 32);
		const a = ipv4ToNumber(address);
		const n = ipv4ToNumber(network);
		if (a === undefined || n === undefined) return false;
		const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
		return (a & mask) === (n & mask);
	});
}
