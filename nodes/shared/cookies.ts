import { CookieJar } from 'tough-cookie';
import type { Redactor } from './redactor';

export function stripQuotes(value: string): string {
	return value.replace(/^"(.*)"$/, '$1');
}

/** Stores Set-Cookie headers in the jar; returns the values, quoted and unquoted, for redaction. */
export function storeCookies(jar: CookieJar, url: string, setCookie: string | string[] | undefined): string[] {
	const values: string[] = [];
	for (const header of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
		const cookie = jar.setCookieSync(header, url, { ignoreError: true });
		if (cookie?.value) values.push(cookie.value, stripQuotes(cookie.value));
	}
	return values;
}

/**
 * The cookies of one device session (a FortiGate admin session, an on-premises
 * EMS session), in a tough-cookie jar. Every value received is a secret and
 * goes to the execution's redactor.
 */
export class SessionCookies {
	readonly jar = new CookieJar();

	constructor(
		readonly origin: string,
		private readonly redactor: Redactor,
	) {}

	store(setCookie: string | string[] | undefined): void {
		this.redactor.add(...storeCookies(this.jar, this.origin, setCookie));
	}

	/** The Cookie header for the next request, or '' when there is none. */
	header(): string {
		return this.jar.getCookieStringSync(this.origin);
	}

	/** A cookie's value without its quotes. */
	get(name: string): string | undefined {
		const value = this.jar.getCookiesSync(this.origin).find((cookie) => cookie.key === name)?.value;
		return value === undefined ? undefined : stripQuotes(value);
	}

	clear(): void {
		this.jar.removeAllCookiesSync();
	}
}
