import { FortiGateTrigger } from '../../nodes/FortiGateTrigger/FortiGateTrigger.node';
import type { ProfileName } from '../emulator/fortigate/profiles';
import { AUDITOR, AUTHENTICATIONS, credentialsFor, emulatorPerTest, type Authentication } from '../harness/fortiGate';
import { hookHarness, type HookHarness } from '../harness/runHook';
import { WebhookReceiver } from '../harness/webhookReceiver';
import type { FortiGateEmulator } from '../emulator/fortigate/FortiGateEmulator';

const KINDS = ['automation-trigger', 'automation-action', 'automation-stitch'] as const;
const NAME = 'n8n-Wf7aB3cD9eF1gH2j-7f3c9a';

let receiver: WebhookReceiver;
beforeAll(async () => {
	receiver = new WebhookReceiver();
	await receiver.start();
});
afterAll(async () => await receiver.stop());
beforeEach(() => receiver.received.splice(0));

function trigger(emulator: FortiGateEmulator, authentication: Authentication, parameters: Record<string, unknown>, credentialOverrides = {}): HookHarness {
	return hookHarness({
		nodeType: new FortiGateTrigger(),
		typeName: 'n8n-nodes-fortinet.fortiGateTrigger',
		parameters: { authentication, ...parameters } as never,
		credentialType: authentication === 'apiKey' ? 'fortiGateApiKeyApi' : 'fortiGateAdminLoginApi',
		credentials: credentialsFor(emulator, authentication, credentialOverrides),
		webhookBaseUrl: receiver.url,
	});
}

/** Objects whose names start with n8n's prefix, per kind. */
function n8nObjects(emulator: FortiGateEmulator): string[] {
	return KINDS.flatMap((kind) => emulator.data.automation.names(kind).filter((name) => name.startsWith('n8n-')).map((name) => `${kind}:${name}`));
}

