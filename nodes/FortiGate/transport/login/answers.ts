import { FortinetError } from '../../../shared/errors';

/**
 * The answers of both login dialects, turned into errors an admin can act on.
 * A refused login is never retried: every retry counts towards the lockout.
 */
export function loginRefused(code: string, username: string): FortinetError {
	switch (code) {
		case '0':
		case '-1':
			return new FortinetError({
				kind: 'login',
				deviceCode: code,
				message: `Login answered ${code}: the FortiGate refused the username or password of "${username}"`,
				description: 'Check both in the credential. After 3 failed attempts FortiOS locks the admin out for 60 s (admin-lockout-threshold, admin-lockout-duration), so correct the credential before running again. Also check that this n8n host is in the admin\'s Trusted Hosts.',
			});
		case '2':
		case '-4':
			return new FortinetError({
				kind: 'login',
				deviceCode: code,
				message: `Login answered ${code}: the admin "${username}" is locked out after too many failed logins`,
				description: 'FortiOS locks the admin for 60 s by default (admin-lockout-duration). Wait, correct the password in the credential, then run again. The node does not retry, so it never extends the lockout.',
			});
		case '3':
			return new FortinetError({
				kind: 'login',
				deviceCode: code,
				message: `Login answered 3: the admin "${username}" needs a two-factor token code`,
				description: 'An automation cannot type a FortiToken code. Use the FortiGate API Key credential with a REST API admin instead, or an admin account without two-factor authentication restricted by Trusted Hosts.',
			});
		case '4':
			return new FortinetError({
				kind: 'login',
				deviceCode: code,
				message: `Login answered 4: the admin "${username}" must change the password first`,
				description: 'Log in once in the FortiGate web UI as this admin, set a new password, and update the credential.',
			});
		default:
			return new FortinetError({
				kind: 'login',
				deviceCode: code,
				message: `The FortiGate refused the login of "${username}" (answer ${code || 'empty'})`,
				description: 'Log in once in the web UI with the same account to see what the FortiGate asks for (disclaimer, token, password change).',
			});
	}
}

export function sessionLimitReached(): FortinetError {
	return new FortinetError({
		kind: 'login',
		httpStatus: 503,
		message: 'The FortiGate refuses new admin sessions: too many are open (admin-login-max)',
		description: 'Other tools or workflows have left admin sessions open. They expire after admintimeout; close them under Dashboard > Administrators, or raise admin-login-max (config system global). This node always logs out, so it never adds to the count.',
	});
}

export function noLoginEndpoint(): FortinetError {
	return new FortinetError({
		kind: 'login',
		httpStatus: 404,
		message: 'The FortiGate offers neither /api/v2/authentication nor /logincheck',
		description: 'Check that the Base URL points at the FortiGate\'s admin HTTPS port and not at another service (SSL-VPN portal, a reverse proxy).',
	});
}

/** `/logincheck` answers a status digit followed by JavaScript; 7.6.3+ may answer JSON instead. */
export function parseLegacyLoginAnswer(body: string): { code: string; disclaimer: boolean } {
	const trimmed = body.trim();
	if (trimmed.startsWith('{')) {
		try {
			const json = JSON.parse(trimmed) as { status?: unknown; status_code?: unknown };
			return { code: String(json.status ?? json.status_code ?? ''), disclaimer: /disclaimer/i.test(trimmed) };
		} catch {
			// fall through to the digit form
		}
	}
	return { code: trimmed.charAt(0), disclaimer: /logindisclaimer/.test(trimmed) };
}

/** A JSON login's answer: whether it succeeded, its code, and the session key of the body form. */
export interface JsonLoginAnswer {
	success: boolean;
	code: string;
	sessionKey?: string;
}

/**
 * Reads a 200 reply of POST /api/v2/authentication (fortios-rest-api.md
 * section 1): `status_code` or a numeric `status`, 5 or 6 being success, or
 * the words LOGIN_SUCCESS; a `session_key` in the body form. Anything else,
 * a FortiOS error envelope above all (`"status": "error"`), is not a login
 * answer: this firmware has no JSON login and /logincheck is tried next.
 */
export function parseJsonLoginAnswer(body: string): JsonLoginAnswer | undefined {
	let json: unknown;
	try {
		json = JSON.parse(body);
	} catch {
		return undefined;
	}
	if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
	const fields = json as Record<string, unknown>;
	const code = [fields.status_code, fields.status].find((value) => typeof value === 'number' || (typeof value === 'string' && /^-?\d+$/.test(value.trim())));
	const words = Object.values(fields).find((value): value is string => typeof value === 'string' && /^LOGIN_[A-Z_]+$/.test(value.trim()));
	const sessionKey = typeof fields.session_key === 'string' && fields.session_key ? fields.session_key : undefined;
	if (code === undefined && words === undefined && !sessionKey) return undefined;
	const codeText = code !== undefined ? String(code).trim() : (words ?? '');
	const success = codeText === '5' || codeText === '6' || words === 'LOGIN_SUCCESS' || (code === undefined && words === undefined && sessionKey !== undefined);
	return { success, code: success ? '5' : codeText, sessionKey };
}

/** A JSON login answered success but left no session in either form. */
export function noUsableSession(username: string): FortinetError {
	return new FortinetError({
		kind: 'login',
		message: `The FortiGate answered the login of "${username}" with success but gave no session (no session key, no session and CSRF cookies)`,
		description: 'Nothing can be sent without a session. Any session the FortiGate opened was logged out again. Check that the Base URL reaches the FortiGate itself and not a proxy that strips cookies, and report this with the FortiOS version; a REST API admin (FortiGate API Key credential) avoids logins altogether.',
	});
}

/** /logincheck answered "1" without a session cookie: FortiOS 7.6.3+ logs in only through the JSON endpoint. */
export function noSessionFromLogincheck(username: string, jsonLoginStatus: number): FortinetError {
	return new FortinetError({
		kind: 'login',
		message: `The FortiGate accepted the password of "${username}" on /logincheck but issued no session cookie`,
		description: `FortiOS 7.6.3 and later log admins in only through /api/v2/authentication, which answered HTTP ${jsonLoginStatus} here. Check that nothing between n8n and the FortiGate blocks /api/v2/authentication, or use the FortiGate API Key credential with a REST API admin.`,
	});
}

export function disclaimerRefused(status: number): FortinetError {
	return new FortinetError({
		kind: 'login',
		httpStatus: status,
		message: `The FortiGate did not accept the login disclaimer (HTTP ${status})`,
		description: 'The half-open session was logged out. Log in once in the web UI to see the disclaimer, or disable it (config system global, set pre-login-banner disable), or use the FortiGate API Key credential.',
	});
}
