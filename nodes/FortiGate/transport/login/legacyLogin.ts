import { fortiGateHttpError } from '../errors';
import { findCsrfToken, hasSessionCookie } from '../cookies';
import { abandon, sessionHeaders } from '../sessionForm';
import type { AdminCredentials, DeviceLink, SessionForm } from '../types';
import {
	disclaimerRefused,
	loginRefused,
	noLoginEndpoint,
	noSessionFromLogincheck,
	parseLegacyLoginAnswer,
	sessionLimitReached,
} from './answers';

const SESSION: SessionForm = Object.freeze({ kind: 'legacyCookieSession' });

/**
 * POST /logincheck (fortios-rest-api.md section 1): a status digit, "1" on
 * success, then JavaScript that may lead to a login disclaimer. Success needs
 * the "1" AND a session cookie AND a valid CSRF cookie: from 7.6.3 the
 * device answers "1" but issues no session cookie. A session opened half-way
 * (the disclaimer refused, no valid CSRF token) is logged out before the
 * error goes on.
 */
export async function legacyLogin(link: DeviceLink, credentials: AdminCredentials, jsonLoginStatus: number): Promise<SessionForm> {
	const form = new URLSearchParams({ username: credentials.username, secretkey: credentials.password, ajax: '1' });
	const response = await link.http.request({
		method: 'POST',
		path: '/logincheck',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: form.toString(),
	});
	link.cookies.store(response.headers['set-cookie']);
	const opened = () => hasSessionCookie(link.cookies.jar, link.cookies.origin);
	const fail = async (error: Error): Promise<never> => {
		if (opened()) await abandon(link, SESSION);
		throw error;
	};
	if (response.status === 404 || response.status === 405) return await fail(noLoginEndpoint());
	if (response.status === 503) return await fail(sessionLimitReached());
	if (response.status === 429) return await fail(loginRefused('2', credentials.username));
	// 7.6.3+ may answer 302 with the usual body.
	if (response.status !== 200 && response.status !== 302) {
		return await fail(fortiGateHttpError({ status: response.status, access: 'adminLogin', method: 'POST', path: '/logincheck', purpose: { action: 'log in' } }));
	}
	const answer = parseLegacyLoginAnswer(response.body);
	if (answer.code !== '1') return await fail(loginRefused(answer.code, credentials.username));
	if (!opened()) throw noSessionFromLogincheck(credentials.username, jsonLoginStatus);
	if (answer.disclaimer) await acceptDisclaimer(link, fail);
	if (!findCsrfToken(link.cookies.jar, link.cookies.origin)) {
		// "1" without a valid CSRF cookie: FortiOS did not really log in.
		return await fail(loginRefused('0', credentials.username));
	}
	return SESSION;
}

/** A login disclaimer (pre-login banner) is accepted on the admin's behalf: POST /logindisclaimer. */
async function acceptDisclaimer(link: DeviceLink, fail: (error: Error) => Promise<never>): Promise<void> {
	const response = await link.http.request({
		method: 'POST',
		path: '/logindisclaimer',
		headers: { 'content-type': 'application/x-www-form-urlencoded', ...sessionHeaders(link, SESSION) },
		body: 'confirm=1&ajax=1',
	});
	link.cookies.store(response.headers['set-cookie']);
	// The reply's body is not documented; a leading "0" is read as a refusal, like /logincheck's.
	if (response.status !== 200 || response.body.trim().startsWith('0')) await fail(disclaimerRefused(response.status));
}
