import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { matching, withListSession } from '../../shared/listSearch';
import { normaliseDevice } from '../actions/common/devices';
import { chosenAdom } from '../actions/common/options';
import { onScriptTable } from '../actions/script/scriptTable';
import { readFortiManagerConnection } from '../transport/connection';
import { FortiManagerSession } from '../transport/FortiManagerSession';

/** A list read in the ADOM of the node's ADOM option (else the credential's), narrowed to the search text. */
async function listed(context: ILoadOptionsFunctions, filter: string | undefined, read: (session: FortiManagerSession, adom: string) => Promise<INodeListSearchItems[]>): Promise<INodeListSearchResult> {
	const options = (context.getCurrentNodeParameter('options') ?? {}) as IDataObject;
	const results = await withListSession(
		context,
		async (options) => await FortiManagerSession.open(readFortiManagerConnection(await context.getCredentials('fortiManagerApi')), options),
		async (session) => await read(session, chosenAdom(options, session.adom)),
	);
	return matching(results, filter);
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

export async function searchScripts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await listed(this, filter, async (session, adom) => {
		const { data } = await onScriptTable(session, adom, (url) => ({ method: 'get', url, purpose: `list the CLI scripts of ADOM "${adom}"` }));
		return ((data ?? []) as IDataObject[]).map((script) => ({
			name: String(script.name),
			value: String(script.name),
			description: [script.desc, script.target === 'remote_device' ? 'runs on the devices' : script.target ? `runs on the ${String(script.target).replace('_', ' ')}` : ''].filter(Boolean).join(' · ') || undefined,
		}));
	});
}
