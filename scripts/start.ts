import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { emulatorCredentials, loadExamples, prepareN8n, startEmulators, stopEmulators } from './lib/lab';
import { CACHE, bcryptHash, say } from './lib/runtime';

const OWNER = { email: 'admin@example.com', password: 'Fortinet-n8n-2026' };
const PORT = 5678;

/**
 * `npm start`: the emulators and a local n8n editor with the package, the
 * examples and credentials that point at the emulators. The n8n folder
 * (.cache/n8n-home) persists, so workflows made in the editor survive a
 * restart; the credentials are refreshed on every start because the
 * emulators' certificates are new each time. Ctrl-C stops everything.
 */
async function main(): Promise<void> {
	const folder = join(CACHE, 'n8n-home');
	const firstStart = !existsSync(join(folder, '.n8n', 'database.sqlite'));
	const emulators = await startEmulators({ rebootDowntimeMs: 20_000 });
	const n8n = prepareN8n({ folder, port: PORT, owner: { email: OWNER.email, passwordHash: bcryptHash(OWNER.password) } });
	const stop = async () => {
		say('\nStopping n8n and the emulators…');
		await n8n.stop();
		await stopEmulators(emulators);
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());

	n8n.importCredentials(emulatorCredentials(emulators));
	if (firstStart) n8n.importWorkflows(loadExamples(n8n.filesFolder));
	await n8n.start();

	const { fortiGate, cloud, onPrem, fortiManager } = emulators;
	console.log(
		[
			'',
			`n8n editor:          ${n8n.url}`,
			`  login:             ${OWNER.email} / ${OWNER.password}`,
			`FortiGate emulator:  ${fortiGate.url} (FortiOS ${fortiGate.profile.version})`,
			`FortiClient Cloud:   ${cloud.url}`,
			`FortiClient EMS:     ${onPrem.url}`,
			`FortiManager:        ${fortiManager.url} (managing ${fortiManager.fleet.devices.map((device) => device.name).join(', ')})`,
			'',
			'The examples are under Overview; their credentials point at the emulators.',
			'For the alert example, activate it and send:',
			`  curl -X POST ${n8n.url}/webhook/fortinet-alert -H 'content-type: application/json' -d '{"srcip":"${cloud.endpoints[41].ip_addr}"}'`,
			'and for the ban example:',
			`  curl -X POST ${n8n.url}/webhook/fortigate-ban -H 'content-type: application/json' -d '{"srcip":"203.0.113.7"}'`,
			`Backups from the nightly example are written to ${n8n.filesFolder}.`,
			'',
			'Press Ctrl-C to stop everything.',
		].join('\n'),
	);
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
