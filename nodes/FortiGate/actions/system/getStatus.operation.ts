import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { updateDisplayOptions } from '../../../shared/displayOptions';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['system'], operation: ['getStatus'] } }, properties);

/**
 * Identity of the device: hostname, model, serial, firmware version and build.
 * FortiOS 6.0 / 6.2 answer `results: {}`; the web UI state fills the gaps.
 */
export async function execute(this: IExecuteFunctions, session: FortiGateSession): Promise<IDataObject[]> {
	return [await readStatus(session)];
}

export async function readStatus(session: FortiGateSession): Promise<IDataObject> {
	const [envelope] = await session.request({
		method: 'GET',
		path: '/api/v2/monitor/system/status',
		vdom: '',
		purpose: { action: 'read the system status', permission: { group: 'any', access: 'read' } },
	});
	let results = (envelope.results ?? {}) as IDataObject;
	if (!results.hostname) {
		const state = await session
			.request({
				method: 'GET',
				path: '/api/v2/monitor/web-ui/state',
				vdom: '',
				purpose: { action: 'read the web UI state', permission: { group: 'any', access: 'read' } },
			})
			.catch(() => undefined);
		results = { ...((state?.[0]?.results ?? {}) as IDataObject), ...results };
	}
	return {
		hostname: results.hostname ?? null,
		model: results.model ?? null,
		modelName: results.model_name ?? null,
		modelNumber: results.model_number ?? null,
		serial: envelope.serial ?? null,
		version: envelope.version ?? null,
		build: envelope.build ?? null,
		logDiskStatus: results.log_disk_status ?? null,
	};
}
