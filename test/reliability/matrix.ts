import { createServer, type AddressInfo } from 'node:net';
import { EmsEmulator, type EmsEmulatorOptions } from '../emulator/ems/EmsEmulator';
import { FortiGateEmulator, type FortiGateEmulatorOptions } from '../emulator/fortigate/FortiGateEmulator';
import { credentialsFor, READONLY_API_USER, REMOTE_API_USER, SOC_API_USER, runFortiGate, type Authentication } from '../harness/fortiGate';
import { emsCredentialsFor, runEms, type EmsAuthentication } from '../harness/fortiClientEms';
import type { RunNodeResult } from '../harness/runNode';

/**
 * The bad-input matrix: one row per thing a user can get wrong or a device
 * can answer badly, with the exact message the user then sees. The test
 * (matrix.test.ts) runs every row through the node; docs/RELIABILITY.md is
 * generated from the same rows (npm run docs:reliability), so the two cannot
 * drift apart. `<port>` stands for the emulator's port.
 */
export interface MatrixCase {
	area: 'Credentials' | 'TLS' | 'Server replies' | 'Refusals' | 'Parameters';
	title: string;
	message: string;
	fortiGate?: FortiGateEmulatorOptions;
	ems?: EmsEmulatorOptions;
	run: (devices: Devices) => Promise<RunNodeResult>;
	/** Rows that succeed: what the user gets instead of an error. */
	succeeds?: (result: RunNodeResult) => boolean;
}

export interface Devices {
	fortiGate: FortiGateEmulator;
	ems?: EmsEmulator;
}

const status = { resource: 'system', operation: 'getStatus' };

/** A port nothing listens on: taken from the OS, then released. */
function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as AddressInfo;
			server.close(() => resolve(port));
		});
	});
}
const leases = { resource: 'dhcpLease', operation: 'getMany' };
const newPolicy = { resource: 'firewallPolicy', operation: 'create', name: 'matrix-policy', srcintf: 'lan', dstintf: 'wan1', srcaddr: 'all', dstaddr: 'all', service: 'HTTPS' };

function fgt(authentication: Authentication, parameters: Record<string, unknown>, overrides: (devices: Devices) => Record<string, unknown> = () => ({})) {
	return (devices: Devices) =>
		runFortiGate({ authentication, parameters: parameters as never, credentials: credentialsFor(devices.fortiGate, authentication, overrides(devices) as never) });
}

function ems(authentication: EmsAuthentication, parameters: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
	return (devices: Devices) =>
		runEms({ authentication, parameters: parameters as never, credentials: emsCredentialsFor(devices.ems!, authentication, overrides as never) });
}

function replying(body: string, contentType = 'application/json', statusCode = 200) {
	return (devices: Devices) => {
		devices.fortiGate.faults.add({ path: '/api/v2/monitor/system/status', kind: 'status', status: statusCode, body, contentType });
		return fgt('apiKey', status)(devices);
	};
}

