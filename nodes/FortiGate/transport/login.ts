import { FortinetError } from '../../shared/errors';

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

/** POST /api/v2/authentication answers `status` or `status_code`: 5 or 6 is success. */
export function parseJsonLoginAnswer(body: string): { code: string; sessionKey?: string } | undefined {
	try {
		const json = JSON.parse(body) as Record<string, unknown>;
		const code = json.status_code ?? json.status;
		const sessionKey = typeof json.session_key === 'string' ? json.session_key : undefined;
		if (code === undefined && !sessionKey) return undefined;
		const success = code === 5 || code === 6 || code === '5' || code === '6' || /LOGIN_SUCCESS/.test(body);
		return { code: success ? '5' : String(code), sessionKey };
	} catch {
		return undefined;
	}
}
