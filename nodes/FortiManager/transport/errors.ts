import { FortinetError } from '../../shared/errors';
import type { FortiManagerAuthType } from './connection';

/** The outcome FortiManager reports for each params item (fortimanager-jsonrpc.md section 1). */
export interface RpcStatus {
	code: number;
	message: string;
}

export interface RpcErrorContext {
	/** Reads as "could not <purpose>". */
	purpose: string;
	url: string;
	authType: FortiManagerAuthType;
	username?: string;
}

/**
 * Explains a non-zero JSON-RPC status in an admin's words (section 1): every
 * code the reference lists, with the fix. FortiManager's own message is kept
 * in the description, as it often names the field at fault.
 */
export function rpcError(status: RpcStatus, context: RpcErrorContext): FortinetError {
	const said = status.message ? ` FortiManager said: "${status.message}".` : '';
	const make = (message: string, description: string) =>
		new FortinetError({ kind: 'device', deviceCode: status.code, message: `${message} (FortiManager ${status.code})`, description: `${description}${said}` });
	const what = `FortiManager could not ${context.purpose}`;
	switch (status.code) {
		case -2:
			return make(`${what}: the object already exists`, 'Use another name, or change the existing object instead.');
		case -3:
			return make(`${what}: it does not exist`, `Check the name and the ADOM (${context.url}).`);
		case -4:
			return make(`${what}: a referenced object could not be resolved`, 'An object the request refers to is missing in this ADOM.');
		case -5:
		case -6:
		case -9:
			return make(`${what}: this FortiManager has no such command or URL (${context.url})`, 'The URL or method does not exist on this FortiManager version, or the ADOM name is wrong. Check the ADOM and the compatibility table in the README.');
		case -7:
		case -8:
		case -10:
			return make(`${what}: FortiManager refused the request's parameters`, 'Check the values given to the node.');
		case -11:
			return make(
				`${what}: no permission`,
				context.authType === 'apiKey'
					? 'The API admin needs JSON API Access (rpc-permit) read-write for changes and proxied writes (read is enough to read), and an admin profile and ADOM access that allow this. Check System Settings > Administrators, or whether the key was regenerated or expired.'
					: `The admin "${context.username ?? ''}" needs JSON API Access (rpc-permit) read-write for changes and proxied writes (read is enough to read), and an admin profile and ADOM access that allow this (System Settings > Administrators). A new login was tried first, so it is not an expired session.`,
			);
		case -12:
			return make(`${what}: the target cannot be connected`, 'FortiManager cannot reach the device (the FGFM tunnel is down). Check Device Manager for the device\'s connection status.');
		case -13:
			return make(`${what}: the data is not ready yet`, 'FortiManager is still collecting it. Try again in a minute.');
		case -14:
			return make(`${what}: no workflow session permission`, 'In workflow mode, changes need a workflow session the admin may open. Use an admin with workflow approval rights, or turn workflow mode off.');
		case -22:
			return make(`FortiManager refused the login of "${context.username ?? ''}"`, 'Check the username and password in the credential. FortiManager locks out admins after repeated failures, so correct the credential before running again.');
		case -10147:
			return make(`${what}: the ADOM is not locked for changes (workspace mode)`, 'In workspace mode changes need the ADOM locked. The node locks it itself; this answer means the lock was lost. Run again, and check that nobody unlocked the ADOM meanwhile.');
		case -20055:
			return make(`${what}: the ADOM is locked by another admin (workspace mode)`, 'Wait until the other admin has committed and unlocked the ADOM, or unlock it in the GUI if that session is gone.');
		default:
			return make(`${what}`, 'Check the parameters; if it persists, check FortiManager\'s event log.');
	}
}

export function notJsonRpc(httpStatus: number, html: boolean): FortinetError {
	return new FortinetError({
		kind: 'response',
		httpStatus,
		message: `FortiManager answered /jsonrpc with ${html ? 'an HTML page' : 'something that is not a JSON-RPC reply'} (HTTP ${httpStatus})`,
		description: 'The Base URL must be the FortiManager itself (https://host[:port]), not FortiAnalyzer, a proxy or the FortiManager Cloud portal.',
	});
}