export const MATRIX: MatrixCase[] = [
	{ area: 'Credentials', title: 'Empty Base URL', message: 'The FortiGate credential has no Base URL', run: fgt('apiKey', status, () => ({ baseUrl: '' })) },
	{ area: 'Credentials', title: 'Base URL with a path', message: 'The Base URL must not contain a path or query ("/api/v2")', run: fgt('apiKey', status, () => ({ baseUrl: 'https://192.0.2.1/api/v2' })) },
	{ area: 'Credentials', title: 'Base URL with a query (holding a token)', message: 'The Base URL must not contain a path or query ("/?…")', run: fgt('apiKey', status, () => ({ baseUrl: 'https://192.0.2.1/?access_token=abcd1234' })) },
	{ area: 'Credentials', title: 'Base URL with http://', message: 'The Base URL uses http://, but the FortiGate API is only served over HTTPS', run: fgt('apiKey', status, () => ({ baseUrl: 'http://192.0.2.1' })) },
	{ area: 'Credentials', title: 'Base URL without a scheme', message: 'The Base URL "fortigate.local" is not a valid URL', run: fgt('apiKey', status, () => ({ baseUrl: 'fortigate.local' })) },
	{ area: 'Credentials', title: 'Wrong port', message: 'Connection refused by 127.0.0.1:<port>', run: async (devices) => {
		const port = await freePort();
		return await fgt('apiKey', status, () => ({ baseUrl: `https://127.0.0.1:${port}` }))(devices);
	} },
	{ area: 'Credentials', title: 'Host name that does not resolve', message: 'The host name in the Base URL (fortigate.invalid) does not resolve', run: fgt('apiKey', status, () => ({ baseUrl: 'https://fortigate.invalid' })) },
	{ area: 'Credentials', title: 'IPv6 literal where nothing listens', message: 'Connection refused by [::1]:<port>', run: fgt('apiKey', status, (devices) => ({ baseUrl: `https://[::1]:${devices.fortiGate.port}` })) },
	{ area: 'Credentials', title: 'Empty API key', message: 'The FortiGate API Key credential has no API key', run: fgt('apiKey', status, () => ({ apiKey: '' })) },
	{ area: 'Credentials', title: 'Empty admin password', message: 'The FortiGate Admin Login credential needs a username and a password', run: fgt('adminLogin', status, () => ({ password: '' })) },
	{ area: 'Credentials', title: 'Empty FortiClient Cloud access key', message: 'The FortiClient Cloud credential needs an access key and the account email', ems: { mode: 'cloud' }, run: ems('cloudAccessKey', { resource: 'endpoint', operation: 'getMany' }, { accessKey: '' }) },
	{ area: 'Credentials', title: 'Fingerprint that is not SHA-256', message: 'The Certificate Fingerprint is not a SHA-256 fingerprint', run: fgt('apiKey', status, () => ({ certificateFingerprint: '12:34:56' })) },
	{ area: 'TLS', title: 'Self-signed certificate without opt-in', message: 'The device presented a self-signed certificate', run: fgt('apiKey', status, () => ({ certificateFingerprint: '' })) },
	{ area: 'TLS', title: 'Wrong pin (even with self-signed allowed)', message: 'The device\'s certificate does not match the Certificate Fingerprint in the credential', run: fgt('apiKey', status, () => ({ certificateFingerprint: 'AB'.repeat(32), allowUnauthorizedCerts: true })) },
	{ area: 'TLS', title: 'Expired certificate', message: 'The device\'s certificate has expired', fortiGate: { certificate: 'expired' }, run: fgt('apiKey', status, (devices) => ({ certificateFingerprint: '', caCertificate: devices.fortiGate.caCertificate })) },
	{ area: 'TLS', title: 'Host-name mismatch, no pin', message: 'The device\'s certificate is not issued for "127.0.0.1"', fortiGate: { certificate: 'wrongHost' }, run: fgt('apiKey', status, (devices) => ({ certificateFingerprint: '', caCertificate: devices.fortiGate.caCertificate })) },
	{ area: 'TLS', title: 'Certificate from an untrusted private CA', message: 'The device\'s certificate is signed by a CA that this n8n host does not trust', fortiGate: { certificate: 'caSigned' }, run: fgt('apiKey', status, () => ({ certificateFingerprint: '' })) },
	{ area: 'Server replies', title: 'Not JSON', message: 'The FortiGate answered GET /api/v2/monitor/system/status with something that is not JSON', run: replying('{"http_method":"GET","results":{"hostname":') },
	{ area: 'Server replies', title: 'An HTML page', message: 'The FortiGate answered GET /api/v2/monitor/system/status with an HTML page', run: replying('<html><body>SSL-VPN portal</body></html>', 'text/html') },
	{ area: 'Server replies', title: 'Empty reply', message: 'The FortiGate sent an empty reply to GET /api/v2/monitor/system/status', run: replying('') },
	{ area: 'Server replies', title: 'Wrong envelope', message: 'The FortiGate\'s reply to GET /api/v2/monitor/system/status is not a FortiOS API envelope', run: replying('{"hello":"world"}') },
	{
		area: 'Server replies',
		title: '`status: error` with an error code',
		message: 'The FortiGate could not list the DHCP leases in VDOM "root" (FortiOS error -61)',
		run: (devices) => {
			devices.fortiGate.faults.add({ path: '/api/v2/monitor/system/dhcp', kind: 'status', status: 200, contentType: 'application/json', body: JSON.stringify({ http_method: 'GET', status: 'error', http_status: 500, error: -61, vdom: 'root' }) });
			return fgt('apiKey', leases)(devices);
		},
	},
	{
		area: 'Server replies',
		title: 'A 2 MB reply (10,000 leases)',
		message: '(no error: all 10,004 leases, IPv4 and IPv6, are returned)',
		fortiGate: { extraLeases: 10_000 },
		run: fgt('apiKey', { ...leases, returnAll: true }),
		succeeds: (result) => result.output.length === 10_004,
	},
	{ area: 'Server replies', title: 'No answer within the timeout', message: 'The FortiGate did not answer GET /api/v2/monitor/system/status within 1 s', run: (devices) => {
		devices.fortiGate.faults.add({ path: '/api/v2/monitor/system/status', kind: 'latency', ms: 1_500, times: 2 });
		return fgt('apiKey', { ...status, options: { timeout: 1 } })(devices);
	} },
	{ area: 'Refusals', title: 'Wrong API key', message: '401 with API key: the FortiGate refused the key (could not read the system status)', run: fgt('apiKey', status, () => ({ apiKey: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })) },
	{ area: 'Refusals', title: 'API key from a host outside its trusted hosts', message: '401 with API key: the FortiGate refused the key (could not read the system status)', run: fgt('apiKey', status, () => ({ apiKey: REMOTE_API_USER.key })) },
	{ area: 'Refusals', title: 'Reboot with a read-only profile', message: '403 on reboot the FortiGate: the REST API admin profile lacks System (sysgrp): Read/Write access', run: fgt('apiKey', { resource: 'system', operation: 'reboot' }, () => ({ apiKey: READONLY_API_USER.key })) },
	{ area: 'Refusals', title: 'Endpoint missing on this FortiOS', message: '404: this FortiOS version has no GET /api/v2/monitor/system/dhcp', run: (devices) => {
		devices.fortiGate.faults.add({ path: '/api/v2/monitor/system/dhcp', kind: 'status', status: 404, body: '<html>Not Found</html>' });
		return fgt('apiKey', leases)(devices);
	} },
	{ area: 'Refusals', title: 'Wrong admin password (login answer 0)', message: 'Login answered 0: the FortiGate refused the username or password of "admin"', fortiGate: { profile: '6.0' }, run: fgt('adminLogin', status, () => ({ password: 'not-the-password' })) },
	{ area: 'Refusals', title: 'Admin locked out (answer 2)', message: 'Login answered 2: the admin "admin" is locked out after too many failed logins', fortiGate: { profile: '6.0', lockoutThreshold: 1 }, run: async (devices) => {
		await fgt('adminLogin', status, () => ({ password: 'not-the-password' }))(devices).catch(() => undefined);
		return fgt('adminLogin', status)(devices);
	} },
	{ area: 'Refusals', title: 'Two-factor admin (answer 3)', message: 'Login answered 3: the admin "mfa-admin" needs a two-factor token code', fortiGate: { profile: '6.0' }, run: fgt('adminLogin', status, () => ({ username: 'mfa-admin', password: 'Mfa-Demo-2026' })) },
	{ area: 'Refusals', title: 'Password change required (answer 4)', message: 'Login answered 4: the admin "new-admin" must change the password first', fortiGate: { profile: '6.0' }, run: fgt('adminLogin', status, () => ({ username: 'new-admin', password: 'New-Demo-2026' })) },
	{ area: 'Refusals', title: 'admin-login-max reached', message: 'The FortiGate refuses new admin sessions: too many are open (admin-login-max)', fortiGate: { adminLoginMax: 0 }, run: fgt('adminLogin', status) },
	{ area: 'Refusals', title: 'Admin login on 7.6.3+ with /api/v2/authentication blocked', message: 'The FortiGate accepted the password of "admin" on /logincheck but issued no session cookie', fortiGate: { profile: '7.6.3', jsonLogin: false }, run: fgt('adminLogin', status) },
	{ area: 'Refusals', title: 'Login disclaimer refused', message: 'The FortiGate did not accept the login disclaimer (HTTP 403)', fortiGate: { profile: '6.0', loginDisclaimer: true, refuseDisclaimer: true }, run: fgt('adminLogin', status) },
	{ area: 'Server replies', title: 'JSON login success without a usable session', message: 'The FortiGate answered the login of "admin" with success but gave no session (no session key, no session and CSRF cookies)', fortiGate: { profile: '7.6.3', jsonSessionForm: 'incomplete' }, run: fgt('adminLogin', status) },
	{
		area: 'Server replies',
		title: 'Reboot whose connection is reset in the TLS handshake',
		message: 'The reboot was NOT sent: the FortiGate closed the connection during POST /api/v2/monitor/system/os/reboot without answering',
		run: (devices) => {
			devices.fortiGate.handshakeResets = 1;
			return fgt('apiKey', { resource: 'system', operation: 'reboot' })(devices);
		},
	},
	{ area: 'Refusals', title: 'Wrong FortiClient Cloud access key', message: 'FortiClient Cloud refused the access key or account email (HTTP 401)', ems: { mode: 'cloud' }, run: ems('cloudAccessKey', { resource: 'endpoint', operation: 'getMany' }, { accessKey: 'wrong-wrong-wrong-wrong' }) },
	{ area: 'Parameters', title: 'Policy list `1,,x`', message: 'Policy IDs must be whole numbers separated by commas: entry 2 is empty', run: fgt('apiKey', { resource: 'firewallPolicy', operation: 'getStatistics', policyIds: '1,,x' }) },
	{ area: 'Parameters', title: 'Policy naming objects the FortiGate lacks', message: 'The FortiGate has no address "web-srv"; no service "HTTP-ALT"', run: fgt('apiKey', { ...newPolicy, srcaddr: 'web-srv', service: 'HTTP-ALT' }) },
	{ area: 'Refusals', title: 'Policy refused by FortiOS (cli_error)', message: `The FortiGate could not create the firewall policy "matrix-policy" (HTTP 500, FortiOS error -3). FortiOS says: "entry not found in datasource; value parse error before 'nightly'; Command fail. Return code -3"`, run: fgt('apiKey', { ...newPolicy, schedule: 'nightly' }) },
	{ area: 'Refusals', title: 'Create a policy with a read-only profile', message: '403 on create the firewall policy "matrix-policy": the REST API admin profile lacks Firewall (fwgrp): Read/Write access', run: fgt('apiKey', newPolicy, () => ({ apiKey: READONLY_API_USER.key })) },
	{ area: 'Parameters', title: 'Negative limit', message: 'Limit must be a whole number of at least 1, not -5', run: fgt('apiKey', { ...leases, limit: -5 }) },
	{ area: 'Parameters', title: 'Unknown VDOM', message: '404: this FortiOS version has no GET /api/v2/monitor/firewall/policy, or VDOM "branch-42" does not exist', run: fgt('apiKey', { resource: 'firewallPolicy', operation: 'getStatistics', options: { vdom: 'branch-42' } }) },
	{ area: 'Refusals', title: 'Ban with a read-only profile', message: '403 on ban the IP addresses: the REST API admin profile lacks User & Authentication (authgrp): Read/Write access', run: fgt('apiKey', { resource: 'bannedIp', operation: 'add', ipAddresses: '203.0.113.7' }, () => ({ apiKey: READONLY_API_USER.key })) },
	{ area: 'Refusals', title: 'Backup without System > Maintenance', message: '403 on back up the configuration: the REST API admin profile lacks System > Maintenance (sysgrp.mnt): Read access', run: fgt('apiKey', { resource: 'system', operation: 'backupConfig' }, () => ({ apiKey: SOC_API_USER.key })) },
	{ area: 'Refusals', title: 'Delete an address still in a group (-23)', message: '"web-server" is still in use by address group "dmz-servers" (FortiOS error -23)', run: fgt('apiKey', { resource: 'address', operation: 'delete', name: 'web-server' }) },
	{ area: 'Parameters', title: 'Ban an address that is not an IP', message: 'IP Addresses: "203.0.113.0/24" is not an IP address', run: fgt('apiKey', { resource: 'bannedIp', operation: 'add', ipAddresses: '203.0.113.0/24' }) },
	{ area: 'Parameters', title: 'Address name holding "/"', message: '"lan/servers" contains "/", which the FortiOS REST API cannot address', run: fgt('apiKey', { resource: 'address', operation: 'update', name: 'lan/servers', updateFields: { comment: 'x' } }) },
	{ area: 'Parameters', title: 'Address created again with another value', message: '"web-server" already exists with another value: subnet is "10.0.1.10 255.255.255.255", not "10.0.1.11 255.255.255.255"', run: fgt('apiKey', { resource: 'address', operation: 'create', name: 'web-server', subnet: '10.0.1.11' }) },
	{ area: 'Parameters', title: 'Group beyond 600 members', message: 'The group "dmz-servers" would have 601 members; FortiOS allows 600 per address group', run: fgt('apiKey', { resource: 'addressGroup', operation: 'addMembers', groupName: 'dmz-servers', createMissing: true, members: Array.from({ length: 600 }, (_, index) => `100.64.${Math.floor(index / 250)}.${(index % 250) + 1}`) }) },
	{ area: 'Parameters', title: 'Masked backup before FortiOS 7.6', message: 'Mask Secrets need FortiOS 7.6 or later; this FortiGate runs v7.2.8', run: fgt('apiKey', { resource: 'system', operation: 'backupConfig', passwordMask: true }) },
	{ area: 'Parameters', title: 'Unknown IPsec tunnel', message: 'The FortiGate has no IPsec tunnel "to-mars"', run: fgt('apiKey', { resource: 'vpnTunnel', operation: 'bringUp', tunnelName: 'to-mars' }) },
	{ area: 'Parameters', title: 'Unknown EMS device ID', message: 'EMS has no endpoint with device ID 99999', ems: { mode: 'onPrem' }, run: ems('onPremLogin', { resource: 'endpoint', operation: 'get', deviceId: '99999' }) },
	{ area: 'Parameters', title: 'Empty device ID list', message: 'Device IDs is empty: nothing to quarantine or release', ems: { mode: 'onPrem' }, run: ems('onPremLogin', { resource: 'endpoint', operation: 'quarantine', deviceIds: '' }) },
];

