import type { IDataObject } from 'n8n-workflow';
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
