import type { IDataObject } from 'n8n-workflow';
import { FortinetError } from '../../shared/errors';
import { parseJson } from '../../shared/json';
import type { FortiManagerSession } from './FortiManagerSession';

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
	const replies: DeviceReply[] = entries.map((entry) => {
		const status = (entry.status ?? {}) as { code?: unknown; message?: unknown };
		return {
			device: String(entry.target ?? entry.name ?? ''),
			code: typeof status.code === 'number' ? status.code : entry.response !== undefined ? 0 : -1,
			message: String(status.message ?? ''),
			response: parsedResponse(entry.response),
		};
	});
	// A device FortiManager does not know is a refused call, whether it says so for the call or per entry.
	const unknown = replies.filter((reply) => reply.code === -3 || reply.code === -6).map((reply) => reply.device);
	if (unknown.length > 0) {
		throw new FortinetError({
			kind: 'device',
			deviceCode: -3,
			message: `FortiManager does not know the target${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`,
			description: 'Check the device and group names in Device Manager (they are case-sensitive) and the ADOM.',
		});
	}
	// A device named in Targets that FortiManager left out of its answer still gets its item.
	for (const device of namedDevices(request.targets)) {
		if (!replies.some((reply) => reply.device === device)) replies.push({ device, code: -1, message: 'FortiManager returned no answer for this device' });
	}
	return replies.sort((a, b) => a.device.localeCompare(b.device));
}

/** The device names that targets of the form adom/<adom>/device/<name> give. */
function namedDevices(targets: string[]): string[] {
	return targets.map((target) => /(?:^|\/)device\/([^/]+)$/.exec(target)?.[1]).filter((name): name is string => name !== undefined);
}

/** A FortiOS reply passed on as a JSON string is read as the object it holds. */
function parsedResponse(response: unknown): unknown {
	if (typeof response !== 'string') return response;
	const parsed = parseJson(response.trim());
	return typeof parsed === 'object' && parsed !== null ? parsed : response;
}

/** Why FortiManager gave no FortiOS reply for a device, in one sentence. */
export function unreachableReason(reply: DeviceReply): string {
	return `FortiManager could not reach ${reply.device}: ${reply.message || 'no reason given'} (FortiManager ${reply.code})`;
}