describe.each<ProfileName>(['6.4', '7.2', '7.6.3', '7.6.4'])('FortiOS %s', (profile) => {
	const device = emulatorPerTest({ profile });

	describe.each(AUTHENTICATIONS)('with %s', (authentication) => {
		test('activation registers trigger, action and stitch; an event reaches the webhook with the secret; deactivation removes all three', async () => {
			const { emulator } = device;
			const hooks = trigger(emulator, authentication, { event: 'event-log', logIds: '32102', fieldFilters: { filter: [{ name: 'user', value: 'adm*' }] } });
			expect(await hooks.call('checkExists')).toBe(false);
			expect(await hooks.call('create')).toBe(true);
			expect(n8nObjects(emulator)).toEqual(KINDS.map((kind) => `${kind}:${NAME}`));
			const { secret, name } = hooks.staticData() as { secret: string; name: string };
			expect(name).toBe(NAME);
			expect(secret).toMatch(/^[\w-]{32}$/);

			// The field names of this version.
			const v7 = profile !== '6.4';
			const held = emulator.data.automation;
			expect(held.row('automation-trigger', NAME)).toMatchObject({ 'event-type': 'event-log', logid: v7 ? [{ id: 32102 }] : 32102, fields: [{ id: 1, name: 'user', value: 'adm*' }] });
			const action = held.row('automation-action', NAME)!;
			const webhook = new URL(hooks.webhookUrl());
			expect(action).toMatchObject({ 'action-type': 'webhook', protocol: 'http', method: 'post', port: Number(webhook.port), uri: `127.0.0.1${webhook.pathname}`, 'http-body': '%%log%%' });
			expect(Object.keys(action)).toContain(v7 ? 'http-headers' : 'headers');
			expect(held.row('automation-stitch', NAME)).toMatchObject(v7 ? { actions: [{ id: 1, action: NAME, delay: 0, required: 'enable' }] } : { action: [{ name: NAME }] });
			expect(await hooks.call('checkExists')).toBe(true);

			// A matching event is delivered; one whose field does not match is not.
			await held.raiseEvent({ eventType: 'event-log', logid: 32102, fields: { user: 'operator', msg: 'no match' } });
			const [delivery] = await held.raiseEvent({ eventType: 'event-log', logid: 32102, fields: { user: 'admin', msg: 'Edit system.global' } });
			expect(delivery.status).toBe(200);
			expect(receiver.received).toHaveLength(1);
			const [request] = receiver.received;
			expect(request.path).toBe(webhook.pathname);
			expect(request.headers['content-type']).toBe('application/json');
			expect(request.headers['x-n8n-fortigate-secret']).toBe(secret);
			expect(JSON.parse(request.body)).toMatchObject({ logid: '0100032102', user: 'admin', msg: 'Edit system.global' });

			expect(await hooks.call('delete')).toBe(true);
			expect(n8nObjects(emulator)).toEqual([]);
			expect(hooks.staticData()).toEqual({});
			// Already gone: still fine.
			expect(await hooks.call('delete')).toBe(true);
		});
	});

	test('a changed webhook address is noticed, and activation replaces the objects', async () => {
		const { emulator } = device;
		const hooks = trigger(emulator, 'apiKey', { event: 'ha-failover' });
		await hooks.call('create');
		emulator.data.automation.row('automation-action', NAME)!.uri = 'old-n8n.example.com/webhook/x/webhook';
		expect(await hooks.call('checkExists')).toBe(false);
		await hooks.call('create');
		expect(emulator.data.automation.row('automation-action', NAME)!.uri).toBe(`127.0.0.1${new URL(hooks.webhookUrl()).pathname}`);
		await hooks.call('delete');
	});

	test('objects left behind by a lost activation are replaced, not duplicated', async () => {
		const { emulator } = device;
		await trigger(emulator, 'apiKey', { event: 'reboot' }).call('create');
		const fresh = trigger(emulator, 'apiKey', { event: 'config-change' });
		await fresh.call('create');
		expect(n8nObjects(emulator)).toHaveLength(3);
		expect(emulator.data.automation.row('automation-trigger', NAME)).toMatchObject({ 'event-type': 'config-change' });
		await fresh.call('delete');
	});

	test('listen for test event: objects of its own, and the stitch fires once with a sample log', async () => {
		const { emulator } = device;
		const hooks = trigger(emulator, 'adminLogin', { event: 'event-log', logIds: '0100032102' });
		await hooks.call('create', 'manual');
		expect(n8nObjects(emulator)).toEqual(KINDS.map((kind) => `${kind}:${NAME}-test`));
		await emulator.data.automation.settled();
		expect(receiver.received).toHaveLength(1);
		expect(receiver.received[0].path).toContain('/webhook-test/');
		expect(JSON.parse(receiver.received[0].body)).toMatchObject({ logid: '0100032102', msg: `Test event for ${NAME}-test, sent by n8n` });
		await hooks.call('delete', 'manual');
		expect(n8nObjects(emulator)).toEqual([]);
	});
});

describe('activation that cannot succeed leaves nothing behind', () => {
	const device = emulatorPerTest({ profile: '7.6.4' });

	test('full automation tables: a clear error, and no half-made stitch', async () => {
		const { emulator } = device;
		// Room for the trigger and the action, not for the stitch.
		emulator.data.automation.tableSizes['automation-stitch'] = 0;
		const error = await trigger(emulator, 'apiKey', { event: 'ioc' }).call('create').catch((caught: Error) => caught);
		expect((error as Error).message).toBe('The FortiGate\'s automation tables are full (FortiOS error -4); nothing was created');
		expect(n8nObjects(emulator)).toEqual([]);
	});

	test('an account without System write access is told so, and nothing is created', async () => {
		const { emulator } = device;
		const error = await trigger(emulator, 'adminLogin', { event: 'ioc' }, { username: AUDITOR.username, password: AUDITOR.password }).call('create').catch((caught: Error) => caught);
		expect((error as Error).message).toBe('403 on create the automation trigger: the admin profile lacks System (sysgrp): Read/Write access');
		expect(n8nObjects(emulator)).toEqual([]);
	});
});