/** The matrix as Markdown table rows. */
export function matrixRows(): string[] {
	return MATRIX.map((entry) => `| ${entry.area} | ${entry.title} | ${entry.message.replace(/\|/g, '\\|')} |`);
}

export function reliabilityDocument(soakTable: string): string {
	const rows = matrixRows();
	return [
		'# Reliability and security',
		'',
		'Generated by `npm run docs:reliability` from `test/reliability/` (the tests fail when a matrix row here is out of date), with the figures of a full soak run.',
		'',
		'## What a user sees when something is wrong',
		'',
		'Every row is a test (`test/reliability/matrix.test.ts`) that runs the node through n8n\'s execution context against the emulators and asserts this exact message. Each error also carries a description that names the fix; none contains a password, key, session key, CSRF token or cookie.',
		'',
		'| Area | Case | Message |',
		'|---|---|---|',
		...rows,
		'',
		'## Fault-injection run',
		'',
		'`npm run soak` runs 500 node executions (both products, both FortiGate authentication methods, continueOnFail on and off) with faults drawn from a printed seed; `npm run soak -- --seed N` repeats a run. A short form (100 executions, fixed seed) runs in CI with the same table. The figures of the last full run:',
		'',
		'```',
		soakTable,
		'```',
		'',
		'## Bounds',
		'',
		'- Every request has a timeout (node option Timeout, default 30 s); connecting counts against it too.',
		'- Wait for Online never runs past Wait Timeout: each probe is cut to the time left.',
		'- A GET is retried once on a reset connection; a reboot is never retried. A login refused with 0, 2, 3, 4 (or -1, -4) is never retried.',
		'- A reboot or shutdown counts as sent only once its bytes were written to the established TLS connection to the device; a proxy that refuses or never answers CONNECT, or a handshake reset, gives "the reboot was NOT sent".',
		'- Wait for Online takes every answer of a booting device (none, resets, 5xx, HTML, 401) as "not back yet" until Wait Timeout; an admin session ended by the reboot is replaced by one new login, logged out at the end.',
		'- A login that fails half-way (disclaimer refused, a success without a usable session, an EMS signin without `sessionid`) logs out what the device opened before the error is shown.',
		'- An admin session that the device ends is replaced at most twice per execution (EMS: three times), and a request is repeated once after it.',
		'- A failed logout is tried once more after 300 ms; after that the session is reported as a warning.',
		'- Replies larger than 64 MB are refused.',
		'',
	].join('\n');
}
