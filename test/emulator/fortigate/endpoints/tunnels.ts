import { DeviceError, type Endpoint } from './types';

interface Selector {
	p2name: string;
	p2serial: number;
	status: 'up' | 'down';
	expire: number;
	incoming_bytes: number;
	outgoing_bytes: number;
	proxy_src: Array<{ subnet: string; port: number; protocol: number; protocol_name: string }>;
	proxy_dst: Array<{ subnet: string; port: number; protocol: number; protocol_name: string }>;
}

interface Tunnel {
	name: string;
	rgwy: string;
	rport: number;
	type: 'automatic' | 'manual' | 'dialup';
	incoming_bytes: number;
	outgoing_bytes: number;
	creation_time: number;
	connection_count: number;
	proxyid: Selector[];
}

function selector(p2name: string, serial: number, src: string, dst: string, up: boolean): Selector {
	const side = (subnet: string) => [{ subnet, port: 0, protocol: 0, protocol_name: '' }];
	return { p2name, p2serial: serial, status: up ? 'up' : 'down', expire: up ? 3120 : 0, incoming_bytes: up ? 48_213_004 : 0, outgoing_bytes: up ? 9_921_337 : 0, proxy_src: side(src), proxy_dst: side(dst) };
}

/**
 * `vpn/ipsec` per VDOM with phase 1 tunnels and their phase 2 selectors, and
 * `tunnel_up` / `tunnel_down` acting on one selector. Tests change a
 * selector's state with `setSelector`, as a peer going away would.
 */
export class IpsecTunnels {
	private readonly byVdom: Record<string, Tunnel[]> = {
		root: [
			{ name: 'to-branch-1', rgwy: '198.51.100.20', rport: 500, type: 'automatic', incoming_bytes: 48_213_004, outgoing_bytes: 9_921_337, creation_time: 86_214, connection_count: 1, proxyid: [selector('to-branch-1-lan', 1, '10.0.0.0-10.0.255.255', '10.1.0.0-10.1.255.255', true), selector('to-branch-1-voice', 1, '10.0.50.0-10.0.50.255', '10.1.50.0-10.1.50.255', true)] },
			{ name: 'to-aws', rgwy: '203.0.113.80', rport: 4500, type: 'automatic', incoming_bytes: 0, outgoing_bytes: 0, creation_time: 0, connection_count: 0, proxyid: [selector('to-aws-vpc', 1, '10.0.0.0-10.0.255.255', '172.31.0.0-172.31.255.255', false)] },
		],
		'FG-traffic': [{ name: 'partner-x', rgwy: '192.0.2.44', rport: 500, type: 'automatic', incoming_bytes: 1_024, outgoing_bytes: 2_048, creation_time: 3_600, connection_count: 1, proxyid: [selector('partner-x-p2', 1, '10.9.0.0-10.9.0.255', '10.200.0.0-10.200.0.255', true)] }],
	};

	setSelector(tunnel: string, p2name: string, up: boolean, vdom = 'root'): void {
		const found = this.find(vdom, tunnel)?.proxyid.find((entry) => entry.p2name === p2name);
		if (!found) throw new Error(`No phase 2 ${p2name} in tunnel ${tunnel}`);
		Object.assign(found, selector(p2name, found.p2serial, found.proxy_src[0].subnet, found.proxy_dst[0].subnet, up));
	}

	endpoint(method: string, monitorPath: string): Endpoint | undefined {
		const base = { path: 'vpn', name: 'ipsec', accessGroup: 'vpngrp' as const };
		if (method === 'GET' && (monitorPath === 'vpn/ipsec' || monitorPath === 'vpn/ipsec/select')) {
			return {
				...base,
				action: 'select',
				results: ({ vdom, params }) => {
					const wanted = params.get('tunnel');
					return structuredClone((this.byVdom[vdom] ?? []).filter((tunnel) => !wanted || tunnel.name === wanted));
				},
			};
		}
		const action = /^vpn\/ipsec\/(tunnel_up|tunnel_down)$/.exec(monitorPath)?.[1];
		if (method !== 'POST' || !action) return undefined;
		return {
			...base,
			action,
			write: true,
			results: ({ vdom, body }) => {
				const tunnel = this.find(vdom, String(body.p1name ?? ''));
				const target = tunnel?.proxyid.find((entry) => entry.p2name === body.p2name && entry.p2serial === Number(body.p2serial));
				if (!tunnel || !target) throw new DeviceError(404, -3);
				this.setSelector(tunnel.name, target.p2name, action === 'tunnel_up', vdom);
				return {};
			},
		};
	}

	private find(vdom: string, name: string): Tunnel | undefined {
		return (this.byVdom[vdom] ?? []).find((tunnel) => tunnel.name === name);
	}
}
