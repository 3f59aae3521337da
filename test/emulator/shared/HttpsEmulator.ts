import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { CertificateSet } from './certificates';
import { FaultInjector } from './faults';

export { parseJson } from '../../../nodes/shared/json';

/**
 * What every emulator shares: an HTTPS server on 127.0.0.1 with its own
 * certificate, request counting per "METHOD /path", fault injection before
 * routing, and a way to cut every open connection.
 */
export abstract class HttpsEmulator {
	readonly faults = new FaultInjector();
	/**
	 * The next this many TCP connections are reset during the TLS handshake
	 * (after the client's hello, before any request can be written): a
	 * middlebox or an overloaded device doing what issue reports describe.
	 */
	handshakeResets = 0;
	/** Every session secret handed out (session ids and keys, cookies, CSRF tokens), for leak checks. */
	protected readonly issued: string[] = [];
	private readonly sockets = new Set<Socket>();
	private server?: https.Server;

	protected constructor(
		protected readonly certificates: CertificateSet,
		private readonly requestCounts: Record<string, number>,
	) {}

	/** Answers one request whose body has been read and which no fault took. */
	protected abstract route(req: IncomingMessage, res: ServerResponse, url: URL, body: string): void;

	/** Whether a new TCP connection is accepted (a rebooting device accepts none). */
	protected acceptsConnections(): boolean {
		return true;
	}

	async start(port = 0): Promise<void> {
		const onClientHello = (hello: { protocols: string[] }, tlsSocket: unknown) => this.onClientHello(hello, tlsSocket);
		const options = {
			key: this.certificates.key,
			cert: this.certificates.cert,
			// Called while the ClientHello is processed, before the server's reply: the
			// one moment at which a reset is certainly "during the handshake".
			// Node calls it with the TLS socket as `this`.
			ALPNCallback: function (this: unknown, hello: { protocols: string[] }) {
				return onClientHello(hello, this);
			},
		};
		this.server = https.createServer(options as https.ServerOptions, (req, res) => void this.handle(req, res));
		this.server.keepAliveTimeout = 5_000;
		this.server.on('connection', (socket: Socket) => {
			if (!this.acceptsConnections()) {
				socket.destroy();
				return;
			}

			this.sockets.add(socket);
			socket.once('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
	}

	private onClientHello(hello: { protocols: string[] }, tlsSocket: unknown): string {
		if (this.handshakeResets > 0) {
			this.handshakeResets--;
			const raw = (tlsSocket as { _parent?: Socket } | undefined)?._parent;
			if (raw) raw.resetAndDestroy();
		}
		return hello.protocols.includes('http/1.1') ? 'http/1.1' : hello.protocols[0];
	}

	async stop(): Promise<void> {
		this.dropAllConnections();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
		this.faults.clear();
	}

	get port(): number {
		return (this.server!.address() as AddressInfo).port;
	}

	get url(): string {
		return `https://127.0.0.1:${this.port}`;
	}

	/** Every session secret handed out so far, for tests that prove none of them leaks. */
	issuedSecrets(): string[] {
		return [...this.issued];
	}

	/** SHA-256 fingerprint of the served certificate (colon-separated hex). */
	get fingerprint(): string {
		return this.certificates.fingerprint;
	}

	/** PEM of the CA that signed the served certificate (or the certificate itself when self-signed). */
	get caCertificate(): string {
		return this.certificates.caCertificate;
	}

	protected dropAllConnections(): void {
		for (const socket of this.sockets) socket.destroy();
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'https://emulator');
		const body = await readBody(req);
		const path = url.pathname;
		const key = `${req.method} ${path}`;
		this.requestCounts[key] = (this.requestCounts[key] ?? 0) + 1;
		if (await this.faults.apply(req.method ?? 'GET', path, req, res)) return;
		try {
			this.route(req, res, url, body);
		} catch (error) {
			sendJson(res, 500, { status: 'error', http_status: 500, message: String(error) });
		}
	}
}

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', () => resolve(''));
	});
}

/** Cookies of a request, with surrounding double quotes removed as servers do. */
export function parseCookies(req: IncomingMessage): Record<string, string> {
	const cookies: Record<string, string> = {};
	for (const part of String(req.headers.cookie ?? '').split(';')) {
		const index = part.indexOf('=');
		if (index > 0) cookies[part.slice(0, index).trim()] = part.slice(index + 1).trim().replace(/^"(.*)"$/, '$1');
	}
	return cookies;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body, null, 2);
	res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
	res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, contentType = 'text/html'): void {
	res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
	res.end(text);
}