describe('a failed "Listen for test event" leaves the active workflow\'s objects exactly as they were', () => {
	const device = emulatorPerTest({ profile: '7.6.4' });
	const parameters = { event: 'event-log', logIds: '32102' };

	/** Everything the device holds of the production registration, to compare before and after. */
	const productionObjects = (emulator: FortiGateEmulator) => KINDS.map((kind) => emulator.data.automation.row(kind, NAME));

	test.each([
		['the test action cannot be created', { kind: 'status' as const, status: 500, body: '{"status":"error","http_status":500,"error":-1}', contentType: 'application/json', method: 'POST', path: '/api/v2/cmdb/system/automation-action' }],
		['the test event is refused after all three test objects exist', { kind: 'status' as const, status: 500, body: '{"status":"error","http_status":500,"error":-1}', contentType: 'application/json', method: 'POST', path: '/api/v2/monitor/system/automation-stitch/test' }],
	])('%s: n8n\'s delete in mode "internal" removes only the test objects', async (_case, fault) => {
		const { emulator } = device;
		const production = trigger(emulator, 'apiKey', parameters);
		await production.call('create');
		const before = structuredClone(productionObjects(emulator));
		const registered = JSON.parse(JSON.stringify(production.staticData())) as unknown;

		// n8n runs a test listen on a workflow of its own, whose static data starts empty (test-webhooks.ts, toWorkflow).
		const testing = trigger(emulator, 'apiKey', parameters);
		emulator.faults.add(fault);
		await expect(testing.call('create', 'manual')).rejects.toThrow();
		// After a failed create n8n deactivates the test webhook: delete, mode "internal", activation "update".
		await testing.call('delete', 'internal', true);

		expect(n8nObjects(emulator)).toEqual(KINDS.map((kind) => `${kind}:${NAME}`));
		expect(productionObjects(emulator)).toEqual(before);
		expect(JSON.parse(JSON.stringify(production.staticData()))).toEqual(registered);
		expect(await production.call('checkExists')).toBe(true);
		await production.call('delete', 'internal');
		expect(n8nObjects(emulator)).toEqual([]);
	});

	test('a delete with nothing recorded deletes nothing', async () => {
		const { emulator } = device;
		const production = trigger(emulator, 'apiKey', parameters);
		await production.call('create');
		await trigger(emulator, 'apiKey', parameters).call('delete', 'internal', true);
		expect(n8nObjects(emulator)).toEqual(KINDS.map((kind) => `${kind}:${NAME}`));
		await production.call('delete', 'internal');
	});
});

describe('the FortiOS version decides what can be registered', () => {
	const cases: Array<[ProfileName, Record<string, unknown>, string]> = [
		['6.0', { event: 'ioc' }, 'The FortiGate Trigger needs FortiOS 6.4 or later; this FortiGate runs 6.0.4'],
		['6.4', { event: 'ips-logs' }, 'FortiOS 6.4.14 has no "ips-logs" trigger; it arrived in 7.2.0'],
		['6.4', { event: 'event-log', logIds: '32102, 32138' }, '2 log IDs; this FortiOS version takes 1 per trigger'],
		['7.2', { event: 'event-log', logIds: '' }, 'Log IDs is empty'],
		['7.2', { event: 'event-log', logIds: '3210200' }, 'Log IDs: "3210200" is not a FortiOS log ID'],
	];
	describe.each(cases)('FortiOS %s with %j', (profile, parameters, message) => {
		const device = emulatorPerTest({ profile });
		test('is refused before anything is created', async () => {
			const error = await trigger(device.emulator, 'apiKey', parameters).call('create').catch((caught: Error) => caught);
			expect((error as Error).message).toBe(message);
			expect(n8nObjects(device.emulator)).toEqual([]);
			expect(Object.keys(device.emulator.counters.requests).filter((key) => key.startsWith('POST /api/v2/cmdb'))).toEqual([]);
		});
	});
});
