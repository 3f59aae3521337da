import { FortinetError } from '../../shared/errors';
import { queryString, type HttpResponse } from '../../shared/httpClient';
import type { FortiGateCarrier } from '../../FortiGate/transport/carrier';
import { powerActionNotSent } from '../../FortiGate/transport/powerActions';
import type { ApiRequest } from '../../FortiGate/transport/types';
import type { FortiManagerSession } from './FortiManagerSession';
import { proxyToDevices, unreachableReason, type DeviceReply } from './proxy';

/** FortiManager's wait for one device per proxied call, in seconds (fortimanager-jsonrpc.md section 4: default 60). */
const DEVICE_TIMEOUT_SECONDS = 60;

/**
 * One FortiGate reached through a FortiManager: each request is one `exec
 * /sys/proxy/json` for this device alone, its entry turned back into the
 * HTTP reply the FortiGate gave, so that the FortiGate session reads it as
 * if it came straight from the device. The FortiManager session is the
 * execution's, opened and closed by whoever fans out to the devices.
 */
export class ProxiedFortiGate implements FortiGateCarrier {
	readonly access = 'fortiManager' as const;
	readonly defaultVdom = '';
	readonly knownVersion?: string;
	private readonly target: string;

	constructor(
		private readonly fortiManager: FortiManagerSession,
		readonly device: { name: string; version?: string },
		adom: string,
	) {
		this.knownVersion = device.version;
		this.target = `adom/${adom}/device/${device.name}`;
	}

	async send(request: ApiRequest, vdom: string, options: { binary?: boolean } = {}): Promise<HttpResponse> {
		if (options.binary) {
			throw new FortinetError({
				kind: 'parameter',
				message: 'A file cannot be downloaded through FortiManager',
				description: 'FortiManager\'s /sys/proxy/json carries JSON replies only. Use a FortiGate credential for this device, or FortiManager\'s own revision history.',
			});
		}
		return httpReply(await this.proxy(request, vdom), this.device.name);
	}

	/**
	 * FortiManager cannot say whether a failed entry's request reached the
	 * device, so the device is first shown to answer through FortiManager (a
	 * status read; otherwise the action is NOT sent). After that, a failed
	 * entry is what a reboot's dropped connection looks like: sent.
	 */
	async sendPowerAction(request: ApiRequest): Promise<HttpResponse | 'dropped'> {
		try {
			await this.send({ method: 'GET', path: '/api/v2/monitor/system/status', purpose: { action: 'check that the FortiGate answers' } }, '');
		} catch (error) {
			throw powerActionNotSent(request, error);
		}
		const reply = await this.proxy(request, request.vdom ?? '');
		return reply.code === 0 && reply.response !== undefined ? httpReply(reply, this.device.name) : 'dropped';
	}

	/** The FortiManager session outlives this device: nothing to close here. */
	async close(): Promise<string[]> {
		return [];
	}

	private async proxy(request: ApiRequest, vdom: string): Promise<DeviceReply> {
		const query = queryString({ ...request.query, vdom: vdom || undefined });
		const timeoutSeconds = Math.max(DEVICE_TIMEOUT_SECONDS, Math.ceil((request.timeoutMs ?? 0) / 1000));
		const [reply] = await proxyToDevices(this.fortiManager, {
			method: request.method,
			resource: query ? `${request.path}?${query}` : request.path,
			payload: request.body,
			targets: [this.target],
			timeoutSeconds,
		});
		return reply;
	}
}

/**
 * The FortiGate's reply inside a proxy entry as an HTTP reply: its
 * envelope's `http_status` (FortiManager answers 200 for the call itself),
 * or, for an entry without a response, the reason FortiManager gives.
 */
function httpReply(reply: DeviceReply, device: string): HttpResponse {
	if (reply.code !== 0 || reply.response === undefined) {
		throw new FortinetError({
			kind: 'connection',
			deviceCode: reply.code,
			message: unreachableReason({ ...reply, device }),
			description: 'Check the device\'s connection in Device Manager (it may be down or unreachable from FortiManager), then run the node again.',
		});
	}
	const first = (Array.isArray(reply.response) ? reply.response[0] : reply.response) as { http_status?: unknown; status?: unknown } | undefined;
	const status = typeof first?.http_status === 'number' ? first.http_status : first?.status === 'error' ? 500 : 200;
	const body = typeof reply.response === 'string' ? reply.response : JSON.stringify(reply.response);
	return { status, headers: { 'content-type': typeof reply.response === 'string' ? 'text/plain' : 'application/json' }, body };
}
