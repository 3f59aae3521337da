import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { recordsOf } from '../common/envelopes';

export const BANNED_PATH = '/api/v2/monitor/user/banned';
export const readPurpose = { action: 'list the banned IP addresses', permission: { group: 'authgrp' as const, access: 'read' as const } };
export const writePurpose = (action: string) => ({ action, permission: { group: 'authgrp' as const, access: 'read-write' as const } });

export function ipAddressesField(description: string): INodeProperties {
	return {
		displayName: 'IP Addresses',
		name: 'ipAddresses',
		type: 'string',
		default: '',
		required: true,
		placeholder: '203.0.113.7, 2001:db8::1',
		description,
	};
}

/** The banned list of a VDOM, each entry with readable times: epoch seconds, and 0 for "until released". */
export async function readBanned(session: FortiGateSession, vdom: string | undefined): Promise<IDataObject[]> {
	const envelopes = await session.request({ method: 'GET', path: BANNED_PATH, vdom, purpose: readPurpose });
	return recordsOf(envelopes).map((entry) => ({
		...entry,
		createdAt: epochToIso(entry.created),
		expiresAt: entry.expires === 0 ? null : epochToIso(entry.expires),
	}));
}

function epochToIso(value: unknown): string | null {
	return typeof value === 'number' && value > 0 ? new Date(value * 1000).toISOString() : null;
}
