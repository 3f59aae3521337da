import { CLOUD_ACCOUNT, EmsEmulator, ON_PREM_ADMINS } from './ems/EmsEmulator';
import { FortiGateEmulator } from './fortigate/FortiGateEmulator';
import { DEMO_ADMINS, DEMO_API_USERS } from './fortigate/accounts';
import { FMG_ADMINS, FMG_API_KEYS } from './fortimanager/accounts';
import { FortiManagerEmulator } from './fortimanager/FortiManagerEmulator';
import type { ProfileName } from './fortigate/profiles';

/**
 * `npm run emulator [-- --profile 7.2 --port 8443 --endpoints 500]`: starts
 * the FortiGate emulator, the two FortiClient EMS emulators (cloud on port+1,
 * on-premises on port+2 when a port is given) and a FortiManager with its own
 * fleet (port+3), and prints how to reach them. Ctrl-C stops them.
 */
async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const option = (name: string) => {
		const index = args.indexOf(`--${name}`);
		return index >= 0 ? args[index + 1] : undefined;
	};
	const port = Number(option('port') ?? 0);
	const endpointCount = Number(option('endpoints') ?? 250);
	const fortiGate = new FortiGateEmulator({
		profile: (option('profile') ?? '7.2') as ProfileName,
		rebootDowntimeMs: Number(option('reboot-downtime') ?? 20_000),
	});
	const cloud = new EmsEmulator({ mode: 'cloud', endpointCount });
	const onPrem = new EmsEmulator({ mode: 'onPrem', endpointCount });
	const fortiManager = new FortiManagerEmulator();
	await fortiGate.start(port);
	await cloud.start(port ? port + 1 : 0);
	await onPrem.start(port ? port + 2 : 0);
	await fortiManager.start(port ? port + 3 : 0);

	console.log(
		[
			`FortiGate emulator (FortiOS ${fortiGate.profile.version}) on ${fortiGate.url}`,
			`  certificate SHA-256: ${fortiGate.fingerprint}`,
			'  admin logins (credential "FortiGate Admin Login"):',
			...DEMO_ADMINS.map((admin) => `    ${admin.username.padEnd(12)} ${admin.password.padEnd(20)} profile ${admin.profile.name}${admin.tokenCode ? ', FortiToken required' : ''}${admin.passwordChangeRequired ? ', must change password' : ''}`),
			'  API keys (credential "FortiGate API Key"):',
			...DEMO_API_USERS.map((user) => `    ${user.name.padEnd(13)} ${user.key}  profile ${user.profile.name}, trusted hosts ${user.trustedHosts.join(' ')}`),
			'',
			`FortiClient Cloud emulator on ${cloud.url} (${endpointCount} endpoints)`,
			`  access key ${CLOUD_ACCOUNT.accessKey}, account email ${CLOUD_ACCOUNT.accountEmail}`,
			'  its certificate is issued by this test CA (paste it into the credential\'s CA Certificate):',
			cloud.caCertificate.trim().replace(/^/gm, '    '),
			'',
			`FortiClient EMS on-premises emulator on ${onPrem.url} (${endpointCount} endpoints)`,
			`  certificate SHA-256: ${onPrem.fingerprint}`,
			...ON_PREM_ADMINS.map((admin) => `    ${admin.name.padEnd(12)} ${admin.password.padEnd(18)} ${admin.writable ? 'read/write' : 'read-only'}, sites ${admin.sites.join(', ')}`),
			'',
			`FortiManager emulator on ${fortiManager.url}`,
			`  certificate SHA-256: ${fortiManager.fingerprint}`,
			'  logins:',
			...FMG_ADMINS.map((admin) => `    ${admin.user.padEnd(13)} ${admin.passwd.padEnd(19)} rpc-permit ${admin.rpcPermit}${admin.systemRights ? '' : ', no system rights'}`),
			'  API keys:',
			...FMG_API_KEYS.map((key) => `    ${key.name.padEnd(13)} ${key.key}  rpc-permit ${key.rpcPermit}`),
			`  managed FortiGates: ${fortiManager.fleet.devices.map((device) => `${device.name} (${device.adom}${device.down ? ', down' : ''})`).join(', ')}`,
			'',
			'Press Ctrl-C to stop.',
		].join('\n'),
	);
	const stop = async () => {
		await Promise.all([fortiGate.stop(), cloud.stop(), onPrem.stop(), fortiManager.stop()]);
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

void main();
