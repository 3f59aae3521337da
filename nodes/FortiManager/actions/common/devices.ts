import type { IDataObject } from 'n8n-workflow';
import { isOneOf } from './enums';

const HA_MODES: Readonly<Record<string, string>> = Object.freeze({ '0': 'standalone', '1': 'a-p', '2': 'a-a', '3': 'elbc', '4': 'dual', '5': 'fmg-enabled', ap: 'a-p', aa: 'a-a', 'a-p': 'a-p', 'a-a': 'a-a', standalone: 'standalone' });

/**
 * A `dvmdb` device record (fortimanager-jsonrpc.md section 3) with the
 * fields a workflow wants in plain form, numeric or verbose enums alike,
 * and the raw record beside them.
 */
export function normaliseDevice(record: IDataObject): IDataObject {
	const major = parseInt(String(record.os_ver ?? ''), 10);
	const firmware = Number.isFinite(major) ? [major, record.mr ?? 0, record.patch ?? 0].join('.') : null;
	const haRaw = String(record.ha_mode ?? '').trim().toLowerCase();
	return {
		device: record.name,
		online: isOneOf(record.conn_status, [1], ['up']),
		configInSync: isOneOf(record.conf_status, [1], ['insync', 'in sync', 'in_sync', 'synchronized']),
		firmware,
		build: record.build ?? null,
		serial: record.sn ?? null,
		model: record.platform_str ?? null,
		ip: record.ip ?? null,
		hostname: record.hostname ?? null,
		haMode: HA_MODES[haRaw] ?? (haRaw || null),
		vdoms: Array.isArray(record.vdom) ? (record.vdom as IDataObject[]).map((vdom) => vdom.name) : [],
		raw: record,
	};
}

/** Whether a name matches a pattern with `*` wildcards (case-insensitive). */
export function matchesPattern(name: string, pattern: string): boolean {
	const expression = pattern
		.split('*')
		.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
		.join('.*');
	return new RegExp(`^${expression}$`, 'i').test(name);
}
