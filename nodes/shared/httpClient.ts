import type { Socket } from 'node:net';
import { Agent, Client, type Dispatcher } from 'undici';
import type { TlsSettings } from './tls';
import { createTlsConnector } from './tls';
import { createTunnelOpener, readProxySettings } from './proxy';
import { describeTransportError, isConnectionReset } from './transportErrors';
import { FortinetError } from './errors';

export type QueryValue = string | number | boolean | undefined;

/** A request's query string; undefined and empty values are left out. */
export function queryString(query: Record<string, QueryValue> = {}): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(query)) {
		if (value !== undefined && value !== '') params.set(key, String(value));
	}
	return params.toString();
}

export interface HttpRequest {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	path: string;
	query?: Record<string, QueryValue>;
	headers?: Record<string, string>;
	body?: string;
	/** A JSON body: serialised, with its Content-Type, in place of `body`. */
	json?: unknown;
	/** Overrides the client's timeout for this request. */
	timeoutMs?: number;
	/**
	 * Send on a new connection of its own. Used for requests whose outcome is
	 * read from how the connection ends (reboot): a reused keep-alive socket
	 * closed by the device's idle timer must not be mistaken for a reboot.
	 * A failure then says in `requestSent` whether the request reached the
	 * device's TLS connection.
	 */
	freshConnection?: boolean;
	/**
	 * Keep the reply's bytes as well (a file download), not only its UTF-8
	 * text. The wait is bounded per chunk, not for the whole body, so that a
	 * large file over a slow link is not cut off while data still flows.
	 */
	binary?: boolean;
}

export interface HttpResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
	/** The reply's bytes, when the request asked for `binary`. */
	bytes?: Buffer;
}

export interface HttpClientOptions {
	baseUrl: URL;
	tls: TlsSettings;
	timeoutMs: number;
	product: string;
	/** Largest reply accepted; a bigger one is refused rather than buffered. */
	maxResponseBytes?: number;
}

const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/**
 * The only way the nodes speak HTTP: one instance per execution, holding one
 * undici Agent (keep-alive) whose connector applies the credential's TLS rules
 * and the proxy settings. Closed in the router's `finally`.
 */
export class HttpClient {
	private readonly agent: Agent;
	private readonly connector: ReturnType<typeof createTlsConnector>;
	private closed = false;

	constructor(private readonly options: HttpClientOptions) {
		this.connector = createTlsConnector({
			tls: options.tls,
			connectTimeoutMs: options.timeoutMs,
			openTunnel: createTunnelOpener(readProxySettings(), options.timeoutMs),
		});
		this.agent = new Agent({
			connect: this.connector,
			keepAliveTimeout: 10_000,
			headersTimeout: options.timeoutMs,
			bodyTimeout: options.timeoutMs,
			connections: 8,
		});
	}

	get origin(): string {
		return this.options.baseUrl.origin;
	}

	async request(request: HttpRequest): Promise<HttpResponse> {
		// A keep-alive socket the device closed between two requests shows up
		// as a reset on the next one: an idempotent GET may try once more.
		try {
			return await this.send(request);
		} catch (error) {
			if (request.method === 'GET' && !request.freshConnection && isConnectionReset(error)) {
				return await this.send(request);
			}
			throw error;
		}
	}

