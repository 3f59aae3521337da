import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, selectors, type Page } from 'playwright-core';
import { prepareN8n, startEmulators, stopEmulators } from './lib/lab';
import { CACHE, ROOT, bcryptHash, say } from './lib/runtime';
import { DEMO_API_USERS } from '../test/emulator/fortigate/accounts';
import { CLOUD_ACCOUNT } from '../test/emulator/ems/EmsEmulator';
import { FMG_API_KEYS } from '../test/emulator/fortimanager/accounts';

/**
 * `npm run test:editor`: what a person sees in the n8n editor, in headless
 * Chromium. It starts the emulators and n8n with the packed package as
 * `npm start` does (in a folder of its own), then signs in. It finds the
 * FortiGate node by searching "Forti", sees its actions, creates the API key
 * credential (its test succeeds), picks an address from the list the
 * FortiGate gives, and executes the node; then it picks from every other list
 * (address group, IPsec tunnel, interface, VDOM, policy). The same follows for
 * the FortiClient EMS node and an endpoint, and for the FortiManager node's
 * script, ADOM, device and group lists. Every step leaves a screenshot under
 * .cache/editor-screenshots; a failed step names its screenshot.
 */
const OWNER = { email: 'editor@example.com', password: 'Editor-test-2026' };
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(CACHE, 'editor-screenshots');

/** The README's pictures, written by `npm run test:editor -- --readme-screenshots`. */
const README_SHOTS: Record<string, string> = {
	'execute the node and see its output item': 'editor-fortigate-address.png',
	'pick an endpoint by host name and IP from the list': 'editor-ems-endpoint-list.png',
};

/** Debian's Chromium; this network refuses browser downloads, so no other browser is tried. */
function ensureChromium(): void {
	if (existsSync(CHROMIUM)) return;
	say('Installing Debian\'s chromium (apt-get)…');
	execFileSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq chromium'], { stdio: 'inherit' });
}

/** The dropdown entry titled exactly so (its description, shown with it, aside). */
function entry(page: Page, title: string) {
	return page.getByRole('option').filter({ has: page.getByText(title, { exact: true }) }).first();
}

/** Chooses an entry of a parameter's dropdown (Resource, Operation). */
async function choose(page: Page, parameter: string, option: string): Promise<void> {
	await page.getByTestId(`parameter-input-${parameter}`).click();
	await entry(page, option).click();
}

/** Adds an entry of the node's Options collection. */
async function addOption(page: Page, option: string): Promise<void> {
	await page.getByPlaceholder('Add Option').or(page.getByRole('button', { name: 'Add Option' })).first().click();
	await entry(page, option).click();
}

/**
 * Opens a "From List" dropdown (the open node's first, or its last one, which
 * is the Options entry just added), waits for the device's entries, picks
 * one, and checks that the field shows it.
 */
async function pickFromList(page: Page, entry: string, which: 'first' | 'last' = 'first'): Promise<void> {
	const fields = page.locator('input[data-test-id="rlc-input"], [data-test-id="rlc-input"] input');
	const field = which === 'first' ? fields.first() : fields.last();
	await field.click();
	await page.getByTestId('rlc-item').filter({ hasText: entry }).first().click();
	const shown = await field.inputValue();
	if (!shown.includes(entry)) throw new Error(`the field shows "${shown}", not "${entry}"`);
}

/** Creates a credential in the dialog the node's "Connect to" button opens, and proves its test succeeded. */
async function createCredential(page: Page, fields: Record<string, string>): Promise<void> {
	await page.getByRole('button', { name: /^Connect to / }).first().click();
	const modal = page.getByTestId('editCredential-modal');
	for (const [name, value] of Object.entries(fields)) {
		await modal.getByTestId(`parameter-input-${name}`).locator('input, textarea').first().fill(value);
	}
	await modal.getByTestId('credential-save-button').click();
	// Saving runs the credential's test; a successful one closes the dialog. Reopened, it says so.
	await modal.waitFor({ state: 'hidden', timeout: 30_000 });
	await page.getByTestId('credential-edit-button').first().click();
	await page.getByTestId('credentials-config-container-test-success').waitFor({ timeout: 30_000 });
	await modal.locator('.el-dialog__close, [aria-label="Close"]').first().click();
	await modal.waitFor({ state: 'hidden' });
}

