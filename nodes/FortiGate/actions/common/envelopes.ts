import type { IDataObject } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import type { FortiGateEnvelope } from '../../transport/FortiGateSession';

/**
 * Turns one envelope per VDOM into one item per record, each carrying the
 * VDOM it came from (the reply to `vdom=*` is an array of envelopes).
 */
export function recordsOf(envelopes: FortiGateEnvelope[], extra: IDataObject = {}): IDataObject[] {
	return envelopes.flatMap((envelope) => {
		const results = Array.isArray(envelope.results) ? (envelope.results as IDataObject[]) : [];
		return results.map((record) => ({ ...record, vdom: envelope.vdom ?? null, ...extra }));
	});
}

/** FortiOS versions as in the envelope ("v6.2.4") compared by major and minor. */
export function isBefore(version: string | undefined, major: number, minor: number): boolean {
	const match = /v?(\d+)\.(\d+)/.exec(version ?? '');
	if (!match) return false;
	const [gotMajor, gotMinor] = [Number(match[1]), Number(match[2])];
	return gotMajor < major || (gotMajor === major && gotMinor < minor);
}

/** Whether an error carries the FortiOS error code given (-3 not found, -5 name taken, -23 in use). */
export function isFortiOsError(error: unknown, code: number): boolean {
	return error instanceof FortinetError && error.deviceCode === code;
}

/** FortiOS error -3 in the admin's words: which object is missing, where, and how to find the right name. */
export function objectNotFound(what: string, name: string, vdom: string | undefined, description: string): FortinetError {
	return new FortinetError({
		kind: 'device',
		deviceCode: -3,
		httpStatus: 404,
		message: `The FortiGate has no ${what} "${name}"${vdom ? ` in VDOM "${vdom}"` : ''}`,
		description,
	});
}
