import { retryOnce } from '../../shared/retryOnce';
import { findCsrfToken } from './cookies';
import type { DeviceLink, SessionForm } from './types';

/** The headers that carry a session form on a request (fortios-rest-api.md sections 1, 2 and 4). */
export function sessionHeaders(link: DeviceLink, form: SessionForm | undefined): Record<string, string> {
	const headers: Record<string, string> = { accept: 'application/json' };
	if (form?.kind === 'apiKey') headers.authorization = `Bearer ${form.apiKey}`;
	if (form?.kind === 'bearerSession') headers.authorization = `Bearer ${form.sessionKey}`;
	const cookie = link.cookies.header();
	if (cookie) headers.cookie = cookie;
	const csrf = findCsrfToken(link.cookies.jar, link.cookies.origin);
	// Required on writes of a cookie session; sent on every request, which FortiOS accepts.
	if (csrf) headers['x-csrftoken'] = csrf;
	return headers;
}

/**
 * Ends an admin session the way it was opened: DELETE /api/v2/authentication
 * for both JSON forms (Bearer key, or cookies with X-CSRFTOKEN), POST /logout
 * for a /logincheck session (fortios-rest-api.md sections 1 and 3).
 */
export async function logOut(link: DeviceLink, form: SessionForm): Promise<void> {
	if (form.kind === 'apiKey') return;
	const headers = sessionHeaders(link, form);
	const response =
		form.kind === 'legacyCookieSession'
			? await link.http.request({ method: 'POST', path: '/logout', headers })
			: await link.http.request({ method: 'DELETE', path: '/api/v2/authentication', headers });
	if (response.status >= 400) throw new Error(`the FortiGate answered ${response.status}`);
}

/**
 * Closes a session that a login left half-made (a disclaimer refused, a
 * success without a usable session) before the login's error goes on. It
 * must not hide that error, so its own failure is swallowed: the session
 * then ends at admintimeout.
 */
export async function abandon(link: DeviceLink, form: SessionForm): Promise<void> {
	await retryOnce(async () => await logOut(link, form)).catch(() => undefined);
}
