import type { IDataObject } from 'n8n-workflow';

/** EMS sends flags as 0/1 in some places and true/false in others. */
export function flag(value: unknown): boolean {
	return value === true || value === 1 || value === '1' || value === 'true';
}

/**
 * Keeps every field EMS returned and adds `quarantined` and `online` as
 * booleans and `lastSeen` as ISO time (EMS gives epoch seconds). The object
 * comes straight from JSON.parse and belongs to this execution, so it is
 * completed in place: a copy would double the memory of a 50,000-endpoint list.
 */
export function normalizeEndpoint(endpoint: IDataObject): IDataObject {
	const lastSeen = Number(endpoint.last_seen);
	endpoint.quarantined = flag(endpoint.is_quarantined);
	endpoint.online = flag(endpoint.is_ems_online);
	endpoint.lastSeen = Number.isFinite(lastSeen) && lastSeen > 0 ? new Date(lastSeen * 1000).toISOString() : null;
	return endpoint;
}
