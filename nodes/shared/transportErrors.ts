import { FortinetError } from './errors';

function errorCode(error: unknown): string {
	const direct = (error as { code?: unknown })?.code;
	if (typeof direct === 'string') return direct;
	const cause = (error as { cause?: { code?: unknown } })?.cause?.code;
	return typeof cause === 'string' ? cause : '';
}

/** True for a connection the device closed or reset: safe to retry an idempotent GET once. */
export function isConnectionReset(error: unknown): boolean {
	const code = error instanceof FortinetError ? error.code : errorCode(error);
	return code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE';
}

export interface TransportErrorContext {
	product: string;
	host: string;
	method: string;
	path: string;
	timeoutMs: number;
}

/** Turns an undici / socket failure into a FortinetError that says what to check. */
export function describeTransportError(error: unknown, context: TransportErrorContext): FortinetError {
	if (error instanceof FortinetError) return error;
	const code = errorCode(error);
	const name = (error as { name?: string })?.name ?? '';
	const where = `${context.method} ${context.path}`;
	const seconds = Math.round(context.timeoutMs / 1000);

	if (code === 'ECONNREFUSED') {
		return new FortinetError({
			kind: 'connection',
			code,
			message: `Connection refused by ${context.host}`,
			description: `Nothing accepts HTTPS on that port. Check the port in the Base URL (the admin HTTPS port, "set admin-sport", is often 443 or 8443) and that HTTPS administrative access is allowed on the interface ("set allowaccess https").`,
		});
	}
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		return new FortinetError({
			kind: 'connection',
			code,
			message: `The host name in the Base URL (${context.host}) does not resolve`,
			description: 'Check the spelling, or use the device\'s IP address. The n8n host must be able to resolve the name through its own DNS.',
		});
	}
	if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
		return new FortinetError({
			kind: 'connection',
			code,
			message: `No route from n8n to ${context.host}`,
			description: 'Check routing and firewall rules between the n8n host and the device.',
		});
	}
	if (
		code === 'UND_ERR_CONNECT_TIMEOUT' ||
		code === 'UND_ERR_HEADERS_TIMEOUT' ||
		code === 'UND_ERR_BODY_TIMEOUT' ||
		code === 'ETIMEDOUT' ||
		name === 'TimeoutError' ||
		name === 'AbortError'
	) {
		return new FortinetError({
			kind: 'timeout',
			code: code || 'TIMEOUT',
			message: `${context.product} did not answer ${where} within ${seconds} s`,
			description: `A FortiGate silently drops packets from addresses that are not in the admin's or API user's trusted hosts: check that this n8n host's address is listed. Otherwise the device may be busy or far away: raise the Timeout option.`,
		});
	}
	if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
		return new FortinetError({
			kind: 'connection',
			code,
			message: `${context.product} closed the connection during ${where} without answering`,
			description: 'The device may be rebooting, overloaded, or dropping the session. Try again in a minute; if it persists, check the device\'s event log.',
		});
	}
	if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || /wrong version number|ssl/i.test(String((error as Error)?.message))) {
		return new FortinetError({
			kind: 'tls',
			code: code || 'TLS',
			message: `The TLS handshake with ${context.host} failed`,
			description: 'Check that the Base URL points at the device\'s HTTPS admin port (not an HTTP port or another service).',
		});
	}
	return new FortinetError({
		kind: 'connection',
		code: code || name || 'UNKNOWN',
		message: `The request ${where} to ${context.product} failed`,
		description: `Low-level error: ${code || name || 'unknown'}. Check that the device is reachable from the n8n host.`,
	});
}
