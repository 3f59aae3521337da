import { FortinetError } from '../../shared/errors';
import type { HttpResponse } from '../../shared/httpClient';
import { parseJson } from '../../shared/json';
import type { FortiGateAccess } from './carrier';
import { deviceErrorHint, fortiGateHttpError } from './errors';
import type { ApiRequest, FortiGateEnvelope } from './types';

/**
 * Reads a FortiOS reply: the HTTP status explained, the body parsed once, the
 * envelopes checked, and `status: error` envelopes turned into errors.
 */
export function readEnvelopes(response: HttpResponse, request: ApiRequest, context: { access: FortiGateAccess; vdom: string }): FortiGateEnvelope[] {
	const parsed = parseReply(response, request);
	const deviceCode = firstErrorCode(parsed);
	if (response.status < 200 || response.status >= 300) {
		throw withCliError(parsed, fortiGateHttpError({
			status: response.status,
			access: context.access,
			method: request.method,
			path: request.path,
			vdom: context.vdom || undefined,
			purpose: request.purpose,
			deviceCode,
		}));
	}
	const list = Array.isArray(parsed) ? parsed : [parsed];
	if (list.length === 0 || list.some((item) => typeof item !== 'object' || item === null || !('results' in item || 'status' in item))) {
		throw new FortinetError({
			kind: 'response',
			message: `The FortiGate's reply to ${request.method} ${request.path} is not a FortiOS API envelope`,
			description: 'Something other than the FortiOS REST API answered (a proxy, a captive portal, another service on this port). Check the Base URL.',
		});
	}
	const envelopes = list as FortiGateEnvelope[];
	for (const envelope of envelopes) {
		if (envelope.status === 'error') {
			throw withCliError(envelope, new FortinetError({
				kind: 'device',
				deviceCode: envelope.error,
				httpStatus: envelope.http_status,
				message: `The FortiGate could not ${request.purpose.action}${envelope.vdom ? ` in VDOM "${envelope.vdom}"` : ''} (FortiOS error ${envelope.error ?? 'unknown'})`,
				description: deviceErrorHint(envelope.error),
			}));
		}
	}
	return envelopes;
}

function parseReply(response: HttpResponse, request: ApiRequest): unknown {
	const text = response.body.trim();
	const parsed = text ? parseJson(text) : undefined;
	if (parsed !== undefined || response.status >= 400) return parsed;
	if (!text) {
		throw new FortinetError({
			kind: 'response',
			httpStatus: response.status,
			message: `The FortiGate sent an empty reply to ${request.method} ${request.path}`,
			description: 'The device may be restarting its web service. Try again in a minute.',
		});
	}
	const html = text.startsWith('<');
	throw new FortinetError({
		kind: 'response',
		httpStatus: response.status,
		message: `The FortiGate answered ${request.method} ${request.path} with ${html ? 'an HTML page' : 'something that is not JSON'}`,
		description: html
			? 'The Base URL may lead to the web UI through a proxy, an SSL-VPN portal or another service. Use the admin HTTPS address of the FortiGate itself.'
			: 'The reply was cut short or is not from the FortiOS REST API. Try again; if it persists, check what listens at the Base URL.',
	});
}

/**
 * Adds the CLI's own words that CMDB errors often carry in `cli_error`
 * (fortios-more-operations.md, firewall policies: "show that text to the
 * admin"), e.g. which referenced name does not exist.
 */
function withCliError(parsed: unknown, error: FortinetError): FortinetError {
	const first = Array.isArray(parsed) ? parsed[0] : parsed;
	const text = (first as { cli_error?: unknown } | undefined)?.cli_error;
	if (typeof text !== 'string' || !text.trim()) return error;
	const words = text
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean)
		.join('; ');
	return new FortinetError({ ...error, message: `${error.message}. FortiOS says: "${words}"` });
}

function firstErrorCode(parsed: unknown): number | undefined {
	const first = Array.isArray(parsed) ? parsed[0] : parsed;
	const code = (first as { error?: unknown } | undefined)?.error;
	return typeof code === 'number' ? code : undefined;
}

/** The code a download's error carries when the device refused the HTTP method itself. */
export const METHOD_REFUSED = 'METHOD_REFUSED';

/**
 * Whether a refusal is about the method (fortios-more-operations.md,
 * configuration backup): a 405, or a 4xx/5xx envelope whose own words name
 * the method ("method not allowed", "POST is not supported"). The
 * `http_method` field every envelope carries does not count.
 */
export function refusesMethod(response: HttpResponse, method: string): boolean {
	if (response.status === 405) return true;
	if (response.status < 400) return false;
	const parsed = parseJson(response.body.trim());
	if (typeof parsed !== 'object' || parsed === null) return false;
	const words = Object.entries(parsed as Record<string, unknown>)
		.filter(([key, value]) => key !== 'http_method' && typeof value === 'string')
		.map(([, value]) => value as string)
		.join(' ');
	return /\bmethod\b/i.test(words) || new RegExp(`\\b${method}\\b`).test(words);
}
