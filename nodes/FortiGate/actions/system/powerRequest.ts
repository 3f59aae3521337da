import type { ApiRequest } from '../../transport/FortiGateSession';

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
