import { CookieJar } from 'tough-cookie';
import { storeCookies } from '../../nodes/shared/cookies';
import { findCsrfToken } from '../../nodes/FortiGate/transport/cookies';

const url = 'https://192.0.2.1:8443';

function jarWith(...setCookies: string[]): CookieJar {
	const jar = new CookieJar();
	storeCookies(jar, url, setCookies);
	return jar;
}

describe('CSRF cookie discovery', () => {
	test.each([
		['5.6 / 6.x ccsrftoken plus a numbered copy', ['ccsrftoken="A1B2C3"; path=/', 'ccsrftoken_2749="A1B2C3"; path=/'], 'A1B2C3'],
		['7.2 port- and hash-suffixed, quoted', ['APSCOOKIE_8443_3a1f="x"; path=/; HttpOnly; Secure', 'ccsrftoken_8443_3334d10="F00DBEEF"; path=/'], 'F00DBEEF'],
		['7.6.3+ ccsrf_token', ['ccsrf_token_8443_ab12="C0FFEE42"; path=/'], 'C0FFEE42'],
		['unquoted value', ['ccsrftoken=PLAIN123; path=/'], 'PLAIN123'],
	])('%s', (_case, setCookies, expected) => {
		expect(findCsrfToken(jarWith(...setCookies), url)).toBe(expected);
	});

	test.each([['0%260'], ['0000000000000000']])('the not-logged-in value %s is no token', (value) => {
		expect(findCsrfToken(jarWith(`ccsrftoken_8443_1="${value}"; path=/`), url)).toBeUndefined();
	});

	test('storeCookies returns the values, quoted and unquoted, so they can be redacted', () => {
		const values = storeCookies(new CookieJar(), url, ['APSCOOKIE_8443_1="SESSIONVALUE"; path=/']);
		expect(values).toEqual(['"SESSIONVALUE"', 'SESSIONVALUE']);
	});
});
