import { FortinetError } from './errors';

/**
 * Validates the credential's base URL: `https://host[:port]` and nothing else.
 * Fortinet devices only serve their API over HTTPS, and a path or query in the
 * base URL would silently be dropped or doubled, so both are refused early.
 */
export function parseBaseUrl(raw: unknown, product: string): URL {
	const text = typeof raw === 'string' ? raw.trim().replace(/\/+$/, '') : '';
	if (!text) {
		throw new FortinetError({
			kind: 'configuration',
			message: `The ${product} credential has no Base URL`,
			description: `Enter the address of the ${product} as https://host or https://host:port, for example https://192.0.2.1:8443.`,
		});
	}
	if (!URL.canParse(text)) {
		throw new FortinetError({
			kind: 'configuration',
			message: `The Base URL "${text}" is not a valid URL`,
			description: `Enter the address of the ${product} as https://host or https://host:port, for example https://192.0.2.1:8443.`,
		});
	}
	const url = new URL(text);
	if (url.protocol === 'http:') {
		throw new FortinetError({
			kind: 'configuration',
			message: `The Base URL uses http://, but the ${product} API is only served over HTTPS`,
			description: `Change the Base URL to https://${url.host}. Use the admin HTTPS port (config system global, admin-sport) if it is not 443.`,
		});
	}
	if (url.protocol !== 'https:') {
		throw new FortinetError({
			kind: 'configuration',
			message: `The Base URL must start with https://`,
			description: `Enter the address of the ${product} as https://host or https://host:port.`,
		});
	}
	if (url.username || url.password) {
		throw new FortinetError({
			kind: 'configuration',
			message: 'The Base URL must not contain a user name or password',
			description: 'Remove the user:password@ part; the credential has its own fields for them.',
		});
	}
	if ((url.pathname && url.pathname !== '/') || url.search || url.hash) {
		throw new FortinetError({
			kind: 'configuration',
			message: `The Base URL must not contain a path or query ("${url.pathname}${url.search ? '?…' : ''}")`,
			description: `Use only the scheme, host and port: https://${url.host}. The node adds the API paths itself.`,
		});
	}
	return new URL(`${url.protocol}//${url.host}`);
}
