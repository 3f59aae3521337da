import type { IDataObject } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import type { FortiManagerSession } from '../../transport/FortiManagerSession';
import { normaliseDevice } from './devices';
import type { TargetEntry } from './targets';

/** A FortiGate as FortiManager's inventory knows it. */
export interface ManagedFortiGate {
	name: string;
	/** FortiOS version as FortiOS writes it ("v7.2.8"), when the inventory says. */
	version?: string;
	online: boolean;
}

type GroupMember = { name: string; vdom?: unknown };

/**
 * The devices and groups of one ADOM (fortimanager-jsonrpc.md section 3),
 * each read once per execution, and what `targets` names in them.
 */
export class Inventory {
	private devices?: Promise<Map<string, ManagedFortiGate>>;
	private groups?: Promise<Map<string, GroupMember[]>>;

	constructor(
		private readonly session: FortiManagerSession,
		readonly adom: string,
	) {}

	/** The devices the entries name, each once, sorted by name; unknown names and groups are refused. */
	async resolve(entries: TargetEntry[]): Promise<ManagedFortiGate[]> {
		const devices = await this.deviceMap();
		const found = new Map<string, ManagedFortiGate>();
		const unknown: string[] = [];
		for (const entry of entries) {
			const names = entry.kind === 'all' ? [...devices.keys()] : entry.kind === 'group' ? await this.groupDevices(entry.name, new Set()) : [entry.name];
			if (names === undefined) unknown.push(`group "${entry.kind === 'group' ? entry.name : ''}"`);
			for (const name of names ?? []) {
				const device = devices.get(name);
				if (device) found.set(name, device);
				else unknown.push(`device "${name}"`);
			}
		}
		if (unknown.length > 0) {
			throw new FortinetError({
				kind: 'parameter',
				message: `FortiManager has no ${unknown.join(', ')} in ADOM "${this.adom}"`,
				description: 'Nothing was sent. Check the names in Device Manager (they are case-sensitive), or set the ADOM option.',
			});
		}
		return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
	}

	private async deviceMap(): Promise<Map<string, ManagedFortiGate>> {
		this.devices ??= this.session
			.call({ method: 'get', url: `/dvmdb/adom/${encodeURIComponent(this.adom)}/device`, purpose: `list the devices of ADOM "${this.adom}"` })
			.then((records) => {
				const devices = new Map<string, ManagedFortiGate>();
				for (const record of (records ?? []) as IDataObject[]) {
					const device = normaliseDevice(record);
					devices.set(String(device.device), { name: String(device.device), version: device.firmware ? `v${String(device.firmware)}` : undefined, online: device.online === true });
				}
				return devices;
			});
		return await this.devices;
	}

	/** A group's devices, nested groups included (a member without `vdom` is a group); undefined for an unknown group. */
	private async groupDevices(name: string, seen: Set<string>): Promise<string[] | undefined> {
		this.groups ??= this.session
			.call({ method: 'get', url: `/dvmdb/adom/${encodeURIComponent(this.adom)}/group`, params: { option: ['object member'] }, purpose: `list the device groups of ADOM "${this.adom}"` })
			.then((records) => new Map(((records ?? []) as IDataObject[]).map((group) => [String(group.name), (Array.isArray(group['object member']) ? group['object member'] : []) as GroupMember[]])));
		const groups = await this.groups;
		if (name === 'All_FortiGate' && !groups.has(name)) return [...(await this.deviceMap()).keys()];
		const members = groups.get(name);
		if (!members || seen.has(name)) return members ? [] : undefined;
		seen.add(name);
		const names: string[] = [];
		for (const member of members) {
			const nested = member.vdom === undefined && groups.has(member.name) ? await this.groupDevices(member.name, seen) : undefined;
			names.push(...(nested ?? [member.name]));
		}
		return names;
	}
}
