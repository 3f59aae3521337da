import { FortinetError } from '../../shared/errors';
import type { ApiRequest } from './types';

/**
 * A reboot or shutdown whose bytes never reached the device's TLS connection
 * (the proxy refused or never answered CONNECT, the handshake was reset, the
 * device was unreachable): nothing happened on the device, and saying so is
 * the whole point. It is not retried: the admin decides.
 */
export function powerActionNotSent(request: ApiRequest, cause: unknown): FortinetError {
	const what = request.path.endsWith('/shutdown') ? 'shutdown' : 'reboot';
	const reason = cause instanceof Error ? cause.message : String(cause);
	const fix = cause instanceof FortinetError ? `${cause.description} ` : '';
	return new FortinetError({
		kind: cause instanceof FortinetError && cause.kind === 'timeout' ? 'timeout' : 'connection',
		code: cause instanceof FortinetError ? cause.code : undefined,
		httpStatus: cause instanceof FortinetError ? cause.httpStatus : undefined,
		message: `The ${what} was NOT sent: ${lowerFirst(reason)}`,
		description: `${fix}Nothing reached the FortiGate, so it was not ${what === 'reboot' ? 'rebooted' : 'shut down'}. The node does not retry a ${what} on its own: fix the cause, then run it again.`,
	});
}

/** "The proxy ..." reads on as "the proxy ...", but names such as FortiManager or TLS keep their capitals. */
function lowerFirst(text: string): string {
	return /^[A-Z][a-z]+(?![A-Za-z])/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
