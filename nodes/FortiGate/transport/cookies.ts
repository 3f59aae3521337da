import { stripQuotes } from '../../shared/cookies';

/**
 * The CSRF cookie has had three names: `ccsrftoken` (+ `ccsrftoken_<n>`) up to
 * 6.x, `ccsrftoken_<port>_<hash>` from 7.0.13 / 7.2.4, `ccsrf_token_<port>_<hash>`
 * from 7.6.3. Its value arrives in double quotes.
 */
const CSRF_COOKIE = /^(ccsrftoken|ccsrf_token)/i;

/** Values FortiOS sets when the login did not really succeed (a frozen constant, not state). */
const NOT_LOGGED_IN: readonly string[] = Object.freeze(['0%260', '0&0', '0000000000000000', '']);

/** The cookies a jar holds for a URL (tough-cookie's CookieJar has this shape). */
interface CookieSource {
	getCookiesSync(url: string): Array<{ key: string; value: string }>;
}

export function findCsrfToken(jar: CookieSource, url: string): string | undefined {
	const candidates = jar
		.getCookiesSync(url)
		.filter((cookie) => CSRF_COOKIE.test(cookie.key))
		.map((cookie) => stripQuotes(cookie.value))
		.filter((value) => !NOT_LOGGED_IN.includes(value));
	// The most recently set cookie wins when an older name lingers.
	return candidates[candidates.length - 1];
}

/**
 * The session cookie: `APSCOOKIE_<n>` from /logincheck, `session_key_<port>_<hash>`
 * from a 7.6.3+ JSON login in the cookie form (fortios-rest-api.md section 2).
 */
const SESSION_COOKIE = /^(APSCOOKIE_|session_key_)/i;

export function hasSessionCookie(jar: CookieSource, url: string): boolean {
	return jar.getCookiesSync(url).some((cookie) => SESSION_COOKIE.test(cookie.key) && stripQuotes(cookie.value) !== '');
}
