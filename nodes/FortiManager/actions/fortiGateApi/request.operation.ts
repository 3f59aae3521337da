import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { apiRequestFields, readApiRequest } from '../../../shared/apiRequest';
import type { FortiManagerSession } from '../../transport/FortiManagerSession';
import { adomFor, getOptions } from '../common/options';
import { proxyToDevices, unreachableReason, type DeviceReply } from '../../transport/proxy';
import { readTargets, targetsField } from '../common/targets';
import { updateDisplayOptions } from '../../../shared/displayOptions';

/** Items run one by one: a POST, PUT or DELETE changes devices. */
export const changesDevice = true;

const properties: INodeProperties[] = [targetsField, ...apiRequestFields];

export const description = updateDisplayOptions({ show: { resource: ['fortiGateApi'], operation: ['request'] } }, properties);

/**
 * A FortiOS REST call on many FortiGates at once through FortiManager: one
 * item per device with `device`, `success`, `httpStatus` and the FortiOS
 * `results`; a device FortiManager could not reach gives `error`, and does
 * not fail the node.
 */
export async function execute(this: IExecuteFunctions, session: FortiManagerSession, itemIndex: number): Promise<IDataObject[]> {
	const adom = adomFor(this, itemIndex, session.adom);
	const options = getOptions(this, itemIndex);
	const { method, path, query, body } = readApiRequest(this, itemIndex);
	const search = new URLSearchParams(query).toString();
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
		return [{ device: reply.device, success: false, httpStatus: null, error: unreachableReason(reply) }];
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
