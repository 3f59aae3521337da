import type { INodeProperties } from 'n8n-workflow';
import type { ApiRequest } from '../../transport/FortiGateSession';

export const eventLogMessageField: INodeProperties = {
	displayName: 'Event Log Message',
	name: 'eventLogMessage',
	type: 'string',
	default: '',
	placeholder: 'Scheduled maintenance reboot by n8n',
	description: 'Text the FortiGate writes to its event log with the reboot or shutdown',
};

/** The reboot or shutdown request, with the message the FortiGate writes to its event log. */
export function powerRequest(action: 'reboot' | 'shutdown', eventLogMessage: string): ApiRequest {
	return {
		method: 'POST',
		path: `/api/v2/monitor/system/os/${action}`,
		body: { event_log_message: eventLogMessage },
		vdom: '',
		purpose: {
			action: action === 'reboot' ? 'reboot the FortiGate' : 'shut down the FortiGate',
			permission: { group: 'sysgrp', access: 'read-write' },
		},
	};
}
