import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asWebhookWorkflow, emulatorCredentials, loadExamples, prepareN8n, startEmulators, stopEmulators, webhookPath } from './lib/lab';
import type { WorkflowExport } from './lib/n8n';
import { say } from './lib/runtime';

/**
 * `npm run demo`: the examples, run by the pinned n8n against the emulators,
 * headless. Prints one row per example with what the emulators saw.
 */
async function main(): Promise<void> {
	const emulators = await startEmulators({ rebootDowntimeMs: 3_000 });
	const folder = mkdtempSync(join(tmpdir(), 'n8n-fortinet-demo-'));
	const n8n = prepareN8n({ folder, port: 5690 + Math.floor(Math.random() * 200) * 2 });
	let failures = 0;
	try {
		const examples = loadExamples(n8n.filesFolder);
		n8n.importCredentials(emulatorCredentials(emulators));
		n8n.importWorkflows(examples.map(asWebhookWorkflow), true);
		await n8n.start();
		await n8n.waitForWebhooks(examples.map(webhookPath));

		// The webhook examples receive what a SIEM alert or a block request would send (a
		// country block held for 2 seconds instead of hours); the scheduled ones nothing.
		const alert = { srcip: emulators.cloud.endpoints[41].ip_addr, source: 'FortiAnalyzer', severity: 'high', country: 'KP', hours: 0.0005 };
		const isAlert = (example: WorkflowExport) => example.nodes.some((node) => node.type === 'n8n-nodes-base.webhook');
		const rows: string[][] = [];
		for (const example of examples) {
			const counters = () => ({
				logins: emulators.fortiGate.counters.logins + emulators.cloud.counters.logins + emulators.onPrem.counters.logins,
				logouts: emulators.fortiGate.counters.logouts + emulators.cloud.counters.logouts + emulators.onPrem.counters.logouts,
			});
			const before = counters();
			const started = Date.now();
			const { status, body } = await n8n.webhook(webhookPath(example), isAlert(example) ? alert : {});
			const seconds = ((Date.now() - started) / 1000).toFixed(1);
			const after = counters();
			const items = Array.isArray(body) ? body.length : body && typeof body === 'object' ? 1 : 0;
			const ok = status === 200;
			if (!ok) failures++;
			rows.push([example.name, ok ? 'success' : `failed (${status})`, String(items), `${seconds} s`, String(after.logins - before.logins), String(after.logouts - before.logouts)]);
			say(`${example.name}: ${JSON.stringify(body).slice(0, 300)}`);
		}
		const header = ['workflow', 'status', 'items', 'time', 'logins', 'logouts'];
		const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
		const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ');
		console.log(['', line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line), ''].join('\n'));
		const { fortiGate, cloud, onPrem } = emulators;
		console.log(`Sessions still open on the emulators: FortiGate ${fortiGate.openSessions}, FortiClient Cloud ${cloud.openSessions}, EMS ${onPrem.openSessions}`);
	} finally {
		await n8n.stop();
		await stopEmulators(emulators);
		rmSync(folder, { recursive: true, force: true });
	}
	process.exit(failures === 0 ? 0 : 1);
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
