import { FortinetError } from '../../shared/errors';
import type { FortiGateAccess } from './carrier';

/** What a request is for, so that a refusal can name the missing permission. */
export interface RequestPurpose {
	/** Reads as "could not <action>", e.g. "reboot the FortiGate". */
	action: string;
	/** Admin-profile access group and level the endpoint needs (Fortinet's "Access Group"). */
	permission?: { group: PermissionGroup; access: 'read' | 'read-write' };
}

export type PermissionGroup = 'sysgrp' | 'sysgrp.mnt' | 'netgrp' | 'fwgrp' | 'authgrp' | 'vpngrp' | 'any';

const GROUP_LABELS: Readonly<Record<string, string>> = Object.freeze({
	sysgrp: 'System (sysgrp)',
	'sysgrp.mnt': 'System > Maintenance (sysgrp.mnt)',
	authgrp: 'User & Authentication (authgrp)',
	netgrp: 'Network (netgrp)',
	fwgrp: 'Firewall (fwgrp)',
	vpngrp: 'VPN (vpngrp)',
	any: 'any',
});

/** Whose admin profile a 403 is about. */
const PROFILE_OF: Readonly<Record<FortiGateAccess, string>> = Object.freeze({
	apiKey: 'the REST API admin profile',
	adminLogin: 'the admin profile',
	fortiManager: 'the profile of the admin FortiManager uses on this FortiGate',
});

export interface HttpErrorContext {
	status: number;
	/** Whose refusal it is: the API key's, the admin's, or FortiManager's account on the device. */
	access: FortiGateAccess;
	method: string;
	path: string;
	vdom?: string;
	purpose: RequestPurpose;
	/** FortiOS `error` code from a JSON error envelope, when there was one. */
	deviceCode?: number;
}

/** Explains a FortiGate HTTP refusal in the admin's words (DESIGN.md section 5). */
export function fortiGateHttpError(context: HttpErrorContext): FortinetError {
	const { status, purpose } = context;
	const where = `${context.method} ${context.path}`;
	const base = { kind: 'http' as const, httpStatus: status, deviceCode: context.deviceCode };
	const permission = purpose.permission;
	const permissionText = permission
		? `${GROUP_LABELS[permission.group]}: ${permission.access === 'read-write' ? 'Read/Write' : 'Read'}`
		: undefined;

	switch (status) {
		case 401:
			if (context.access === 'fortiManager') {
				return new FortinetError({
					...base,
					message: `401 through FortiManager: the FortiGate refused the account FortiManager uses on it (could not ${purpose.action})`,
					description: 'FortiManager reaches each FortiGate with the admin account the device was added with. Refresh or re-authorize the device in Device Manager.',
				});
			}
			if (context.access === 'apiKey') {
				return new FortinetError({
					...base,
					message: `401 with API key: the FortiGate refused the key (could not ${purpose.action})`,
					description:
						'Either the key is wrong, or this n8n host\'s address is not in the REST API admin\'s Trusted Hosts (config system api-user, set trusthost). Regenerate the key under System > Administrators if unsure. This node sends the key only in the Authorization header, never in a URL; guides that put it in the URL as access_token fail on FortiOS 7.4.5+ and 7.6.1+.',
				});
			}
			return new FortinetError({
				...base,
				message: `401: the FortiGate ended the admin session (could not ${purpose.action})`,
				description: 'The session expired (admintimeout) or was closed by another admin, and logging in again did not help. Check the event log for admin logouts and the admin\'s Trusted Hosts.',
			});
		case 403:
			return new FortinetError({
				...base,
				message: `403 on ${purpose.action}: ${PROFILE_OF[context.access]} lacks ${permissionText ?? 'the required'} access`,
				description: `Give the account's admin profile ${permissionText ?? 'the permission this operation needs'} (System > Admin Profiles), or use an account that has it.${context.vdom ? ` The account must also have access to VDOM "${context.vdom}".` : ''}${context.access === 'adminLogin' ? ' If the profile already allows it, the FortiGate refused the CSRF token of the session: report this with the FortiOS version.' : ''}`,
			});
		case 404:
			return new FortinetError({
				...base,
				message: `404: this FortiOS version has no ${where}${context.vdom ? `, or VDOM "${context.vdom}" does not exist` : ''}`,
				description: `The endpoint needed to ${purpose.action} is missing on this firmware. Check the compatibility table in the node's README${context.vdom ? ` and the VDOM name (case-sensitive; * means all VDOMs)` : ''}.`,
			});
		case 405:
			return new FortinetError({
				...base,
				message: `405: the FortiGate does not allow ${context.method} on ${context.path}`,
				description: 'This FortiOS version expects another method for this endpoint. Report it with the FortiOS version.',
			});
		case 413:
			return new FortinetError({ ...base, message: '413: the request was too large for the FortiGate', description: 'Send fewer objects per request.' });
		case 424:
			return new FortinetError({
				...base,
				message: `424: the FortiGate refused to ${purpose.action} (failed dependency${context.deviceCode !== undefined ? `, error ${context.deviceCode}` : ''})`,
				description: 'A referenced object is missing, a required value is absent, or a value is invalid. Check the parameters.',
			});
		case 429:
			return new FortinetError({
				...base,
				message: '429: the FortiGate temporarily blocks this address after too many failed logins',
				description: 'Wait for the admin lockout to end (admin-lockout-duration, 60 s by default) and correct the credential before trying again.',
			});
		case 503:
			return new FortinetError({
				...base,
				message: '503: the FortiGate is busy or refuses new sessions',
				description: 'The device may be starting up or overloaded. Try again later.',
			});
		default:
			if (context.deviceCode !== undefined) {
				// A CMDB refusal (a name taken, a reference missing) comes as 500 with the error code.
				return new FortinetError({ ...base, message: `The FortiGate could not ${purpose.action} (HTTP ${status}, FortiOS error ${context.deviceCode})`, description: deviceErrorHint(context.deviceCode) });
			}
			return new FortinetError({
				...base,
				message: `The FortiGate answered ${status} to ${where}`,
				description: status >= 500 ? 'An internal error on the device. Try again; if it persists, check the device\'s crash log (diagnose debug crashlog read).' : 'The request was refused. Check the parameters.',
			});
	}
}

/** The FortiOS error codes users meet most, in words. */
export function deviceErrorHint(code: number | undefined): string {
	switch (code) {
		case -3:
			return 'FortiOS error -3: the object was not found. Check the name or ID.';
		case -5:
			return 'FortiOS error -5: an object with this name already exists.';
		case -23:
			return 'FortiOS error -23: the object is still used by another object (a policy or a group).';
		case -37:
			return 'FortiOS error -37: permission denied for this VDOM or object.';
		case -61:
			return 'FortiOS error -61: the command failed on the device. Check the values sent.';
		default:
			return 'Check the parameters and the device\'s event log.';
	}
}
