import { ALL_PROFILES, AUTHENTICATIONS, emulatorPerTest, type Authentication } from '../../harness/fortiGate';
import { catchNodeError } from '../../harness/expectations';
import { jsonOf } from '../../harness/runNode';

/** Custom > API Request: any /api/v2 endpoint over the execution's session, refusals explained like every operation's. */
describe.each(ALL_PROFILES)('FortiOS %s', (profile) => {
	const device = emulatorPerTest({ profile });
	const run = (authentication: Authentication, parameters: Record<string, unknown>) => device.run(authentication, { resource: 'custom', operation: 'apiRequest', ...parameters });

	describe.each(AUTHENTICATIONS)('with %s', (authentication) => {
		test('a POST creates an object (CSRF handled), a GET returns the envelope, Split Results one item per record', async () => {
			const [created] = jsonOf(await run(authentication, { method: 'POST', path: '/api/v2/cmdb/firewall/address', body: '{"name": "custom-host", "subnet": "192.0.2.44 255.255.255.255"}' }));
			expect(created).toMatchObject({ status: 'success', mkey: 'custom-host' });
			expect(device.emulator.data.addresses.addressNames()).toContain('custom-host');

			const [envelope] = jsonOf(await run(authentication, { method: 'GET', path: '/api/v2/cmdb/firewall/address/custom-host' }));
			expect(envelope).toMatchObject({ status: 'success', results: [expect.objectContaining({ name: 'custom-host', subnet: '192.0.2.44 255.255.255.255' })] });

			const records = jsonOf(await run(authentication, { method: 'GET', path: '/api/v2/cmdb/firewall/address', query: '{"vdom": "root"}', options: { splitResults: true } }));
			expect(records.map((record) => record.name)).toContain('custom-host');
			expect(records.every((record) => record.vdom === 'root')).toBe(true);
		});

		test('an endpoint this firmware lacks is explained as a 404, not passed through', async () => {
			const error = await catchNodeError(run(authentication, { method: 'GET', path: '/api/v2/monitor/no/such/endpoint' }));
			expect(error.message).toBe('404: this FortiOS version has no GET /api/v2/monitor/no/such/endpoint');
		});
	});

	test('paths outside /api/v2/ are refused before anything is sent', async () => {
		for (const path of ['/logincheck', '/api/v2/../logout', 'api/v2/monitor/system/status', '/api/v2/monitor/system/status?vdom=root']) {
			const error = await catchNodeError(run('apiKey', { method: 'GET', path }));
			expect(error.message).toBe(`Path must be a FortiOS REST path under /api/v2/, not "${path}"`);
		}
		expect(Object.keys(device.emulator.counters.requests)).toEqual([]);
	});
});
