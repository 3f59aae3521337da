import { FortiGateEmulator } from '../../emulator/fortigate/FortiGateEmulator';
import { ALL_PROFILES, API_USER, AUTHENTICATIONS, READONLY_API_USER, credentialsFor, emulatorPerTest, runFortiGate, type Authentication } from '../../harness/fortiGate';
import { catchNodeError } from '../../harness/expectations';
import { jsonOf } from '../../harness/runNode';
import { rawRequest } from '../../harness/rawRequest';


describe.each(ALL_PROFILES)('FortiOS %s', (profile) => {
	const device = emulatorPerTest({ profile });
	const run = (authentication: Authentication, parameters: Record<string, unknown>) => device.run(authentication, { resource: 'bannedIp', ...parameters });

	describe.each(AUTHENTICATIONS)('with %s', (authentication) => {
		test('add bans IPv4 and IPv6 for an hour and says, per address, what the device now holds', async () => {
			const before = Math.floor(Date.now() / 1000);
			const items = jsonOf(await run(authentication, { operation: 'add', ipAddresses: '203.0.113.7, 2001:db8::1', expiry: 3600 }));
			expect(items.map((item) => [item.ip_address, item.banned, item.ipv6])).toEqual([
				['203.0.113.7', true, false],
				['2001:db8::1', true, true],
			]);
			for (const item of items) {
				expect(Number(item.expires) - Number(item.created)).toBe(3600);
				expect(Number(item.created)).toBeGreaterThanOrEqual(before);
				expect(item.expiresAt).toBe(new Date(Number(item.expires) * 1000).toISOString());
			}
			expect(device.emulator.data.bannedIps.list().map((entry) => entry.ip_address)).toEqual(['203.0.113.7', '2001:db8::1']);
		});

		test('expiry 0 bans until released; getMany lists it with expiresAt null', async () => {
			await run(authentication, { operation: 'add', ipAddresses: ['198.51.100.9'], expiry: 0 });
			const [entry] = jsonOf(await run(authentication, { operation: 'getMany', returnAll: true }));
			expect(entry).toMatchObject({ ip_address: '198.51.100.9', expires: 0, expiresAt: null, source: 'admin', vdom: 'root' });
		});

		test('remove releases addresses and reports which were banned; removeAll clears the rest', async () => {
			device.emulator.data.bannedIps.ban('192.0.2.50', 'ips', 600);
			device.emulator.data.bannedIps.ban('192.0.2.51', 'dos', 0);
			const removed = jsonOf(await run(authentication, { operation: 'remove', ipAddresses: '192.0.2.50, 192.0.2.99' }));
			expect(removed).toEqual([
				{ ip_address: '192.0.2.50', wasBanned: true, banned: false },
				{ ip_address: '192.0.2.99', wasBanned: false, banned: false },
			]);
			const [cleared] = jsonOf(await run(authentication, { operation: 'removeAll' }));
			expect(cleared).toEqual({ released: 1, releasedAddresses: ['192.0.2.51'], remaining: 0 });
		});

		test('an invalid address fails before any request is sent', async () => {
			const error = await catchNodeError(run(authentication, { operation: 'add', ipAddresses: '203.0.113.7, 10.0.0.0/24, 999.1.1.1', expiry: 60 }));
			expect(error.message).toBe('IP Addresses: "10.0.0.0/24", "999.1.1.1" are not IP addresses');
			expect(error.description).toContain('Nothing was sent to the FortiGate.');
			expect(device.emulator.counters.requests['POST /api/v2/monitor/user/banned/add_users']).toBeUndefined();
			expect(device.emulator.data.bannedIps.list()).toEqual([]);
		});
	});

	test(`user/banned/check ${profile === '7.6.4' ? 'answers' : 'does not exist'} on ${profile}`, async () => {
		device.emulator.data.bannedIps.ban('203.0.113.7', 'ips', 0);
		const reply = await rawRequest(`${device.emulator.url}/api/v2/monitor/user/banned/check?ip_address=203.0.113.7`, { headers: { authorization: `Bearer ${API_USER.key}` } });
		expect(reply.status).toBe(profile === '7.6.4' ? 200 : 404);
		if (profile === '7.6.4') expect(JSON.parse(reply.body).results).toEqual({ ip_address: '203.0.113.7', is_banned: true });
	});
});

test('a profile without User & Authentication write access is told so', async () => {
	const emulator = new FortiGateEmulator({ profile: '7.2' });
	await emulator.start();
	try {
		const error = await catchNodeError(
			runFortiGate({ authentication: 'apiKey', parameters: { resource: 'bannedIp', operation: 'add', ipAddresses: '203.0.113.7' } as never, credentials: credentialsFor(emulator, 'apiKey', { apiKey: READONLY_API_USER.key }) }),
		);
		expect(error.message).toBe('403 on ban the IP addresses: the REST API admin profile lacks User & Authentication (authgrp): Read/Write access');
	} finally {
		await emulator.stop();
	}
});
