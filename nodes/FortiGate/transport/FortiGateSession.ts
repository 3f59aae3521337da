import { FortinetError } from '../../shared/errors';
import type { HttpResponse } from '../../shared/httpClient';
import type { Redactor } from '../../shared/redactor';
import type { FortiGateCarrier } from './carrier';
import type { FortiGateConnection } from './connection';
import { DirectConnection } from './directConnection';
import { METHOD_REFUSED, readEnvelopes, refusesMethod } from './replies';
import type { ApiRequest, FortiGateEnvelope } from './types';

export type { ApiRequest, FortiGateEnvelope } from './types';

export interface SessionOptions {
	timeoutMs: number;
	redactor: Redactor;
}

/**
 * One FortiGate session for one execution, whatever carries its requests
 * (the device's own API, or a FortiManager): every request goes through
 * `request()`, whose reply is read and explained here, once for all
 * carriers; `close()` ends what the carrier opened.
 */
export class FortiGateSession {
	/** FortiOS version seen in the latest reply envelope (or the inventory's before any), e.g. "v6.2.4". */
	firmwareVersion?: string;
	/** GET replies kept for this execution by `readOnce`, by path; a change to a table forgets what was read from it. */
	private readonly remembered = new Map<string, { path: string; reply: Promise<FortiGateEnvelope[]> }>();

	constructor(
		private readonly carrier: FortiGateCarrier,
		private readonly options: SessionOptions,
	) {
		this.firmwareVersion = carrier.knownVersion;
	}

	/** A session straight to the FortiGate the connection names (logged in, or with its key). */
	static async open(connection: FortiGateConnection, options: SessionOptions): Promise<FortiGateSession> {
		return new FortiGateSession(await DirectConnection.open(connection, options), options);
	}

	get timeoutMs(): number {
		return this.options.timeoutMs;
	}

	/** The credential's VDOM, when it names one. */
	get defaultVdom(): string | undefined {
		return this.carrier.defaultVdom || undefined;
	}

	/** Registers a value that errors and warnings must never show (a backup password). */
	addSecret(value: string): void {
		this.options.redactor.add(value);
	}

	/** Sends an API request and returns its envelopes (one per VDOM; one when a single VDOM). */
	async request(request: ApiRequest): Promise<FortiGateEnvelope[]> {
		if (request.method !== 'GET') this.forgetReadsOf(request.path);
		const vdom = request.vdom ?? this.carrier.defaultVdom;
		const response = await this.carrier.send(request, vdom);
		const envelopes = readEnvelopes(response, request, { access: this.carrier.access, vdom });
		const version = envelopes.find((envelope) => typeof envelope.version === 'string')?.version;
		if (version) this.firmwareVersion = version;
		return envelopes;
	}

	/**
	 * A GET read once per execution, for lookups every item repeats (the
	 * objects a firewall policy may refer to). Until the session sends a
	 * change, the same request gets the same reply without a new round trip.
	 */
	async readOnce(request: ApiRequest & { method: 'GET' }): Promise<FortiGateEnvelope[]> {
		const key = JSON.stringify([request.path, request.query ?? {}, request.vdom ?? this.carrier.defaultVdom]);
		let entry = this.remembered.get(key);
		if (!entry) {
			entry = { path: request.path, reply: this.request(request) };
			this.remembered.set(key, entry);
			entry.reply.catch(() => this.remembered.delete(key));
		}
		return await entry.reply;
	}

	/** A write to a table or one of its entries makes what was read of that table stale. */
	private forgetReadsOf(path: string): void {
		for (const [key, entry] of this.remembered) {
			if (path.startsWith(entry.path) || entry.path.startsWith(path)) this.remembered.delete(key);
		}
	}

	/**
	 * Sends a request whose success is a file, not an envelope (the
	 * configuration backup). Refusals still come as envelopes and are
	 * explained like any other; one that refuses the method itself carries
	 * the code METHOD_REFUSED, so that the caller may try the other method.
	 */
	async download(request: ApiRequest): Promise<{ bytes: Buffer; headers: HttpResponse['headers'] }> {
		const vdom = request.vdom ?? this.carrier.defaultVdom;
		const response = await this.carrier.send(request, vdom, { binary: true });
		const contentType = String(response.headers['content-type'] ?? '');
		if (response.status >= 200 && response.status < 300 && !contentType.includes('json')) {
			return { bytes: response.bytes ?? Buffer.from(response.body), headers: response.headers };
		}
		try {
			readEnvelopes(response, request, { access: this.carrier.access, vdom });
		} catch (error) {
			if (error instanceof FortinetError && refusesMethod(response, request.method)) throw new FortinetError({ ...error, message: error.message, code: METHOD_REFUSED });
			throw error;
		}
		throw new FortinetError({
			kind: 'response',
			httpStatus: response.status,
			message: `The FortiGate answered ${request.method} ${request.path} with an API envelope instead of a file`,
			description: 'This FortiOS version may not support the options sent. Report it with the FortiOS version.',
		});
	}

	/**
	 * Sends a request that takes the device down (reboot, shutdown), once.
	 * A 2xx or a connection dropped after sending is success; a refusal is
	 * explained like any other.
	 */
	async sendPowerAction(request: ApiRequest): Promise<{ connectionDropped: boolean }> {
		const outcome = await this.carrier.sendPowerAction(request);
		if (outcome !== 'dropped' && (outcome.status < 200 || outcome.status >= 300)) {
			readEnvelopes(outcome, request, { access: this.carrier.access, vdom: '' });
		}
		return { connectionDropped: outcome === 'dropped' };
	}

	/** Ends the session (logout where there was a login). Returns warnings for the output, never throws. */
	async close(): Promise<string[]> {
		return await this.carrier.close();
	}
}

