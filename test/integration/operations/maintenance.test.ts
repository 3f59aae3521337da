import { createHash } from 'node:crypto';
import { FortiGateEmulator } from '../../emulator/fortigate/FortiGateEmulator';
import { PROFILES } from '../../emulator/fortigate/profiles';
import { ADMIN, ALL_PROFILES, AUTHENTICATIONS, SOC_API_USER, credentialsFor, emulatorPerTest, runFortiGate, type Authentication } from '../../harness/fortiGate';
import { catchNodeError, expectNoSecrets, expectNoSessionLeft } from '../../harness/expectations';
import { jsonOf } from '../../harness/runNode';


describe.each(ALL_PROFILES)('FortiOS %s', (profile) => {
	const device = emulatorPerTest({ profile });
	const run = device.run;
	const user = (authentication: Authentication) => (authentication === 'apiKey' ? 'n8n-api' : ADMIN.username);

	describe.each(AUTHENTICATIONS)('with %s', (authentication) => {
		test('system.backupConfig returns the configuration as a file whose SHA-256 is that of the device\'s text', async () => {
			const result = await run(authentication, { resource: 'system', operation: 'backupConfig', scope: 'global' });
			const [item] = result.output;
			const expected = device.emulator.data.backup.text({ scope: 'global', vdom: '', user: user(authentication), fileFormat: 'fos' });
			const bytes = Buffer.from(item.binary!.data.data, 'base64');
			expect(bytes.toString('utf8')).toBe(expected);
			const hostname = device.emulator.data.hostname;
			expect(item.json).toMatchObject({
				hostname,
				version: PROFILES[profile].version,
				scope: 'global',
				encrypted: false,
				size: Buffer.byteLength(expected),
				sha256: createHash('sha256').update(expected).digest('hex'),
			});
			expect(item.json.fileName).toMatch(new RegExp(`^${hostname}_\\d{8}-\\d{4}\\.conf$`));
			expect(item.binary!.data.fileName).toBe(item.json.fileName);
			// POST from 7.0 (FNDN), GET before: no second try was needed.
			const [method, other] = profile.startsWith('7') ? ['POST', 'GET'] : ['GET', 'POST'];
			expect(device.emulator.counters.requests[`${method} /api/v2/monitor/system/config/backup`]).toBe(1);
			expect(device.emulator.counters.requests[`${other} /api/v2/monitor/system/config/backup`]).toBeUndefined();
		});

		test('system.backupConfig of one VDOM, encrypted: the password never shows', async () => {
			const password = 'Backup-Secret-2026';
			const result = await run(authentication, { resource: 'system', operation: 'backupConfig', scope: 'vdom', password, options: { vdom: 'FG-traffic' } });
			const [item] = result.output;
			const expected = device.emulator.data.backup.text({ scope: 'vdom', vdom: 'FG-traffic', user: user(authentication), password, fileFormat: 'fos' });
			expect(Buffer.from(item.binary!.data.data, 'base64').toString('utf8')).toBe(expected);
			expect(item.json).toMatchObject({ scope: 'vdom', vdom: 'FG-traffic', encrypted: true });
			expectNoSecrets(JSON.stringify(item.json), [password]);
			// The password goes in a URL only where the firmware takes nothing but GET.
			const onlyGet = PROFILES[profile].backupMethods.every((method) => method === 'GET');
			expect(device.emulator.counters.requests['GET /api/v2/monitor/system/config/backup']).toBe(onlyGet ? 1 : undefined);
		});

		test('firmware.getStatus reports the running version and the newest upgrade', async () => {
			const [status] = jsonOf(await run(authentication, { resource: 'firmware', operation: 'getStatus' }));
			const [major, minor] = PROFILES[profile].version.slice(1).split('.').map(Number);
			expect(status).toMatchObject({
				currentVersion: PROFILES[profile].version,
				currentBuild: PROFILES[profile].build,
				upgradeAvailable: true,
				latestVersion: `v${major}.${minor + 2}.1`,
			});
			expect((status.available as unknown[]).length).toBe(2);
		});

		test('ha.getStatus merges peers, checksums and statistics, and notices a member out of sync', async () => {
			const [inSync] = jsonOf(await run(authentication, { resource: 'ha', operation: 'getStatus' }));
			expect(inSync).toMatchObject({ clustered: true, memberCount: 2, inSync: true, outOfSync: [], primary: { serial: PROFILES[profile].serial, hostname: device.emulator.data.hostname } });
			expect((inSync.statistics as unknown[]).length).toBe(2);

			device.emulator.data.haAndFirmware.ha.members[1].checksum = '00000000000000000000000000000000';
			const [drifted] = jsonOf(await run(authentication, { resource: 'ha', operation: 'getStatus' }));
			expect(drifted).toMatchObject({ inSync: false, outOfSync: [device.emulator.data.haAndFirmware.ha.members[1].serial] });
		});
	});
});

