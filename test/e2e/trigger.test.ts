import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FortiGateEmulator } from '../emulator/fortigate/FortiGateEmulator';
import { DEMO_ADMINS, DEMO_API_USERS } from '../emulator/fortigate/accounts';
import type { ProfileName } from '../emulator/fortigate/profiles';
import { prepareN8n } from '../../scripts/lib/lab';
import type { CredentialExport, N8nInstance, WorkflowExport } from '../../scripts/lib/n8n';
import { bcryptHash } from '../../scripts/lib/runtime';

/**
 * The FortiGate Trigger inside the pinned real n8n: n8n activates the
 * workflow and the node registers its stitch on the emulated FortiGate; an
 * event raised on the device reaches n8n through the stitch's webhook and
 * starts an execution; deactivating through n8n's REST API removes every
 * object again. On FortiOS 6.4 (API key) and 7.6.4 (admin login), whose
 * automation objects use different field names.
 */
jest.setTimeout(20 * 60_000);

const OWNER = { email: 'owner@example.com', password: 'E2e-owner-2026' };

interface Site {
	profile: ProfileName;
	authentication: 'apiKey' | 'adminLogin';
	workflowId: string;
	emulator: FortiGateEmulator;
}

const sites: Site[] = [
	{ profile: '6.4', authentication: 'apiKey', workflowId: 'trigFortiOs64000', emulator: new FortiGateEmulator({ profile: '6.4' }) },
	{ profile: '7.6.4', authentication: 'adminLogin', workflowId: 'trigFortiOs76400', emulator: new FortiGateEmulator({ profile: '7.6.4' }) },
];

let n8n: N8nInstance;
let folder: string;

function credential(site: Site): CredentialExport {
	const { emulator } = site;
	const tls = { certificateFingerprint: emulator.fingerprint, allowUnauthorizedCerts: false, caCertificate: '' };
	return site.authentication === 'apiKey'
		? { id: `cred${site.workflowId.slice(4)}`, name: `FortiGate ${site.profile}`, type: 'fortiGateApiKeyApi', data: { baseUrl: emulator.url, apiKey: DEMO_API_USERS[0].key, vdom: '', ...tls } }
		: { id: `cred${site.workflowId.slice(4)}`, name: `FortiGate ${site.profile}`, type: 'fortiGateAdminLoginApi', data: { baseUrl: emulator.url, username: DEMO_ADMINS[0].username, password: DEMO_ADMINS[0].password, vdom: '', ...tls } };
}

function triggerWorkflow(site: Site): WorkflowExport {
	const type = site.authentication === 'apiKey' ? 'fortiGateApiKeyApi' : 'fortiGateAdminLoginApi';
	return {
		id: site.workflowId,
		name: `FortiGate ${site.profile}: admin logins`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'f1000000-0000-4000-8000-000000000001',
				name: 'FortiGate Trigger',
				type: 'n8n-nodes-fortinet.fortiGateTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: `f1000000-0000-4000-8000-${site.workflowId.slice(-12)}`,
				parameters: { authentication: site.authentication, event: 'event-log', logIds: '32001' },
				credentials: { [type]: { id: credential(site).id, name: credential(site).name } },
			},
		],
		connections: {},
	};
}

const n8nObjects = (emulator: FortiGateEmulator) =>
	(['automation-trigger', 'automation-action', 'automation-stitch'] as const).flatMap((kind) => emulator.data.automation.names(kind).filter((name) => name.startsWith('n8n-')));

async function until<T>(what: string, read: () => T | undefined, timeoutMs = 30_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = read();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

beforeAll(async () => {
	await Promise.all(sites.map((site) => site.emulator.start()));
	folder = mkdtempSync(join(tmpdir(), 'n8n-fortinet-trigger-'));
	n8n = prepareN8n({ folder, port: 6700 + Math.floor(Math.random() * 400) * 2, owner: { email: OWNER.email, passwordHash: bcryptHash(OWNER.password) } });
	n8n.importCredentials(sites.map(credential));
	n8n.importWorkflows(sites.map(triggerWorkflow), true);
	await n8n.start();
});

afterAll(async () => {
	await n8n?.stop();
	await Promise.all(sites.map((site) => site.emulator.stop()));
	if (folder) rmSync(folder, { recursive: true, force: true });
});

describe.each(sites)('FortiOS $profile with $authentication', (site) => {
	const { emulator } = site;

	test('activation registered the trigger, the webhook action and the stitch', async () => {
		const names = await until('the stitch', () => (n8nObjects(emulator).length === 3 ? n8nObjects(emulator) : undefined));
		const name = `n8n-${site.workflowId}-f10000`;
		expect(names).toEqual([name, name, name]);
		const action = emulator.data.automation.row('automation-action', name)!;
		expect(action).toMatchObject({ protocol: 'http', uri: expect.stringMatching(/^127\.0\.0\.1\/webhook\/f1000000-.*\/webhook$/) });
		expect(Object.keys(action)).toContain(site.profile === '6.4' ? 'headers' : 'http-headers');
	});

	test('an event on the FortiGate starts an execution carrying the log\'s fields', async () => {
		const [delivery] = await emulator.data.automation.raiseEvent({ eventType: 'event-log', logid: 32001, fields: { user: 'admin', ui: 'https(198.51.100.7)', msg: 'Administrator admin logged in successfully from https(198.51.100.7)' } });
		expect(delivery.status).toBe(200);
		const [execution] = await until('the execution', () => {
			const runs = n8n.executionOutputs(site.workflowId, 'FortiGate Trigger').filter((run) => run.status === 'success');
			return runs.length > 0 ? runs : undefined;
		});
		expect(execution.items).toEqual([
			expect.objectContaining({ logid: '0100032001', user: 'admin', msg: 'Administrator admin logged in successfully from https(198.51.100.7)', stitch: `n8n-${site.workflowId}-f10000`, receivedAt: expect.any(String) }),
		]);
	});

	test('a request without the secret is refused with 401 and starts nothing', async () => {
		const before = n8n.executionOutputs(site.workflowId, 'FortiGate Trigger').length;
		const action = emulator.data.automation.row('automation-action', `n8n-${site.workflowId}-f10000`)!;
		const response = await fetch(`http://${String(action.uri).replace(/^127\.0\.0\.1/, `127.0.0.1:${Number(action.port)}`)}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ logid: '0100032001', msg: 'forged' }),
		});
		expect(response.status).toBe(401);
		await new Promise((resolve) => setTimeout(resolve, 1_000));
		expect(n8n.executionOutputs(site.workflowId, 'FortiGate Trigger')).toHaveLength(before);
	});

	test('deactivating the workflow removes every n8n object from the FortiGate, and no session stays open', async () => {
		const rest = await n8n.restAs(OWNER);
		const { status } = await rest('POST', `/workflows/${site.workflowId}/deactivate`, {});
		expect(status).toBe(200);
		await until('the clean-up', () => (n8nObjects(emulator).length === 0 ? true : undefined));
		expect(emulator.openSessions).toBe(0);
		expect(emulator.counters.logouts).toBe(emulator.counters.logins);
	});
});
