import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { FortiManagerSession } from '../../transport/FortiManagerSession';
import { updateDisplayOptions } from '../../../shared/displayOptions';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['system'], operation: ['getStatus'] } }, properties);

/**
 * `get /sys/status`; an admin without system rights gets -11 there, so the
 * same facts are read from /cli/global/system/status (fortimanager-jsonrpc.md section 3).
 */
export async function readFortiManagerStatus(session: FortiManagerSession): Promise<IDataObject> {
	const primary = { method: 'get' as const, url: '/sys/status', purpose: 'read the FortiManager status' };
	const first = await session.result(primary);
	const data =
		first.status.code === 0
			? first.data
			: first.status.code === -11
				? await session.call({ method: 'get', url: '/cli/global/system/status', purpose: 'read the FortiManager status' })
				: (() => {
						throw session.explain(first.status, primary);
					})();
	const status = (data ?? {}) as IDataObject;
	return {
		hostname: status.Hostname ?? status.hostname ?? null,
		version: status.Version ?? status.version ?? null,
		serial: status['Serial Number'] ?? status.serial ?? null,
		platform: status['Platform Type'] ?? null,
		adomsEnabled: /enable/i.test(String(status['Admin Domain Configuration'] ?? '')),
		haMode: status['HA Mode'] ?? null,
		raw: status,
	};
}

export async function execute(this: IExecuteFunctions, session: FortiManagerSession): Promise<IDataObject[]> {
	return [await readFortiManagerStatus(session)];
}