	private async send(request: HttpRequest): Promise<HttpResponse> {
		if (this.closed) throw new Error('HTTP client used after close');
		const timeoutMs = request.timeoutMs ?? this.options.timeoutMs;
		const url = new URL(request.path, this.options.baseUrl);
		url.search = queryString(request.query);
		const context = {
			product: this.options.product,
			host: this.options.baseUrl.host,
			method: request.method,
			path: url.pathname,
			timeoutMs,
		};
		const writes = new WriteRecord();
		const dispatcher: Dispatcher = request.freshConnection
			? new Client(this.origin, { connect: writes.recording(this.connector), headersTimeout: timeoutMs, bodyTimeout: timeoutMs })
			: this.agent;
		try {
			const response = await dispatcher.request({
				origin: this.origin,
				method: request.method,
				path: `${url.pathname}${url.search}`,
				headers: request.json === undefined ? request.headers : { ...request.headers, 'content-type': 'application/json' },
				body: request.json === undefined ? request.body : JSON.stringify(request.json),
				// A download is bounded by headersTimeout and, per chunk, bodyTimeout.
				signal: request.binary ? undefined : AbortSignal.timeout(timeoutMs),
				headersTimeout: timeoutMs,
				bodyTimeout: timeoutMs,
			});
			const bytes = await this.readBody(response.body, response.headers);
			return { status: response.statusCode, headers: response.headers, body: bytes.toString('utf8'), ...(request.binary ? { bytes } : {}) };
		} catch (error) {
			const described = describeTransportError(error, context);
			if (request.freshConnection) described.requestSent = writes.complete;
			throw described;
		} finally {
			if (dispatcher !== this.agent) await dispatcher.destroy().catch(() => undefined);
		}
	}

	private async readBody(
		body: Dispatcher.ResponseData['body'],
		headers: Record<string, string | string[] | undefined>,
	): Promise<Buffer> {
		const limit = this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
		const declared = Number(headers['content-length']);
		const tooLarge = () =>
			new FortinetError({
				kind: 'response',
				message: `${this.options.product} sent a reply larger than ${Math.round(limit / 1024 / 1024)} MB`,
				description: 'Narrow the request (a VDOM, an interface, a policy list, a limit) so the device returns less.',
			});
		if (Number.isFinite(declared) && declared > limit) {
			body.destroy();
			throw tooLarge();
		}
		const chunks: Buffer[] = [];
		let size = 0;
		for await (const chunk of body) {
			size += (chunk as Buffer).length;
			if (size > limit) {
				body.destroy();
				throw tooLarge();
			}
			chunks.push(chunk as Buffer);
		}
		return Buffer.concat(chunks);
	}

	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		// destroy, not close: a request still hanging on a rebooting device must
		// not keep the execution alive.
		await this.agent.destroy().catch(() => undefined);
	}
}

/**
 * Records what was written to a connection: the fact behind "the request was
 * sent". It is taken where the bytes are handed to the established TLS
 * socket, and only a write that completed counts: a proxy that refused the
 * tunnel, a handshake reset or a write cut off mean nothing was sent.
 */
class WriteRecord {
	private issued = 0;
	private completed = 0;
	private failed = false;

	/** True when every write issued on the connection completed, and there was at least one. */
	get complete(): boolean {
		return this.issued > 0 && this.completed === this.issued && !this.failed;
	}

	/** Wraps a connector so that the socket it hands to undici reports its writes here. */
	recording(connector: ReturnType<typeof createTlsConnector>): ReturnType<typeof createTlsConnector> {
		return (options, callback) =>
			connector(options, (error: Error | null, socket: Socket | null) => {
				if (socket) this.watch(socket);
				// The connector's callback type is a union of two signatures; the values pass through unchanged.
				(callback as (error: Error | null, socket: Socket | null) => void)(error, socket);
			});
	}

	private watch(socket: Socket): void {
		const write = socket.write.bind(socket) as (chunk: unknown, encoding?: unknown, callback?: unknown) => boolean;
		socket.write = ((chunk: unknown, encodingOrCallback?: unknown, callback?: unknown) => {
			const done = (typeof encodingOrCallback === 'function' ? encodingOrCallback : callback) as ((error?: Error | null) => void) | undefined;
			const encoding = typeof encodingOrCallback === 'function' ? undefined : encodingOrCallback;
			this.issued++;
			return write(chunk, encoding, (error?: Error | null) => {
				if (error) this.failed = true;
				else this.completed++;
				done?.(error);
			});
		}) as typeof socket.write;
	}
}

/** Runs a session's login; when it fails, the connection pool is closed before the error goes on. */
export async function closeOnFailure<T>(http: HttpClient, login: () => Promise<T>): Promise<T> {
	let succeeded = false;
	try {
		const result = await login();
		succeeded = true;
		return result;
	} finally {
		if (!succeeded) await http.close();
	}
}
