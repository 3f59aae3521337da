import { FortinetError } from '../../shared/errors';

/** What a request is for, so that a refusal can say what failed. */
export interface EmsPurpose {
	/** Reads as "could not <action>", e.g. "quarantine endpoints". */
	action: string;
	/** Message when EMS answers 404 (for example an unknown device ID). */
	notFound?: string;
}

export function emsHttpError(status: number, purpose: EmsPurpose, emsMessage: string | undefined, method: string, path: string): FortinetError {
	const said = emsMessage ? ` EMS said: "${emsMessage}"` : '';
	const base = { kind: 'http' as const, httpStatus: status };
	if (status === 404 && purpose.notFound) {
		return new FortinetError({ ...base, message: purpose.notFound, description: `Check the ID against the endpoint list (Endpoint > Get Many).${said}` });
	}
	if (status === 404) {
		return new FortinetError({
			...base,
			message: `404: this EMS has no ${method} ${path}`,
			description: `The endpoint needed to ${purpose.action} does not exist on this EMS version, or the Base URL points at something else.${said}`,
		});
	}
	if (status === 403) {
		return new FortinetError({
			...base,
			message: `403: EMS refused to ${purpose.action}`,
			description: `The EMS administrator's role lacks the permission (Administration > Admin Roles: Endpoint management, read/write for quarantine). If the role allows it, a proxy between n8n and EMS may strip the Referer or CSRF header.${said}`,
		});
	}
	return new FortinetError({
		...base,
		message: `EMS answered ${status} and could not ${purpose.action}${emsMessage ? `: ${emsMessage}` : ''}`,
		description: status >= 500 ? 'An internal error on the EMS server. Try again; if it persists, check the EMS logs.' : 'The request was refused. Check the parameters.',
	});
}

export function cloudLoginRefused(status: number, message: string | undefined): FortinetError {
	return new FortinetError({
		kind: 'login',
		httpStatus: status,
		message: `FortiClient Cloud refused the access key or account email (HTTP ${status})`,
		description: `Check both in the credential: the key comes from the primary account (Access Key > EMS API Access) and the email must be that account's.${message ? ` FortiClient Cloud said: "${message}"` : ''}`,
	});
}

export function onPremLoginRefused(status: number, username: string, message: string | undefined): FortinetError {
	return new FortinetError({
		kind: 'login',
		httpStatus: status,
		message: `EMS refused the login of "${username}"${message ? `: ${message}` : ''}`,
		description: 'Check the username, password and site in the credential. The administrator needs API access on EMS (a local or domain admin with a role that allows the operations used).',
	});
}

export function sessionLost(): FortinetError {
	return new FortinetError({
		kind: 'login',
		httpStatus: 401,
		message: 'EMS ended the session again right after a new login',
		description: 'Another login with the same account may be replacing this one, or the EMS session timeout is very short. Use a dedicated API administrator for n8n.',
	});
}
