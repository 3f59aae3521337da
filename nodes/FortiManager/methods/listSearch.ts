import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { toNodeError } from '../../shared/nodeErrors';
import { Redactor } from '../../shared/redactor';
import { normaliseDevice } from '../actions/common/devices';
import { readFortiManagerConnection } from '../transport/connection';
import { FortiManagerSession } from '../transport/FortiManagerSession';
import { locatorText } from '../../shared/resourceLocator';

const LIST_TIMEOUT_MS = 15_000;

/** One FortiManager session per list, logged out; a failure is what the dropdown shows. */
async function listed(context: ILoadOptionsFunctions, filter: string | undefined, read: (session: FortiManagerSession, adom: string) => Promise<INodeListSearchItems[]>): Promise<INodeListSearchResult> {
	const redactor = new Redactor();
	try {
		const session = await FortiManagerSession.open(readFortiManagerConnection(await context.getCredentials('fortiManagerApi')), { timeoutMs: LIST_TIMEOUT_MS, redactor });
		try {
			const options = (context.getCurrentNodeParameter('options') ?? {}) as IDataObject;
			const results = await read(session, locatorText(options.adom) || session.adom);
			const wanted = (filter ?? '').trim().toLowerCase();
			return { results: wanted ? results.filter((entry) => entry.name.toLowerCase().includes(wanted)) : results };
		} finally {
			await session.close();
		}
	} catch (error) {
		throw toNodeError(context.getNode(), error, redactor);
	}
}

export async function searchDevices(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await listed(this, filter, async (session, adom) => {
		const records = (await session.call({ method: 'get', url: `/dvmdb/adom/${encodeURIComponent(adom)}/device`, purpose: `list the devices of ADOM "${adom}"` })) as IDataObject[] | undefined;
		return (records ?? []).map(normaliseDevice).map((device) => ({
			name: String(device.device),
			value: String(device.device),
			description: [device.model, device.firmware ? `FortiOS ${String(device.firmware)}` : '', device.online ? 'online' : 'not reachable'].filter(Boolean).join(' · '),
		}));
	});
}

export async function searchGroups(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await listed(this, filter, async (session, adom) => {
		const groups = (await session.call({ method: 'get', url: `/dvmdb/adom/${encodeURIComponent(adom)}/group`, purpose: `list the device groups of ADOM "${adom}"` })) as IDataObject[] | undefined;
		return (groups ?? []).map((group) => ({ name: String(group.name), value: String(group.name), description: group.desc ? String(group.desc) : undefined }));
	});
}

export async function searchAdoms(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await listed(this, filter, async (session) => {
		const adoms = (await session.call({ method: 'get', url: '/dvmdb/adom', purpose: 'list the ADOMs' })) as IDataObject[] | undefined;
		return (adoms ?? []).map((adom) => ({ name: String(adom.name), value: String(adom.name), description: adom.desc ? String(adom.desc) : undefined }));
	});
}
