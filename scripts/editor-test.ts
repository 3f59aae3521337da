import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, selectors, type Page } from 'playwright-core';
import { prepareN8n, startEmulators, stopEmulators } from './lib/lab';
import { CACHE, ROOT, bcryptHash, say } from './lib/runtime';
import { DEMO_API_USERS } from '../test/emulator/fortigate/accounts';
import { CLOUD_ACCOUNT } from '../test/emulator/ems/EmsEmulator';

/**
 * `npm run test:editor`: what a person sees in the n8n editor, in headless
 * Chromium. It starts the emulators and n8n with the packed package as
 * `npm start` does (in a folder of its own), then signs in. It finds the
 * FortiGate node by searching "Forti", sees its actions, creates the API key
 * credential (its test succeeds), picks an address from the list the
 * FortiGate gives, and executes the node. The same follows for the
 * FortiClient EMS node and an endpoint. Every step leaves a screenshot under
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
			await page.getByRole('button', { name: /^Connect to / }).first().click();
			const modal = page.getByTestId('editCredential-modal');
			await modal.getByTestId('parameter-input-baseUrl').locator('input').fill(fortiGate.url);
			await modal.getByTestId('parameter-input-apiKey').locator('input').fill(DEMO_API_USERS[0].key);
			await modal.getByTestId('parameter-input-certificateFingerprint').locator('input').fill(fortiGate.fingerprint);
			await modal.getByTestId('credential-save-button').click();
			// Saving runs the credential's test; a successful one closes the dialog. Reopened, it says so.
			await modal.waitFor({ state: 'hidden', timeout: 30_000 });
			await page.getByTestId('credential-edit-button').first().click();
			await page.getByTestId('credentials-config-container-test-success').waitFor({ timeout: 30_000 });
			await page.getByTestId('editCredential-modal').locator('.el-dialog__close, [aria-label="Close"]').first().click();
			await page.getByTestId('editCredential-modal').waitFor({ state: 'hidden' });
		});
		await step(page, 'pick an address from the list the FortiGate gives', async () => {
			await page.getByTestId('rlc-input').first().click();
			await page.getByTestId('rlc-item').filter({ hasText: 'web-server' }).first().click();
			const shown = await page.locator('input[data-test-id="rlc-input"], [data-test-id="rlc-input"] input').first().inputValue();
			if (shown !== 'web-server') throw new Error(`the field shows "${shown}"`);
		});
		await step(page, 'execute the node and see its output item', async () => {
			await page.getByTestId('node-execute-button').first().click();
			await page.getByText('1 item', { exact: true }).first().waitFor({ timeout: 30_000 });
			// The output table: one row, the address's subnet and type.
			await page.getByRole('cell', { name: /10\.0\.1\.10/ }).first().waitFor();
			await page.getByRole('cell', { name: 'ipmask', exact: true }).first().waitFor();
		});
		const { cloud } = emulators;
		await step(page, 'add the FortiClient EMS node: Endpoint > Get', async () => {
			await page.goto(`${n8n.url}/workflow/new`);
			await page.getByTestId('canvas-add-button').or(page.getByTestId('canvas-add-first-step-button')).first().click();
			await page.getByTestId('node-creator-search-bar').fill('Forti');
			await page.getByTestId('node-creator-item-name').getByText('FortiClient EMS', { exact: true }).first().click();
			await page.getByText('Get an endpoint', { exact: true }).first().click();
			await page.getByTestId('ndv-output-panel').or(page.getByTestId('output-panel')).first().waitFor();
		});
		await step(page, 'create the FortiClient Cloud credential; its test succeeds', async () => {
			await page.getByRole('button', { name: /^Connect to / }).first().click();
			const modal = page.getByTestId('editCredential-modal');
			await modal.getByTestId('parameter-input-baseUrl').locator('input').fill(cloud.url);
			await modal.getByTestId('parameter-input-accessKey').locator('input').fill(CLOUD_ACCOUNT.accessKey);
			await modal.getByTestId('parameter-input-accountEmail').locator('input').fill(CLOUD_ACCOUNT.accountEmail);
			await modal.getByTestId('parameter-input-caCertificate').locator('textarea').fill(cloud.caCertificate);
			await modal.getByTestId('credential-save-button').click();
			await modal.waitFor({ state: 'hidden', timeout: 30_000 });
			await page.getByTestId('credential-edit-button').first().click();
			await page.getByTestId('credentials-config-container-test-success').waitFor({ timeout: 30_000 });
			await page.getByTestId('editCredential-modal').locator('.el-dialog__close, [aria-label="Close"]').first().click();
			await page.getByTestId('editCredential-modal').waitFor({ state: 'hidden' });
		});
		const endpoint = cloud.endpoints[2];
		await step(page, 'pick an endpoint by host name and IP from the list', async () => {
			await page.getByTestId('rlc-input').first().click();
			await page.getByTestId('rlc-item').filter({ hasText: endpoint.host }).first().click();
			const shown = await page.locator('input[data-test-id="rlc-input"], [data-test-id="rlc-input"] input').first().inputValue();
			if (!shown.includes(endpoint.host)) throw new Error(`the field shows "${shown}"`);
		});
		await step(page, 'execute the EMS node and see the endpoint', async () => {
			await page.getByTestId('node-execute-button').first().click();
			await page.getByText('1 item', { exact: true }).first().waitFor({ timeout: 30_000 });
			await page.getByRole('cell', { name: endpoint.host }).first().waitFor();
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
