import { timingSafeEqual } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

/** Whether a request carries the workflow's secret, compared in constant time. */
export function hasSecret(received: unknown, secret: string | undefined): boolean {
	if (!secret || typeof received !== 'string') return false;
	const [a, b] = [Buffer.from(received), Buffer.from(secret)];
	return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The log's fields from what FortiOS sent: `%%log%%` expands to a JSON
 * object, which n8n has parsed already. Anything else (a hand-edited body,
 * another content type) is kept as text, parsed when it is JSON after all.
 */
export function logFields(body: unknown, rawBody: Buffer | undefined): IDataObject {
	if (body && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length > 0) return body as IDataObject;
	const text = typeof body === 'string' ? body : (rawBody?.toString('utf8') ?? '');
	try {
		const parsed: unknown = JSON.parse(text);
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as IDataObject;
	} catch {
		// Not JSON: the text itself is the event.
	}
	return { raw: text };
}