describe('configuration backup across versions', () => {
	test('a 405 for the method the version suggests gets one try with the other method', async () => {
		// A 7.x build that still takes only GET (reported for some 7.4 builds, Ansible collection issue 414).
		const emulator = new FortiGateEmulator({ profile: '7.2', backupMethods: ['GET'] });
		await emulator.start();
		try {
			const result = await runFortiGate({ authentication: 'adminLogin', parameters: { resource: 'system', operation: 'backupConfig' } as never, credentials: credentialsFor(emulator, 'adminLogin') });
			expect(result.output[0].json.size).toBeGreaterThan(100);
			expect(emulator.counters.requests['GET /api/v2/monitor/system/config/backup']).toBe(1);
			expect(emulator.counters.requests['POST /api/v2/monitor/system/config/backup']).toBe(1);
			expectNoSessionLeft(emulator);
		} finally {
			await emulator.stop();
		}
	});

	test('a backup that keeps flowing longer than the timeout is not cut off: the wait is per chunk', async () => {
		// 8 chunks 400 ms apart: 2.8 s in all, against a 1 s timeout that each chunk meets.
		const emulator = new FortiGateEmulator({ profile: '7.6.3', downloadChunkDelayMs: 400 });
		await emulator.start();
		try {
			const started = Date.now();
			const parameters = { resource: 'system', operation: 'backupConfig', options: { timeout: 1 } } as never;
			const [item] = (await runFortiGate({ authentication: 'adminLogin', parameters, credentials: credentialsFor(emulator, 'adminLogin') })).output;
			expect(Date.now() - started).toBeGreaterThan(2_500);
			const expected = emulator.data.backup.text({ scope: 'global', vdom: '', user: ADMIN.username });
			expect(Buffer.from(item.binary!.data.data, 'base64').toString('utf8')).toBe(expected);
			expectNoSessionLeft(emulator);
		} finally {
			await emulator.stop();
		}
	});

	test('7.6 YAML with masked secrets; before 7.6 masking is refused before anything is downloaded', async () => {
		const modern = new FortiGateEmulator({ profile: '7.6.4' });
		const older = new FortiGateEmulator({ profile: '7.2' });
		await Promise.all([modern.start(), older.start()]);
		try {
			const parameters = { resource: 'system', operation: 'backupConfig', passwordMask: true, fileFormat: 'yaml' } as never;
			const [item] = (await runFortiGate({ authentication: 'apiKey', parameters, credentials: credentialsFor(modern, 'apiKey') })).output;
			expect(Buffer.from(item.binary!.data.data, 'base64').toString('utf8')).toBe(
				modern.data.backup.text({ scope: 'global', vdom: '', user: 'n8n-api', passwordMask: true, fileFormat: 'yaml' }),
			);
			expect(item.json.fileName).toMatch(/\.yaml$/);

			const refused = await catchNodeError(runFortiGate({ authentication: 'apiKey', parameters, credentials: credentialsFor(older, 'apiKey') }));
			expect(refused.message).toBe('Mask Secrets need FortiOS 7.6 or later; this FortiGate runs v7.2.8');
			expect(older.counters.requests['GET /api/v2/monitor/system/config/backup']).toBeUndefined();
		} finally {
			await Promise.all([modern.stop(), older.stop()]);
		}
	});

	test('an account without System > Maintenance is told which permission is missing', async () => {
		const emulator = new FortiGateEmulator({ profile: '7.6.4' });
		await emulator.start();
		try {
			const error = await catchNodeError(
				runFortiGate({ authentication: 'apiKey', parameters: { resource: 'system', operation: 'backupConfig' } as never, credentials: credentialsFor(emulator, 'apiKey', { apiKey: SOC_API_USER.key }) }),
			);
			expect(error.message).toBe('403 on back up the configuration: the REST API admin profile lacks System > Maintenance (sysgrp.mnt): Read access');
		} finally {
			await emulator.stop();
		}
	});
});

describe('system.shutdown', () => {
	test.each(AUTHENTICATIONS)('with %s: sent once, the dropped connection is success, no logout is attempted on a device that is off', async (authentication) => {
		const emulator = new FortiGateEmulator({ profile: '7.2' });
		await emulator.start();
		try {
			const [result] = jsonOf(
				await runFortiGate({ authentication, parameters: { resource: 'system', operation: 'shutdown', eventLogMessage: 'Planned power-off' } as never, credentials: credentialsFor(emulator, authentication) }),
			);
			expect(result).toMatchObject({ shutdownInitiated: true, connectionDropped: true });
			expect(emulator.counters.shutdowns).toBe(1);
			expect(emulator.counters.reboots).toBe(0);
			expect(emulator.eventLog).toEqual(['Planned power-off']);
			expect(emulator.isDown()).toBe(true);
			expectNoSessionLeft(emulator);
		} finally {
			emulator.powerOn();
			await emulator.stop();
		}
	});
});
