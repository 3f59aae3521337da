import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLOUD_ACCOUNT, EmsEmulator, ON_PREM_ADMINS } from '../../test/emulator/ems/EmsEmulator';
import { FortiGateEmulator } from '../../test/emulator/fortigate/FortiGateEmulator';
import { DEMO_ADMINS, DEMO_API_USERS } from '../../test/emulator/fortigate/accounts';
import { FMG_ADMINS, FMG_API_KEYS } from '../../test/emulator/fortimanager/accounts';
import { FortiManagerEmulator } from '../../test/emulator/fortimanager/FortiManagerEmulator';
import { N8nInstance, type CredentialExport, type WorkflowExport } from './n8n';
import { ROOT, ensureRuntime, packPackage } from './runtime';

/** The credential IDs and names the examples refer to. */
export const CREDENTIAL_REFS = {
	fortiGateApiKeyApi: { id: 'fgtApiKeyEmu0001', name: 'FortiGate API Key' },
	fortiGateAdminLoginApi: { id: 'fgtAdminEmu00001', name: 'FortiGate Admin Login' },
	fortiClientCloudApi: { id: 'fctCloudEmu00001', name: 'FortiClient Cloud' },
	fortiClientEmsApi: { id: 'fctEmsEmu0000001', name: 'FortiClient EMS' },
	fortiManagerApi: { id: 'fmgApiKeyEmu0001', name: 'FortiManager' },
} as const;

/** A second FortiManager credential, with a login instead of the key. */
export const FORTIMANAGER_LOGIN_REF = Object.freeze({ id: 'fmgLoginEmu00001', name: 'FortiManager Login' });

export interface Emulators {
	fortiGate: FortiGateEmulator;
	cloud: EmsEmulator;
	onPrem: EmsEmulator;
	/** With its own fleet of FortiGate emulators (three branches, one down; a customer ADOM). */
	fortiManager: FortiManagerEmulator;
}

export async function startEmulators(options: { rebootDowntimeMs: number; endpointCount?: number }): Promise<Emulators> {
	const emulators = {
		fortiGate: new FortiGateEmulator({ profile: '7.2', rebootDowntimeMs: options.rebootDowntimeMs }),
		cloud: new EmsEmulator({ mode: 'cloud', endpointCount: options.endpointCount ?? 250 }),
		onPrem: new EmsEmulator({ mode: 'onPrem', endpointCount: options.endpointCount ?? 250 }),
		fortiManager: new FortiManagerEmulator(),
	};
	await Promise.all([emulators.fortiGate.start(), emulators.cloud.start(), emulators.onPrem.start(), emulators.fortiManager.start()]);
	return emulators;
}

export async function stopEmulators(emulators: Emulators): Promise<void> {
	await Promise.all([emulators.fortiGate.stop(), emulators.cloud.stop(), emulators.onPrem.stop(), emulators.fortiManager.stop()]);
}

/** Credentials pointing at the emulators, pinned to their certificates, in n8n's import shape. */
export function emulatorCredentials({ fortiGate, cloud, onPrem, fortiManager }: Emulators): CredentialExport[] {
	const fortiGateTls = { certificateFingerprint: fortiGate.fingerprint, allowUnauthorizedCerts: false, caCertificate: '' };
	return [
		{ ...CREDENTIAL_REFS.fortiGateApiKeyApi, type: 'fortiGateApiKeyApi', data: { baseUrl: fortiGate.url, apiKey: DEMO_API_USERS[0].key, vdom: '', ...fortiGateTls } },
		{ ...CREDENTIAL_REFS.fortiGateAdminLoginApi, type: 'fortiGateAdminLoginApi', data: { baseUrl: fortiGate.url, username: DEMO_ADMINS[0].username, password: DEMO_ADMINS[0].password, vdom: '', ...fortiGateTls } },
		{ ...CREDENTIAL_REFS.fortiClientCloudApi, type: 'fortiClientCloudApi', data: { baseUrl: cloud.url, ...CLOUD_ACCOUNT, caCertificate: cloud.caCertificate } },
		{
			...CREDENTIAL_REFS.fortiClientEmsApi,
			type: 'fortiClientEmsApi',
			data: { baseUrl: onPrem.url, username: ON_PREM_ADMINS[0].name, password: ON_PREM_ADMINS[0].password, site: '', certificateFingerprint: onPrem.fingerprint, allowUnauthorizedCerts: false, caCertificate: '' },
		},
		{
			...CREDENTIAL_REFS.fortiManagerApi,
			type: 'fortiManagerApi',
			data: { baseUrl: fortiManager.url, authType: 'apiKey', apiKey: FMG_API_KEYS[0].key, adom: 'root', certificateFingerprint: fortiManager.fingerprint, allowUnauthorizedCerts: false, caCertificate: '' },
		},
		{
			...FORTIMANAGER_LOGIN_REF,
			type: 'fortiManagerApi',
			data: { baseUrl: fortiManager.url, authType: 'login', username: FMG_ADMINS[0].user, password: FMG_ADMINS[0].passwd, adom: 'root', certificateFingerprint: fortiManager.fingerprint, allowUnauthorizedCerts: false, caCertificate: '' },
		},
	];
}

/** Where the examples write files: the folder the official n8n Docker image allows by default. */
export const EXAMPLE_FILES_FOLDER = '/home/node/.n8n-files';

/**
 * The examples as shipped; with `filesFolder`, the files they write go to
 * that folder instead of the Docker image's.
 */
export function loadExamples(filesFolder?: string): WorkflowExport[] {
	const dir = join(ROOT, 'examples');
	return readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => {
			const text = readFileSync(join(dir, name), 'utf8');
			return JSON.parse(filesFolder ? text.split(`${EXAMPLE_FILES_FOLDER}/`).join(`${filesFolder}/`) : text) as WorkflowExport;
		});
}

/** The webhook path a workflow answers on in the lab. */
export function webhookPath(workflow: WorkflowExport): string {
	const webhook = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
	return webhook ? String((webhook.parameters as { path: string }).path) : `run-${workflow.id}`;
}

/**
 * A scheduled workflow made callable: its Schedule Trigger becomes a Webhook
 * of the same name that answers with the last node's items, so that a run can
 * be started on demand and its output read back. Everything else is unchanged.
 */
export function asWebhookWorkflow(workflow: WorkflowExport): WorkflowExport {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowExport;
	copy.nodes = copy.nodes.map((node) =>
		node.type === 'n8n-nodes-base.scheduleTrigger'
			? {
					...node,
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					webhookId: randomUUID(),
					parameters: { httpMethod: 'POST', path: `run-${workflow.id}`, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
				}
			: node,
	);
	return copy;
}

/** Installs the runtime and the freshly built package into a new n8n folder. */
export function prepareN8n(options: { folder: string; port: number; owner?: { email: string; passwordHash: string } }): N8nInstance {
	ensureRuntime();
	const tarball = packPackage(join(options.folder, 'package'));
	const n8n = new N8nInstance(options);
	n8n.installPackage(tarball);
	return n8n;
}

/**
 * The same for `n8n execute`, which starts only from a Manual (or Execute
 * Workflow) Trigger: a Schedule Trigger becomes a Manual Trigger of the same
 * name, as if the schedule fired now.
 */
export function asManualWorkflow(workflow: WorkflowExport): WorkflowExport {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowExport;
	copy.nodes = copy.nodes.map((node) =>
		node.type === 'n8n-nodes-base.scheduleTrigger' ? { ...node, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} } : node,
	);
	return copy;
}
