import type { INodeProperties } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';

/** The devices an operation is for, in the two forms FortiManager takes them. */
export interface Targets {
	/** `/sys/proxy/json` targets (fortimanager-jsonrpc.md section 4). */
	proxy: string[];
	/** A script's or an install's `scope`: `{name, vdom}` is a device, `{name}` a group (section 5). */
	scope: Array<{ name: string; vdom?: string }>;
}

/** One entry of `targets`: a device by name, a device group, or every FortiGate of the ADOM. */
export type TargetEntry = { kind: 'device' | 'group'; name: string } | { kind: 'all' };

/**
 * Reads `targets` (DESIGN.md section 2): a comma-separated string, or an
 * array from an expression, of device names, `group:<name>`, or `*` for
 * every FortiGate of the ADOM. Duplicates are dropped.
 */
export function targetEntries(raw: unknown): TargetEntry[] {
	const entries = (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(',')).map((entry) => entry.trim()).filter(Boolean);
	if (entries.length === 0) {
		throw new FortinetError({
			kind: 'parameter',
			message: 'Targets is empty: name the devices to run on',
			description: 'Give device names as FortiManager lists them, group:<group name>, or * for every FortiGate of the ADOM, separated by commas.',
		});
	}
	return [...new Set(entries)].map((entry): TargetEntry => {
		if (entry === '*') return { kind: 'all' };
		if (!/^group:/i.test(entry)) return { kind: 'device', name: entry };
		const group = entry.slice(entry.indexOf(':') + 1).trim();
		if (!group) throw new FortinetError({ kind: 'parameter', message: 'Targets: "group:" needs a group name', description: 'Write group:<name>, for example group:branches.' });
		return { kind: 'group', name: group };
	});
}

/** `targets` in the two forms FortiManager takes them. */
export function readTargets(raw: unknown, adom: string): Targets {
	const base = `adom/${adom}`;
	const targets: Targets = { proxy: [], scope: [] };
	for (const entry of targetEntries(raw)) {
		if (entry.kind === 'all') {
			targets.proxy.push(`${base}/group/All_FortiGate`);
			targets.scope.push({ name: 'All_FortiGate' });
		} else if (entry.kind === 'group') {
			targets.proxy.push(`${base}/group/${entry.name}`);
			targets.scope.push({ name: entry.name });
		} else {
			targets.proxy.push(`${base}/device/${entry.name}`);
			targets.scope.push({ name: entry.name, vdom: 'root' });
		}
	}
	return targets;
}

/** The `targets` parameter of an operation that runs on devices. */
export const targetsField: INodeProperties = {
	displayName: 'Targets',
	name: 'targets',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'fgt-branch-01, group:branches, *',
	description: 'Device names, group:<group name>, or * for every FortiGate of the ADOM, separated by commas (or an array from an expression)',
};