/** A new workflow with one node, added from the node panel by searching "Forti", with the action given. */
async function addNode(page: Page, baseUrl: string, node: string, action: string): Promise<void> {
	await page.goto(`${baseUrl}/workflow/new`);
	await page.getByTestId('canvas-add-button').or(page.getByTestId('canvas-add-first-step-button')).first().click();
	await page.getByTestId('node-creator-search-bar').fill('Forti');
	await page.getByTestId('node-creator-item-name').getByText(node, { exact: true }).first().click();
	await page.getByText(action, { exact: true }).first().click();
	await page.getByTestId('ndv-output-panel').or(page.getByTestId('output-panel')).first().waitFor();
}

let shot = 0;
/** One step of what a person does; every step leaves a screenshot, a failed one names it. */
async function step(page: Page, name: string, action: () => Promise<void>): Promise<void> {
	const file = join(SHOTS, `${String(++shot).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
	try {
		await action();
		await page.screenshot({ path: file });
		if (process.argv.includes('--readme-screenshots') && README_SHOTS[name]) copyFileSync(file, join(ROOT, 'docs', README_SHOTS[name]));
		say(`ok   ${name}`);
	} catch (error) {
		await page.screenshot({ path: file }).catch(() => undefined);
		throw new Error(`Editor step "${name}" failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}. Screenshot: ${file}`);
	}
}

async function main(): Promise<void> {
	ensureChromium();
	rmSync(SHOTS, { recursive: true, force: true });
	mkdirSync(SHOTS, { recursive: true });
	const emulators = await startEmulators({ rebootDowntimeMs: 3_000 });
	const folder = mkdtempSync(join(tmpdir(), 'n8n-fortinet-editor-'));
	const n8n = prepareN8n({ folder, port: 5890 + Math.floor(Math.random() * 100) * 2, owner: { email: OWNER.email, passwordHash: bcryptHash(OWNER.password) } });
	selectors.setTestIdAttribute('data-test-id');
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	try {
		await n8n.start();
		const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
		page.setDefaultTimeout(15_000);
		await step(page, 'sign in', async () => {
			await page.goto(`${n8n.url}/signin`);
			await page.locator('input[name="emailOrLdapLoginId"], input[type="email"]').first().fill(OWNER.email);
			await page.locator('input[name="password"]').fill(OWNER.password);
			await page.getByRole('button', { name: 'Sign in' }).click();
			await page.waitForURL((url) => !url.pathname.includes('signin'));
		});
		await step(page, 'open a new workflow', async () => {
			await page.goto(`${n8n.url}/workflow/new`);
			await page.getByTestId('canvas-add-button').or(page.getByTestId('canvas-add-first-step-button')).first().waitFor();
		});
		await step(page, 'find the FortiGate node by searching Forti', async () => {
			await page.getByTestId('canvas-add-button').or(page.getByTestId('canvas-add-first-step-button')).first().click();
			await page.getByTestId('node-creator-search-bar').fill('Forti');
			for (const name of ['FortiGate', 'FortiClient EMS', 'FortiManager']) await page.getByTestId('node-creator-item-name').getByText(name, { exact: true }).first().waitFor();
		});
		await step(page, 'see the FortiGate resources and operations', async () => {
			await page.getByTestId('node-creator-item-name').getByText('FortiGate', { exact: true }).first().click();
			// The node and its trigger share the entry; its actions are listed by resource.
			await page.getByText(/^Actions \(\d+\)$/).first().click();
			await page.getByText('Get an address', { exact: true }).first().waitFor();
			await page.getByText('Create a firewall policy', { exact: true }).first().waitFor();
		});
		await step(page, 'add Address > Get', async () => {
			await page.getByText('Get an address', { exact: true }).first().click();
			await page.getByTestId('ndv-output-panel').or(page.getByTestId('output-panel')).first().waitFor();
		});
		const { fortiGate } = emulators;
		await step(page, 'create the FortiGate API key credential; its test succeeds', async () => {
			await createCredential(page, { baseUrl: fortiGate.url, apiKey: DEMO_API_USERS[0].key, certificateFingerprint: fortiGate.fingerprint });
		});
		await step(page, 'pick an address from the list the FortiGate gives', async () => {
			await pickFromList(page, 'web-server');
		});
		await step(page, 'execute the node and see its output item', async () => {
			await page.getByTestId('node-execute-button').first().click();
			await page.getByText('1 item', { exact: true }).first().waitFor({ timeout: 30_000 });
			// The output table: one row, the address's subnet and type.
			await page.getByRole('cell', { name: /10\.0\.1\.10/ }).first().waitFor();
			await page.getByRole('cell', { name: 'ipmask', exact: true }).first().waitFor();
		});
		await step(page, 'pick an address group, a tunnel, an interface, a VDOM and a policy from their lists', async () => {
			await choose(page, 'resource', 'Address Group');
			await choose(page, 'operation', 'Add Members');
			await pickFromList(page, 'dmz-servers');
			await choose(page, 'resource', 'IPsec Tunnel');
			await choose(page, 'operation', 'Bring Up');
			await pickFromList(page, 'to-aws');
			await choose(page, 'resource', 'DHCP Lease');
			await pickFromList(page, 'lan');
			await choose(page, 'resource', 'Firewall Policy');
			await choose(page, 'operation', 'Get');
			await addOption(page, 'VDOM');
			await pickFromList(page, 'FG-traffic', 'last');
			await pickFromList(page, '2: ping');
		});
		const { cloud, fortiManager } = emulators;
		await step(page, 'add the FortiClient EMS node: Endpoint > Get', async () => {
			await addNode(page, n8n.url, 'FortiClient EMS', 'Get an endpoint');
		});
		await step(page, 'create the FortiClient Cloud credential; its test succeeds', async () => {
			await createCredential(page, { baseUrl: cloud.url, accessKey: CLOUD_ACCOUNT.accessKey, accountEmail: CLOUD_ACCOUNT.accountEmail, caCertificate: cloud.caCertificate });
		});
		const endpoint = cloud.endpoints[2];
		await step(page, 'pick an endpoint by host name and IP from the list', async () => {
			await pickFromList(page, endpoint.host);
		});
		await step(page, 'execute the EMS node and see the endpoint', async () => {
			await page.getByTestId('node-execute-button').first().click();
			await page.getByText('1 item', { exact: true }).first().waitFor({ timeout: 30_000 });
			await page.getByRole('cell', { name: endpoint.host }).first().waitFor();
		});
		await step(page, 'the FortiManager node: a script, an ADOM, a device and a group from their lists', async () => {
			await addNode(page, n8n.url, 'FortiManager', 'Get a device');
			await createCredential(page, { baseUrl: fortiManager.url, apiKey: FMG_API_KEYS[0].key, certificateFingerprint: fortiManager.fingerprint });
			await choose(page, 'resource', 'Script');
			await pickFromList(page, 'show-version');
			await choose(page, 'resource', 'Device');
			await choose(page, 'operation', 'Get');
			await addOption(page, 'ADOM');
			await pickFromList(page, 'customer-a', 'last');
			await pickFromList(page, 'fgt-cust-01');
			await choose(page, 'resource', 'Device Group');
			await pickFromList(page, 'All_FortiGate');
		});
	} finally {
		await browser.close();
		await n8n.stop();
		await stopEmulators(emulators);
		rmSync(folder, { recursive: true, force: true });
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	},
);
