import * as https from 'node:https';

/**
 * A bare HTTPS request to an emulator, used to prove the emulator's own
 * behaviour (that it really refuses what the node must avoid).
 */
export function rawRequest(
	url: string,
	options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
	return new Promise((resolve, reject) => {
		const request = https.request(url, { method: options.method ?? 'GET', headers: options.headers, rejectUnauthorized: false }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: response.headers }));
		});
		request.on('error', reject);
		request.end(options.body);
	});
}

/** Logs in through /logincheck and returns the raw cookie header to replay. */
export async function legacyLoginCookies(baseUrl: string, username: string, password: string): Promise<{ cookie: string; csrf: string }> {
	const response = await rawRequest(`${baseUrl}/logincheck`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username, secretkey: password, ajax: '1' }).toString(),
	});
	const setCookie = (response.headers['set-cookie'] ?? []) as string[];
	const pairs = setCookie.map((header) => header.split(';')[0]);
	const csrfPair = pairs.find((pair) => /^ccsrf/.test(pair)) ?? '';
	return { cookie: pairs.join('; '), csrf: csrfPair.split('=')[1].replace(/"/g, '') };
}
