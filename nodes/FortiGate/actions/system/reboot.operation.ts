import { sleep, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import { outcomeOf } from '../../../shared/outcome';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { getOptions } from '../common/options';
import { eventLogMessageField, powerRequest } from './powerRequest';
import { updateDisplayOptions } from '../../../shared/displayOptions';

/** Items run one by one: a failure must stop every change after it. */
export const changesDevice = true;

const properties: INodeProperties[] = [eventLogMessageField];

export const description = updateDisplayOptions({ show: { resource: ['system'], operation: ['reboot'] } }, properties);

/**
 * Reboots the device. The request is sent exactly once; a dropped connection
 * after sending is how a FortiGate often answers it and counts as success.
 * With "Wait for Online", polls until the device answers and its
 * `utc_last_reboot` has moved, which proves the reboot happened.
 */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const message = String(this.getNodeParameter('eventLogMessage', itemIndex, '') ?? '');
	const options = getOptions(this, itemIndex);
	const waitTimeoutMs = Math.max(1, Number(options.waitTimeout ?? 600)) * 1000;
	const pollIntervalMs = Math.max(0.1, Number(options.pollInterval ?? 10)) * 1000;

	const lastRebootBefore = options.waitForOnline ? await readLastReboot(session).catch(() => undefined) : undefined;
	const requestedAt = Date.now();
	const { connectionDropped } = await session.sendPowerAction(powerRequest('reboot', message));
	const result: IDataObject = {
		rebootInitiated: true,
		connectionDropped,
		requestedAt: new Date(requestedAt).toISOString(),
	};
	if (!options.waitForOnline) return [result];

	const deadline = requestedAt + waitTimeoutMs;
	while (Date.now() < deadline) {
		await sleep(Math.max(0, Math.min(pollIntervalMs, deadline - Date.now())));
		const remaining = deadline - Date.now();
		if (remaining <= 0) break;
		// A booting device answers anything: nothing, resets, 5xx, HTML, 401 until a
		// new login works. All of it means "not back yet" until the wait ends.
		const probe = await outcomeOf(lastRebootBefore === undefined ? readStatusOnce(session, remaining) : readLastReboot(session, Math.min(session.timeoutMs, remaining)));
		if (!probe.ok) continue;
		const lastReboot = probe.value;
		// Without a previous value (no access to the web UI state) an answer is all we can know.
		if (lastRebootBefore === undefined || (lastReboot !== undefined && lastReboot > lastRebootBefore)) {
			return [
				{
					...result,
					backOnline: true,
					rebootConfirmed: lastRebootBefore !== undefined,
					downtimeSeconds: Math.round((Date.now() - requestedAt) / 100) / 10,
					lastRebootAt: lastReboot !== undefined ? new Date(lastReboot).toISOString() : null,
				},
			];
		}
	}
	throw new FortinetError({
		kind: 'timeout',
		message: `The reboot was initiated, but the FortiGate did not come back within ${Math.round(waitTimeoutMs / 1000)} s`,
		description: 'Check the device on its console. A large configuration or a firmware upgrade pending at boot can take longer: raise Wait Timeout.',
	});
}

/** Any answer of the status endpoint, the only sign of life when the web UI state cannot be read. */
async function readStatusOnce(session: FortiGateSession, remainingMs: number): Promise<undefined> {
	await session.request({
		method: 'GET',
		path: '/api/v2/monitor/system/status',
		vdom: '',
		timeoutMs: Math.min(session.timeoutMs, remainingMs),
		purpose: { action: 'read the system status', permission: { group: 'any', access: 'read' } },
	});
	return undefined;
}

/** `utc_last_reboot` (ms) from the web UI state, the proof that a reboot happened. */
async function readLastReboot(session: FortiGateSession, timeoutMs?: number): Promise<number | undefined> {
	const [envelope] = await session.request({
		method: 'GET',
		path: '/api/v2/monitor/web-ui/state',
		vdom: '',
		timeoutMs,
		purpose: { action: 'read the last reboot time', permission: { group: 'any', access: 'read' } },
	});
	const value = (envelope.results as IDataObject | undefined)?.utc_last_reboot;
	return typeof value === 'number' ? value : undefined;
}

