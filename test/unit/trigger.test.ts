import type { IWebhookFunctions } from 'n8n-workflow';
import { FortiGateTrigger } from '../../nodes/FortiGateTrigger/FortiGateTrigger.node';
import { hasSecret, logFields } from '../../nodes/FortiGateTrigger/stitch/delivery';
import { eventTypeOptions } from '../../nodes/FortiGateTrigger/stitch/eventTypes';
import { stitchName } from '../../nodes/FortiGateTrigger/stitch/objects';
import { parseFortiOsVersion, stitchShapes } from '../../nodes/FortiGateTrigger/stitch/version';

describe('object names', () => {
	test('prefix, workflow ID and a piece of the node ID, within 35 characters', () => {
		expect(stitchName('Wf7aB3cD9eF1gH2j', '7f3c9a1e-0000-4000-8000-000000000001')).toBe('n8n-Wf7aB3cD9eF1gH2j-7f3c9a');
		expect(stitchName('Wf7aB3cD9eF1gH2j', '7f3c9a1e-0000', true)).toBe('n8n-Wf7aB3cD9eF1gH2j-7f3c9a-test');
	});

	test('long or unusual workflow IDs are cut and cleaned, never the prefix or node part', () => {
		const name = stitchName('a workflow <id> "with" #odd (chars) and far too long', '12345678', true);
		expect(name.length).toBeLessThanOrEqual(35);
		expect(name).toMatch(/^n8n-[A-Za-z0-9_.-]+-123456-test$/);
	});
});

describe('field names by FortiOS version', () => {
	const shapes = (version: string) => stitchShapes(parseFortiOsVersion(version)!);
	test.each([
		['v6.4.14', { logidTable: false, httpHeaders: false, stitchActions: false, description: false }],
		['v7.0.0', { logidTable: true, httpHeaders: false, stitchActions: false, description: true }],
		['v7.0.5', { logidTable: true, httpHeaders: false, stitchActions: true, description: true }],
		['v7.0.6', { logidTable: true, httpHeaders: true, stitchActions: true, description: true }],
		['v7.2.0', { logidTable: true, httpHeaders: false, stitchActions: true, description: true }],
		['v7.2.1', { logidTable: true, httpHeaders: true, stitchActions: true, description: true }],
		['v7.6.4', { logidTable: true, httpHeaders: true, stitchActions: true, description: true }],
	])('%s', (version, expected) => {
		expect(shapes(version)).toEqual(expected);
	});

	test('the event list offers only what the version knows', () => {
		const on64 = eventTypeOptions(parseFortiOsVersion('v6.4.14')).map((option) => option.value);
		const on72 = eventTypeOptions(parseFortiOsVersion('v7.2.8')).map((option) => option.value);
		expect(on64).toContain('event-log');
		expect(on64).not.toContain('ips-logs');
		expect(on72).toEqual(expect.arrayContaining(['ips-logs', 'anomaly-logs', 'virus-logs', 'ssh-logs', 'webfilter-violation', 'traffic-violation']));
		expect(eventTypeOptions(undefined)).toHaveLength(on72.length);
	});
});

describe('what the webhook accepts', () => {
	test('the secret must match exactly', () => {
		expect(hasSecret('s3cr3t-value-of-the-workflow', 's3cr3t-value-of-the-workflow')).toBe(true);
		expect(hasSecret('s3cr3t-value-of-the-workflowX', 's3cr3t-value-of-the-workflow')).toBe(false);
		expect(hasSecret(undefined, 's3cr3t-value-of-the-workflow')).toBe(false);
		expect(hasSecret('anything', undefined)).toBe(false);
	});

	test('JSON from %%log%%, or the raw text when FortiOS sends something else', () => {
		expect(logFields({ logid: '0100032102', msg: 'x' }, undefined)).toEqual({ logid: '0100032102', msg: 'x' });
		expect(logFields({}, Buffer.from('{"logid":"0100020099"}'))).toEqual({ logid: '0100020099' });
		expect(logFields('VPN tunnel down', undefined)).toEqual({ raw: 'VPN tunnel down' });
	});

	function webhookContext(headers: Record<string, string>, body: unknown) {
		const response = { statusCode: 0, body: undefined as unknown, status(code: number) { this.statusCode = code; return this; }, json(value: unknown) { this.body = value; return this; } };
		const context = {
			getWorkflowStaticData: () => ({ name: 'n8n-Wf7aB3cD9eF1gH2j-7f3c9a', secret: 'the-registered-secret-of-this-wf' }),
			getHeaderData: () => headers,
			getBodyData: () => body,
			getRequestObject: () => ({ rawBody: Buffer.from(JSON.stringify(body)) }),
			getResponseObject: () => response,
		} as unknown as IWebhookFunctions;
		return { context, response };
	}

	test('a request without the right secret gets 401 and starts nothing', async () => {
		const { context, response } = webhookContext({ 'x-n8n-fortigate-secret': 'guessed' }, { logid: '0100032102' });
		const result = await new FortiGateTrigger().webhook.call(context);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.statusCode).toBe(401);
	});

	test('a delivery with the secret starts the workflow with the log\'s fields, receivedAt and the stitch', async () => {
		const { context } = webhookContext({ 'x-n8n-fortigate-secret': 'the-registered-secret-of-this-wf' }, { logid: '0100032102', user: 'admin' });
		const result = await new FortiGateTrigger().webhook.call(context);
		expect(result.workflowData).toEqual([[{ json: { logid: '0100032102', user: 'admin', receivedAt: expect.any(String), stitch: 'n8n-Wf7aB3cD9eF1gH2j-7f3c9a' } }]]);
	});
});
