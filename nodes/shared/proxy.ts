import { Client } from 'undici';
import type { buildConnector } from 'undici';
import { FortinetError } from './errors';

type Socket = NonNullable<buildConnector.Options['httpSocket']>;

/**
 * HTTPS_PROXY / NO_PROXY support, as n8n's own HTTP nodes honour them. The
 * tunnel is opened here (HTTP CONNECT) so that the TLS handshake to the device
 * still runs through our own certificate checks, pinning included.
 */
export interface ProxySettings {
	proxyUrl?: URL;
	noProxy: string[];
}

export function readProxySettings(env: NodeJS.ProcessEnv = process.env): ProxySettings {
	const raw = env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy ?? '';
	let proxyUrl: URL | undefined;
	if (raw.trim()) {
		try {
			proxyUrl = new URL(raw.includes('://') ? raw.trim() : `http://${raw.trim()}`);
		} catch {
			proxyUrl = undefined;
		}
	}
	const noProxy = (env.NO_PROXY ?? env.no_proxy ?? '')
		.split(/[\s,]+/)
		.map((entry) => entry.trim().toLowerCase())
		.filter(Boolean);
	return { proxyUrl, noProxy };
}

export function proxyApplies(settings: ProxySettings, hostname: string, port: number): boolean {
	if (!settings.proxyUrl) return false;
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	for (const entry of settings.noProxy) {
		if (entry === '*') return false;
		const [entryHost, entryPort] = entry.replace(/^\*?\./, '.').split(/:(?=\d+$)/);
		if (entryPort && Number(entryPort) !== port) continue;
		const bare = entryHost.replace(/^\./, '');
		if (host === bare || host.endsWith(`.${bare}`)) return false;
	}
	return true;
}

export function createTunnelOpener(settings: ProxySettings, timeoutMs: number) {
	return async (hostname: string, port: number): Promise<Socket | undefined> => {
		if (!proxyApplies(settings, hostname, port)) return undefined;
		const proxy = settings.proxyUrl!;
		const headers: Record<string, string> = { host: `${hostname}:${port}` };
		if (proxy.username) {
			const user = decodeURIComponent(proxy.username);
			const password = decodeURIComponent(proxy.password);
			headers['proxy-authorization'] = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
		}
		// A little shorter than the request's own deadline, so that a proxy that never
		// answers CONNECT is named as the cause rather than the device.
		const tunnelTimeoutMs = Math.max(500, Math.floor(timeoutMs * 0.8));
		const client = new Client(proxy.origin, { connectTimeout: tunnelTimeoutMs, headersTimeout: tunnelTimeoutMs });
		let statusCode: number;
		let socket: Socket;
		try {
			({ socket, statusCode } = (await client.connect({ path: `${hostname}:${port}`, headers, signal: AbortSignal.timeout(tunnelTimeoutMs) })) as unknown as { socket: Socket; statusCode: number });
		} catch (error) {
			throw proxyFailed(proxy, hostname, port, error, tunnelTimeoutMs);
		} finally {
			// The tunnel socket now belongs to the caller; the proxy client is done.
			void client.close().catch(() => undefined);
		}
		if (statusCode === 200) return socket;
		socket.destroy();
		throw new FortinetError({
			kind: 'connection',
			code: 'PROXY_REFUSED',
			message: `The proxy ${proxy.host} refused to connect to ${hostname}:${port} (HTTP ${statusCode})`,
			description: 'Check the proxy\'s access rules, or add the device to NO_PROXY if n8n should reach it directly.',
		});
	};
}

/** The proxy itself could not be reached, or never answered CONNECT. */
function proxyFailed(proxy: URL, hostname: string, port: number, error: unknown, timeoutMs: number): FortinetError {
	const name = (error as { name?: string })?.name ?? '';
	const code = String((error as { code?: unknown })?.code ?? '');
	const timedOut = name === 'TimeoutError' || name === 'AbortError' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT';
	return new FortinetError({
		kind: timedOut ? 'timeout' : 'connection',
		code: timedOut ? 'PROXY_TIMEOUT' : code || 'PROXY_UNREACHABLE',
		message: timedOut
			? `The proxy ${proxy.host} did not open a tunnel to ${hostname}:${port} within ${Math.round(timeoutMs / 1000)} s`
			: `The proxy ${proxy.host} could not be reached (${code || name || 'error'})`,
		description: 'Check HTTPS_PROXY on the n8n host and that the proxy is up and allows CONNECT to the device\'s admin port, or add the device to NO_PROXY if n8n should reach it directly.',
	});
}
