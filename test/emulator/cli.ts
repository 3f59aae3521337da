import { FortiGateEmulator } from './fortigate/FortiGateEmulator';
import { DEMO_ADMINS, DEMO_API_USERS } from './fortigate/accounts';
import type { ProfileName } from './fortigate/profiles';

/**
 * `npm run emulator [-- --profile 7.2 --port 8443]`: starts the FortiGate
 * emulator and prints how to reach it. Ctrl-C stops it.
 */
async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const option = (name: string) => {
		const index = args.indexOf(`--${name}`);
		return index >= 0 ? args[index + 1] : undefined;
	};
	const profile = (option('profile') ?? '7.2') as ProfileName;
	const emulator = new FortiGateEmulator({ profile, rebootDowntimeMs: Number(option('reboot-downtime') ?? 20_000) });
	await emulator.start(Number(option('port') ?? 0));
	const lines = [
		`FortiGate emulator (FortiOS ${emulator.profile.version}) listening on ${emulator.url}`,
		`Certificate SHA-256 fingerprint: ${emulator.fingerprint}`,
		'',
		'Admin logins (credential "FortiGate Admin Login"):',
		...DEMO_ADMINS.map((admin) => `  ${admin.username.padEnd(12)} ${admin.password.padEnd(20)} profile ${admin.profile.name}${admin.tokenCode ? ', FortiToken required' : ''}${admin.passwordChangeRequired ? ', must change password' : ''}`),
		'',
		'API keys (credential "FortiGate API Key"):',
		...DEMO_API_USERS.map((user) => `  ${user.name.padEnd(13)} ${user.key}  profile ${user.profile.name}, trusted hosts ${user.trustedHosts.join(' ')}`),
		'',
		'Press Ctrl-C to stop.',
	];
	console.log(lines.join('\n'));
	const stop = async () => {
		await emulator.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
