import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import type { FortiManagerSession } from '../../transport/FortiManagerSession';
import { adomFor, getOptions } from '../common/options';
import { proxyToDevices, type DeviceReply } from '../common/proxy';
import { readTargets, targetsField } from '../common/targets';

/** Items run one by one: a POST, PUT or DELETE changes devices. */
export const changesDevice = true;

const show = { resource: ['fortiGateApi'], operation: ['request'] };

export const description: INodeProperties[] = [
	targetsField(show),
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: [
			{ name: 'DELETE', value: 'DELETE' },
			{ name: 'GET', value: 'GET' },
			{ name: 'POST', value: 'POST' },
			{ name: 'PUT', value: 'PUT' },
		],
		default: 'GET',
		description: 'The FortiOS REST method',
		displayOptions: { show },
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '/api/v2/monitor/system/status',
		required: true,
		placeholder: '/api/v2/cmdb/firewall/address',
		description: 'FortiOS REST path under /api/v2/, as on the FortiGate itself',
		displayOptions: { show },
	},
	{
		displayName: 'Query',
		name: 'query',
		type: 'json',
		default: '{}',
		description: 'Query parameters as a JSON object, such as {"vdom": "root"}',
		displayOptions: { show },
	},
	{
		displayName: 'Body',
		name: 'body',
		type: 'json',
		default: '{}',
		description: 'The JSON body FortiOS expects for POST and PUT',
		displayOptions: { show: { ...show, method: ['POST', 'PUT'] } },
	},
];

/**
 * A FortiOS REST call on many FortiGates at once through FortiManager: one
 * item per device with `device`, `success`, `httpStatus` and the FortiOS
 * `results`; a device FortiManager could not reach gives `error`, and does
 * not fail the node.
 */
export async function execute(this: IExecuteFunctions, session: FortiManagerSession, itemIndex: number): Promise<IDataObject[]> {
	const adom = adomFor(this, itemIndex, session.adom);
	const options = getOptions(this, itemIndex);
	const method = this.getNodeParameter('method', itemIndex, 'GET') as 'GET' | 'POST' | 'PUT' | 'DELETE';
	const path = String(this.getNodeParameter('path', itemIndex, '')).trim();
	if (!/^\/api\/v2\/[^?#]+$/.test(path)) {
		throw new FortinetError({ kind: 'parameter', message: `Path must be a FortiOS REST path under /api/v2/, not "${path}"`, description: 'Write it as on the FortiGate, such as /api/v2/monitor/system/status, and put query parameters in Query.' });
	}
	const query = jsonParameter(this.getNodeParameter('query', itemIndex, '{}'), 'Query');
	const body = method === 'POST' || method === 'PUT' ? jsonParameter(this.getNodeParameter('body', itemIndex, '{}'), 'Body') : undefined;
	const search = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)])).toString();
	const replies = await proxyToDevices(session, {
		method,
		resource: search ? `${path}?${search}` : path,
		payload: body,
		targets: readTargets(this.getNodeParameter('targets', itemIndex, ''), adom).proxy,
		timeoutSeconds: Math.min(28_800, Math.max(1, Number(options.proxyTimeout ?? 60))),
	});
	return replies.flatMap((reply) => deviceItems(reply, options.splitResults === true));
}

/** One device's reply as output items: one, or one per result when split. */
function deviceItems(reply: DeviceReply, split: boolean): IDataObject[] {
	if (reply.code !== 0) {
		return [{ device: reply.device, success: false, httpStatus: null, error: `FortiManager could not reach ${reply.device}: ${reply.message || 'no reason given'} (FortiManager ${reply.code})` }];
	}
	const envelope = (typeof reply.response === 'object' && reply.response !== null && !Array.isArray(reply.response) ? reply.response : undefined) as IDataObject | undefined;
	if (!envelope) return [{ device: reply.device, success: true, httpStatus: null, results: reply.response as IDataObject }];
	const httpStatus = typeof envelope.http_status === 'number' ? envelope.http_status : envelope.status === 'success' ? 200 : null;
	const success = envelope.status === 'success' || (httpStatus !== null && httpStatus >= 200 && httpStatus < 300 && envelope.status !== 'error');
	const base: IDataObject = { device: reply.device, success, httpStatus };
	if (!success) {
		return [{ ...base, error: `FortiOS on ${reply.device} answered ${httpStatus ?? 'an error'}${envelope.error !== undefined ? ` (FortiOS error ${String(envelope.error)})` : ''}`, response: envelope }];
	}
	if (split && Array.isArray(envelope.results)) {
		return (envelope.results as unknown[]).map((result) => ({ ...base, ...(typeof result === 'object' && result !== null ? (result as IDataObject) : { result: result as IDataObject }) }));
	}
	return [{ ...base, results: envelope.results as IDataObject, vdom: envelope.vdom ?? null, version: envelope.version ?? null, serial: envelope.serial ?? null }];
}

function jsonParameter(raw: unknown, label: string): IDataObject {
	if (raw === '' || raw === undefined || raw === null) return {};
	if (typeof raw === 'object') return raw as IDataObject;
	try {
		const parsed = JSON.parse(String(raw)) as unknown;
		if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as IDataObject;
	} catch {
		// explained below
	}
	throw new FortinetError({ kind: 'parameter', message: `${label} is not a JSON object`, description: `Write ${label} as a JSON object, such as {"vdom": "root"}.` });
}
