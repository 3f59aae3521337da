import type { Endpoint } from './types';

interface Port {
	id: string;
	name: string;
	alias: string;
	mac: string;
	ip: string;
	mask: number;
	link: boolean;
	speed: number;
	duplex: number;
	tx_packets: number;
	rx_packets: number;
	tx_bytes: number;
	rx_bytes: number;
	tx_errors: number;
	rx_errors: number;
	vlanid?: number;
	/** Not in the reply: which query flag makes the entry appear. */
	kind: 'physical' | 'vlan' | 'aggregate';
}

function port(name: string, index: number, ip: string, mask: number, extra: Partial<Port> = {}): Port {
	const hex = index.toString(16).padStart(2, '0');
	const traffic = (index + 1) * 1_000_003;
	return { id: name, name, alias: '', mac: `04:d5:90:2a:11:${hex}`, ip, mask, link: true, speed: 1000, duplex: 1, tx_packets: traffic, rx_packets: traffic * 2, tx_bytes: traffic * 900, rx_bytes: traffic * 1400, tx_errors: 0, rx_errors: 0, kind: 'physical', ...extra };
}

/**
 * `system/interface`: `results` is an object keyed by interface name, VLANs
 * only with `include_vlan=true` and aggregates only with
 * `include_aggregate=true`, per VDOM. Tests pull a link down with `setLink`.
 */
export class Interfaces {
	private readonly byVdom: Record<string, Port[]> = {
		root: [
			port('wan1', 1, '198.51.100.2', 29, { alias: 'ISP-A' }),
			port('wan2', 2, '0.0.0.0', 0, { link: false, speed: 0, duplex: 0, tx_packets: 0, rx_packets: 0, tx_bytes: 0, rx_bytes: 0 }),
			port('lan', 3, '10.0.0.1', 16),
			port('dmz', 4, '10.0.1.1', 24, { rx_errors: 12 }),
			port('lan.100', 5, '10.0.100.1', 24, { kind: 'vlan', vlanid: 100, alias: 'voice' }),
			port('agg1', 6, '10.0.200.1', 24, { kind: 'aggregate', speed: 2000 }),
		],
		// port2 and port3 are the interfaces the recorded FG-traffic policies use.
		'FG-traffic': [port('internal', 7, '192.168.1.99', 24), port('port2', 9, '10.8.0.1', 24), port('port3', 8, '10.9.0.1', 24)],
	};

	/** Interface names per VDOM, for the CMDB's interface table. */
	namesByVdom(): Record<string, string[]> {
		return Object.fromEntries(Object.entries(this.byVdom).map(([vdom, ports]) => [vdom, ports.map((entry) => entry.name)]));
	}

	/** Whether a policy of the VDOM may use the name as interface: its own ports, or "any". */
	usableIn(vdom: string, name: string): boolean {
		return name === 'any' || (this.byVdom[vdom] ?? []).some((entry) => entry.name === name);
	}

	setLink(name: string, up: boolean, vdom = 'root'): void {
		const found = this.byVdom[vdom]?.find((entry) => entry.name === name);
		if (!found) throw new Error(`No interface ${name}`);
		found.link = up;
		found.speed = up ? 1000 : 0;
	}

	endpoint(method: string, monitorPath: string): Endpoint | undefined {
		if (method !== 'GET' || (monitorPath !== 'system/interface' && monitorPath !== 'system/interface/select')) return undefined;
		return {
			path: 'system',
			name: 'interface',
			action: 'select',
			accessGroup: 'netgrp',
			results: ({ vdom, params }) => {
				const wanted = params.get('interface_name');
				const shown = (entry: Port) =>
					(entry.kind === 'physical' || (entry.kind === 'vlan' && params.get('include_vlan') === 'true') || (entry.kind === 'aggregate' && params.get('include_aggregate') === 'true')) &&
					(!wanted || entry.name === wanted);
				return Object.fromEntries(
					(this.byVdom[vdom] ?? []).filter(shown).map(({ kind: _kind, ...entry }) => [entry.name, entry]),
				);
			},
		};
	}
}
