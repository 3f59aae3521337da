import { API_USER, emulatorPerTest } from '../harness/fortiGate';
import { rawRequest } from '../harness/rawRequest';

/**
 * The emulated CMDB tables behave as the reference describes, including what
 * the nodes must avoid: these requests are the emulator's, not the nodes'.
 */
describe('FortiGate emulator CMDB tables', () => {
	const device = emulatorPerTest({ profile: '7.2' });
	const call = async (method: string, path: string, body?: unknown) => {
		const reply = await rawRequest(`${device.emulator.url}${path}`, {
			method,
			headers: { authorization: `Bearer ${API_USER.key}`, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		// A path FortiOS cannot resolve gets its HTML 404 page, not an envelope.
		return { status: reply.status, envelope: (reply.body.startsWith('<') ? {} : JSON.parse(reply.body)) as { status?: string; error?: number; mkey?: string } };
	};

	test('a group\'s member sub-table takes and drops one member at a time, with -5 and -3', async () => {
		const group = '/api/v2/cmdb/firewall/addrgrp/dmz-servers/member';
		expect(await call('POST', group, { name: 'gmail.com' })).toMatchObject({ status: 200, envelope: { status: 'success', mkey: 'gmail.com' } });
		expect(await call('POST', group, { name: 'gmail.com' })).toMatchObject({ status: 500, envelope: { status: 'error', error: -5 } });
		expect(await call('POST', group, { name: 'no-such-object' })).toMatchObject({ status: 500, envelope: { error: -3 } });
		expect(device.emulator.data.addresses.groupMembers('dmz-servers')).toEqual(['web-server', 'gmail.com']);
		expect(await call('DELETE', `${group}/gmail.com`)).toMatchObject({ status: 200 });
		expect(await call('DELETE', `${group}/gmail.com`)).toMatchObject({ status: 404, envelope: { error: -3 } });
	});

	test('a DELETE on the address table purges every unreferenced object, which is why the node never sends one', async () => {
		expect(await call('DELETE', '/api/v2/cmdb/firewall/address')).toMatchObject({ status: 200 });
		// Only the object a group references survives.
		expect(device.emulator.data.addresses.addressNames()).toEqual(['web-server']);
	});

	test('a name holding "/" cannot be addressed, even encoded', async () => {
		expect(await call('POST', '/api/v2/cmdb/firewall/address', { name: 'lan/servers', subnet: '10.0.0.0 255.255.255.0' })).toMatchObject({ status: 200 });
		expect(await call('GET', `/api/v2/cmdb/firewall/address/${encodeURIComponent('lan/servers')}`)).toMatchObject({ status: 404 });
	});

	test('the policy table: POST appends at the end, a move with no body reorders, a DELETE without an ID empties the table', async () => {
		const policy = { srcintf: [{ name: 'lan' }], dstintf: [{ name: 'wan1' }], srcaddr: [{ name: 'all' }], dstaddr: [{ name: 'all' }], service: [{ name: 'ALL' }], schedule: 'always' };
		const table = '/api/v2/cmdb/firewall/policy';
		expect(await call('POST', table, { ...policy, name: 'one' })).toMatchObject({ status: 200, envelope: { mkey: 1 } });
		expect(await call('POST', table, { ...policy, name: 'two' })).toMatchObject({ status: 200, envelope: { mkey: 2 } });
		expect(await call('POST', table, { ...policy, name: 'two' })).toMatchObject({ status: 500, envelope: { error: -5 } });
		const names = () => device.emulator.data.firewallPolicies.list('root').map((entry) => entry.name);
		expect(names()).toEqual(['one', 'two']);
		expect(await call('PUT', `${table}/2?action=move&before=1`)).toMatchObject({ status: 200 });
		expect(names()).toEqual(['two', 'one']);
		expect(await call('PUT', `${table}/2?action=move&after=9`)).toMatchObject({ status: 404, envelope: { error: -3 } });
		const missing = await call('POST', table, { ...policy, name: 'three', dstaddr: [{ name: 'nowhere' }] });
		expect(missing).toMatchObject({ status: 500, envelope: { error: -3, cli_error: expect.stringContaining("value parse error before 'nowhere'") } });
		const unset = await call('POST', table, { ...policy, name: 'four', service: [] });
		expect(unset).toMatchObject({ status: 424, envelope: { error: -651, cli_error: "attribute 'service' MUST be set" } });
		// An address a policy uses cannot be deleted.
		await call('POST', '/api/v2/cmdb/firewall/address', { name: 'used', subnet: '192.0.2.1 255.255.255.255' });
		await call('PUT', `${table}/1`, { srcaddr: [{ name: 'used' }] });
		expect(await call('DELETE', '/api/v2/cmdb/firewall/address/used')).toMatchObject({ status: 500, envelope: { error: -23 } });
		expect(await call('DELETE', table)).toMatchObject({ status: 200 });
		expect(names()).toEqual([]);
	});
});
