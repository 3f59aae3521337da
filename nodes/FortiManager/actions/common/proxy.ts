import type { IDataObject } from 'n8n-workflow';
import type { FortiManagerSession } from '../../transport/FortiManagerSession';

/** What one device answered to a proxied FortiOS call, or why it did not. */
export interface DeviceReply {
	device: string;
	/** FortiManager's status for this device: 0 when it reached the device. */
	code: number;
	message: string;
	/** The FortiOS reply as the device sent it (an envelope, a list of envelopes, or text). */
	response?: unknown;
}

export interface ProxyRequest {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	/** `/api/v2/...` with its query string (the VDOM goes there). */
	resource: string;
	payload?: unknown;
	targets: string[];
	/** FortiManager's wait for each device, in seconds (7.0.1+; default 60, at most 28800). */
	timeoutSeconds: number;
}

/**
 * One `exec /sys/proxy/json` call for all targets (fortimanager-jsonrpc.md
 * section 4). A refused call (permission, an unknown target) throws; a device
 * FortiManager could not reach is an entry with a non-zero code, as are
 * entries in any order, which come back sorted by device name.
 */
export async function proxyToDevices(session: FortiManagerSession, request: ProxyRequest): Promise<DeviceReply[]> {
	const data = await session.call({
		method: 'exec',
		url: '/sys/proxy/json',
		data: {
			action: request.method.toLowerCase(),
			resource: request.resource,
			...(request.payload !== undefined && request.method !== 'GET' ? { payload: request.payload } : {}),
			target: request.targets,
			timeout: request.timeoutSeconds,
		},
		// FortiManager answers when the slowest device has answered or timed out.
		timeoutMs: Math.max(session.timeoutMs, (request.timeoutSeconds + 15) * 1000),
		purpose: `send ${request.method} ${request.resource.split('?')[0]} to ${request.targets.join(', ')}`,
	});
	const entries = (Array.isArray(data) ? data : data ? [data] : []) as IDataObject[];
	return entries
		.map((entry) => {
			const status = (entry.status ?? {}) as { code?: unknown; message?: unknown };
			return {
				device: String(entry.target ?? entry.name ?? ''),
				code: typeof status.code === 'number' ? status.code : entry.response !== undefined ? 0 : -1,
				message: String(status.message ?? ''),
				response: entry.response,
			};
		})
		.sort((a, b) => a.device.localeCompare(b.device));
}
