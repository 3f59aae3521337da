import * as http from 'node:http';
import * as net from 'node:net';

/** What the proxy does with the next CONNECT: open the tunnel, refuse it (403), or never answer. */
export type ProxyBehaviour = 'tunnel' | 'refuse' | 'stall';

/**
 * A CONNECT proxy on 127.0.0.1, as corporate proxies offer, whose behaviour a
 * test may change at any moment: the tunnels already open stay open, the
 * next CONNECT gets the new behaviour.
 */
export class ConnectProxy {
	behaviour: ProxyBehaviour = 'tunnel';
	/** Targets of every CONNECT, in order, with what was done. */
	readonly connects: Array<{ target: string; behaviour: ProxyBehaviour }> = [];
	private readonly server: http.Server;
	private readonly stalled = new Set<net.Socket>();

	constructor() {
		this.server = http.createServer((_req, res) => res.writeHead(405).end());
		this.server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
			const target = req.url ?? '';
			const behaviour = this.behaviour;
			this.connects.push({ target, behaviour });
			client.on('error', () => client.destroy());
			if (behaviour === 'refuse') return void client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
			if (behaviour === 'stall') return void this.stalled.add(client);
			const [host, port] = target.split(':');
			const upstream = net.connect(Number(port), host, () => {
				client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
				upstream.write(head);
				upstream.pipe(client);
				client.pipe(upstream);
			});
			upstream.on('error', () => client.destroy());
			client.on('close', () => upstream.destroy());
		});
	}

	async start(): Promise<string> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		return `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
	}

	async stop(): Promise<void> {
		for (const socket of this.stalled) socket.destroy();
		this.server.closeAllConnections();
		await new Promise((resolve) => this.server.close(resolve));
	}
}
