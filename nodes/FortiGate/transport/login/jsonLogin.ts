import { findCsrfToken, hasSessionCookie } from '../cookies';
import { abandon } from '../sessionForm';
import type { AdminCredentials, DeviceLink, SessionForm } from '../types';
import { loginRefused, noUsableSession, parseJsonLoginAnswer, sessionLimitReached } from './answers';

/** The JSON login's outcome: a session, or "not offered here" with the HTTP status it answered. */
export type JsonLoginOutcome = { form: SessionForm } | { notOffered: number };

/**
 * POST /api/v2/authentication (fortios-rest-api.md section 1), FortiOS 6.4.2+
 * and the only working login from 7.6.3. Only a 200 whose body is a login
 * answer counts as this dialect: an error envelope (404 on 6.0-6.4.1), a
 * 401 or 405 (disabled) or an HTML page means "try /logincheck". A success
 * brings the session in the body (session key, used as Bearer) or in
 * cookies (`session_key_*` with `ccsrf_token_*`, 7.6.3+); in neither form
 * the login failed, and whatever the device opened is logged out.
 */
export async function jsonLogin(link: DeviceLink, credentials: AdminCredentials): Promise<JsonLoginOutcome> {
	const response = await link.http.request({
		method: 'POST',
		path: '/api/v2/authentication',
		headers: { accept: 'application/json' },
		json: {
			username: credentials.username,
			secretkey: credentials.password,
			// Some clients send the password as `password` too; whether a build needs it is unknown (section 1).
			password: credentials.password,
			ack_pre_disclaimer: true,
			ack_post_disclaimer: true,
			request_key: true,
		},
	});
	link.cookies.store(response.headers['set-cookie']);
	if (response.status === 503) {
		await closeWhatOpened(link);
		throw sessionLimitReached();
	}
	if (response.status === 429) throw loginRefused('2', credentials.username);
	const answer = response.status === 200 ? parseJsonLoginAnswer(response.body) : undefined;
	if (!answer) {
		await closeWhatOpened(link);
		return { notOffered: response.status };
	}
	if (answer.success && answer.sessionKey) {
		link.redactor.add(answer.sessionKey);
		return { form: { kind: 'bearerSession', sessionKey: answer.sessionKey } };
	}
	if (answer.success && hasSessionCookie(link.cookies.jar, link.cookies.origin) && findCsrfToken(link.cookies.jar, link.cookies.origin)) {
		return { form: { kind: 'jsonCookieSession' } };
	}
	await closeWhatOpened(link);
	throw answer.success ? noUsableSession(credentials.username) : loginRefused(answer.code, credentials.username);
}

/** A reply that set a session cookie opened a session, whatever it said: it is logged out. */
async function closeWhatOpened(link: DeviceLink): Promise<void> {
	if (hasSessionCookie(link.cookies.jar, link.cookies.origin)) await abandon(link, { kind: 'jsonCookieSession' });
	link.cookies.clear();
}
