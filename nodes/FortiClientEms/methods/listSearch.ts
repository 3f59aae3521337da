import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { withListSession } from '../../shared/listSearch';
import { openEmsSession } from '../actions/router';

/** Endpoints per dropdown page: enough to scroll, few enough to open fast. */
const PAGE = 100;

/**
 * Endpoints for the Device ID dropdown: host name and IP shown, user beside
 * them, the device ID stored. Pages follow EMS's own offset; the search text
 * keeps the endpoints whose host, IP or user contains it. One session per
 * call, logged out.
 */
export async function searchEndpoints(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await withListSession(
		this,
		async (options) => await openEmsSession(this, options),
		async (session) => {
			const offset = Number(paginationToken ?? 0) || 0;
			const { data } = await session.request({ method: 'GET', path: '/api/v1/endpoints/index', query: { offset, count: PAGE }, purpose: { action: 'list endpoints' } });
			const page = ((data as IDataObject | undefined)?.endpoints ?? []) as IDataObject[];
			const total = Number((data as IDataObject | undefined)?.total ?? 0);
			const wanted = (filter ?? '').trim().toLowerCase();
			const results = page
				.filter((endpoint) => !wanted || [endpoint.host, endpoint.ip_addr, endpoint.username].some((field) => String(field ?? '').toLowerCase().includes(wanted)))
				.map((endpoint) => ({ name: `${String(endpoint.host ?? endpoint.device_id)} (${String(endpoint.ip_addr ?? 'no IP')})`, value: String(endpoint.device_id), description: endpoint.username ? `user ${String(endpoint.username)}` : undefined }));
			const next = offset + page.length;
			return { results, paginationToken: page.length > 0 && next < total ? String(next) : undefined };
		},
	);
}
