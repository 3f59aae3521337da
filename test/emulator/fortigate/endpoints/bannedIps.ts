import { isIP } from 'node:net';
import { DeviceError, type Endpoint } from './types';

interface BannedIp {
	ip_address: string;
	source: string;
	ipv6: boolean;
	/** Epoch seconds. */
	created: number;
	/** Epoch seconds; 0 when banned until released. */
	expires: number;
}

/**
 * The FortiGate's own quarantine (`user/banned`) per VDOM: add with an
 * expiry, release some or all, list, and `check` on 7.6 only. Entries whose
 * expiry has passed disappear, as on the device.
 */
export class BannedIps {
	private readonly byVdom = new Map<string, Map<string, BannedIp>>();

	constructor(private readonly hasCheck: boolean) {}

	list(vdom = 'root'): BannedIp[] {
		const table = this.table(vdom);
		const now = Math.floor(Date.now() / 1000);
		for (const [ip, entry] of table) if (entry.expires !== 0 && entry.expires <= now) table.delete(ip);
		return [...table.values()].map((entry) => ({ ...entry }));
	}

	/** Bans an address as an IPS or DoS sensor would (for tests that need a ban the node did not make). */
	ban(ip: string, source: string, expirySeconds: number, vdom = 'root'): void {
		const created = Math.floor(Date.now() / 1000);
		this.table(vdom).set(ip, { ip_address: ip, source, ipv6: isIP(ip) === 6, created, expires: expirySeconds === 0 ? 0 : created + expirySeconds });
	}

	endpoint(method: string, monitorPath: string): Endpoint | undefined {
		const base = { path: 'user', name: 'banned', accessGroup: 'authgrp' as const };
		if (method === 'GET' && (monitorPath === 'user/banned' || monitorPath === 'user/banned/select')) {
			return { ...base, action: 'select', results: ({ vdom }) => this.list(vdom) };
		}
		if (method === 'GET' && monitorPath === 'user/banned/check' && this.hasCheck) {
			return {
				...base,
				action: 'check',
				results: ({ vdom, params }) => {
					const ip = params.get('ip_address') ?? '';
					if (!isIP(ip)) throw new DeviceError(424, -651);
					return { ip_address: ip, is_banned: this.list(vdom).some((entry) => entry.ip_address === ip) };
				},
			};
		}
		if (method !== 'POST') return undefined;
		const write = { ...base, write: true };
		switch (monitorPath) {
			case 'user/banned/add_users':
				return {
					...write,
					action: 'add_users',
					results: ({ vdom, body }) => {
						const ips = addresses(body.ip_addresses);
						const expiry = Number(body.expiry ?? 0);
						if (!Number.isInteger(expiry) || expiry < 0) throw new DeviceError(424, -651);
						for (const ip of ips) this.ban(ip, 'admin', expiry, vdom);
						return {};
					},
				};
			case 'user/banned/clear_users':
				return {
					...write,
					action: 'clear_users',
					results: ({ vdom, body }) => {
						for (const ip of addresses(body.ip_addresses)) this.table(vdom).delete(ip);
						return {};
					},
				};
			case 'user/banned/clear_all':
				return {
					...write,
					action: 'clear_all',
					results: ({ vdom }) => {
						this.table(vdom).clear();
						return {};
					},
				};
			default:
				return undefined;
		}
	}

	private table(vdom: string): Map<string, BannedIp> {
		let table = this.byVdom.get(vdom);
		if (!table) this.byVdom.set(vdom, (table = new Map()));
		return table;
	}
}

/** `ip_addresses` of a request: a non-empty list of valid IPv4 or IPv6 addresses, or -651. */
function addresses(value: unknown): string[] {
	if (!Array.isArray(value) || value.length === 0) throw new DeviceError(424, -651);
	const ips = value.map(String);
	if (ips.some((ip) => isIP(ip) === 0)) throw new DeviceError(424, -651);
	return ips;
}
