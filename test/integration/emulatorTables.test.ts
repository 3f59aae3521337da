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
});
