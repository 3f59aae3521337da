import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { listFields } from '../../../shared/listFields';
import { readLimit } from '../../../shared/parameters';
import type { EmsSession } from '../../transport/EmsSession';
import { normalizeEndpoint } from '../common/normalize';
import { updateDisplayOptions } from '../../../shared/displayOptions';

/** Page size asked for; EMS may return fewer (it caps silently), which paging tolerates. */
const PAGE_SIZE = 1000;

const properties: INodeProperties[] = [
	...listFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Connection',
				name: 'connection',
				type: 'options',
				options: [
					{ name: 'Online', value: 'online' },
					{ name: 'Offline', value: 'offline' },
				],
				default: 'online',
				description: 'Whether the endpoint is connected to EMS now (filtered by EMS)',
			},
			{
				displayName: 'Device ID',
				name: 'deviceId',
				type: 'number',
				default: 0,
				description: 'Only the endpoint with this EMS device ID (filtered by EMS)',
			},
			{
				displayName: 'Quarantined',
				name: 'quarantined',
				type: 'options',
				options: [
					{ name: 'Yes', value: 'yes' },
					{ name: 'No', value: 'no' },
				],
				default: 'yes',
				description: 'Whether the endpoint is quarantined. EMS has no such filter: n8n filters the pages it downloads.',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: '10.0.0.15',
				description:
					'Endpoints whose IP address, host name (with or without domain), name, MAC address (any separator) or user is exactly this value, ignoring case. EMS has no such filter: n8n filters the pages it downloads, so a search over many endpoints reads them all.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['endpoint'], operation: ['getMany'] } }, properties);

interface Filters {
	connection?: 'online' | 'offline';
	deviceId?: number;
	quarantined?: 'yes' | 'no';
	search?: string;
}

const macDigits = (value: unknown) => String(value ?? '').toLowerCase().replace(/[^0-9a-f]/g, '');

/**
 * The search is an exact match (case-insensitive) on one of the fields: a
 * quarantine decided on a partial match could isolate the wrong machine
 * (10.0.0.1 is not 10.0.0.15). A host name also matches without its domain.
 */
function matches(endpoint: IDataObject, filters: Filters): boolean {
	if (filters.quarantined && endpoint.quarantined !== (filters.quarantined === 'yes')) return false;
	if (filters.connection && endpoint.online !== (filters.connection === 'online')) return false;
	const needle = (filters.search ?? '').trim().toLowerCase();
	if (!needle) return true;
	const text = (field: string) => String(endpoint[field] ?? '').toLowerCase();
	return (
		['ip_addr', 'host', 'name', 'username'].some((field) => text(field) === needle) ||
		text('host').split('.')[0] === needle ||
		(macDigits(needle).length === 12 && macDigits(endpoint.mac_addr) === macDigits(needle))
	);
}

/**
 * Pages through /endpoints/index with offset and count until offset reaches
 * the total or a page comes back empty. The offset advances by what EMS
 * returned, never by what was asked, so a silent page cap loses nothing.
 */
export async function execute(this: IExecuteFunctions, session: EmsSession, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as Filters;
	const deviceId = Number(filters.deviceId ?? 0) > 0 ? Number(filters.deviceId) : undefined;
	const filtersLocally = Boolean(filters.quarantined || (filters.search ?? '').trim());
	const results: IDataObject[] = [];
	let offset = 0;
	for (;;) {
		const count = limit !== undefined && !filtersLocally ? Math.min(PAGE_SIZE, limit - results.length) : PAGE_SIZE;
		const { data } = await session.request({
			method: 'GET',
			path: '/api/v1/endpoints/index',
			query: { offset, count, connection: filters.connection, device_id: deviceId },
			purpose: { action: 'list endpoints' },
		});
		const page = ((data as IDataObject | undefined)?.endpoints ?? []) as IDataObject[];
		const total = Number((data as IDataObject | undefined)?.total ?? 0);
		for (const endpoint of page) {
			const normalized = normalizeEndpoint(endpoint);
			if (!matches(normalized, filters)) continue;
			results.push(normalized);
			if (limit !== undefined && results.length >= limit) return results;
		}
		offset += page.length;
		if (page.length === 0 || offset >= total) return results;
	}
}
