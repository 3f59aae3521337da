import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Fault-injection hooks shared by the emulators. A fault matches a method and
 * a path (string prefix or RegExp) and fires a number of times (default once).
 */
export type FaultKind =
	| { kind: 'latency'; ms: number }
	| { kind: 'status'; status: number; body?: string; contentType?: string }
	| { kind: 'reset' }
	/** Sends the headers and part of the body, then cuts the connection. */
	| { kind: 'truncate' }
	/** Runs a hook (for example: end every session), then serves the request normally. */
	| { kind: 'call'; run: () => void };

export type Fault = FaultKind & {
	method?: string;
	path: string | RegExp;
	times?: number;
};

export class FaultInjector {
	private faults: Array<Fault & { remaining: number }> = [];
	readonly fired: Record<string, number> = {};

	add(fault: Fault): void {
		this.faults.push({ ...fault, remaining: fault.times ?? 1 });
	}

	clear(): void {
		this.faults = [];
	}

	/** Applies the first matching fault; returns true when the request was answered (or killed) by it. */
	async apply(method: string, path: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
		const fault = this.faults.find(
			(candidate) =>
				candidate.remaining > 0 &&
				(!candidate.method || candidate.method === method) &&
				(typeof candidate.path === 'string' ? path.startsWith(candidate.path) : candidate.path.test(path)),
		);
		if (!fault) return false;
		fault.remaining--;
		this.fired[fault.kind] = (this.fired[fault.kind] ?? 0) + 1;
		switch (fault.kind) {
			case 'latency':
				await new Promise((resolve) => setTimeout(resolve, fault.ms));
				return false;
			case 'call':
				fault.run();
				return false;
			case 'status':
				res.writeHead(fault.status, { 'content-type': fault.contentType ?? 'text/html' });
				res.end(fault.body ?? '');
				return true;
			case 'reset':
				req.socket.destroy();
				return true;
			case 'truncate':
				res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' });
				res.write('{"http_method":"GET","results":[{"ip":"10.');
				setTimeout(() => req.socket.destroy(), 10);
				return true;
		}
	}
}
