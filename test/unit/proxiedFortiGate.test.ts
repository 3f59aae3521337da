import type { FortiManagerSession } from '../../nodes/FortiManager/transport/FortiManagerSession';
import { ProxiedFortiGate } from '../../nodes/FortiManager/transport/proxiedFortiGate';
import { Inventory } from '../../nodes/FortiManager/actions/common/inventory';
import { targetEntries } from '../../nodes/FortiManager/actions/common/targets';
import { FortiGateSession } from '../../nodes/FortiGate/transport/FortiGateSession';
import { Redactor } from '../../nodes/shared/redactor';

/** A FortiManager session that answers each JSON-RPC call with the next prepared `data`, recording the calls. */
function fortiManagerAnswering(...answers: unknown[]): { session: FortiManagerSession; calls: Array<Record<string, unknown>> } {
	const calls: Array<Record<string, unknown>> = [];
	const session = {
		timeoutMs: 5_000,
		call: async (call: Record<string, unknown>) => {
			calls.push(call);
			return answers.shift();
		},
	} as unknown as FortiManagerSession;
	return { session, calls };
}

const statusEnvelope = { http_method: 'GET', results: { hostname: 'fgt-a' }, vdom: 'root', path: 'system', name: 'status', status: 'success', serial: 'FGT1', version: 'v7.4.3', build: 2573 };
const request = { method: 'GET' as const, path: '/api/v2/monitor/system/status', purpose: { action: 'read the status' } };

describe('a FortiGate reached through FortiManager', () => {
	const sessionFor = (fortiManager: FortiManagerSession, version?: string) =>
		new FortiGateSession(new ProxiedFortiGate(fortiManager, { name: 'fgt-a', version }, 'root'), { timeoutMs: 5_000, redactor: new Redactor() });

	test('one /sys/proxy/json call per request, for this device only, the VDOM in the resource\'s query', async () => {
		const { session, calls } = fortiManagerAnswering([{ target: 'fgt-a', status: { code: 0, message: 'OK' }, response: statusEnvelope }]);
		const [envelope] = await sessionFor(session).request({ ...request, query: { include: 'x' }, vdom: 'dmz' });
		expect(envelope.results).toEqual({ hostname: 'fgt-a' });
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({ method: 'exec', url: '/sys/proxy/json', data: { action: 'get', resource: '/api/v2/monitor/system/status?include=x&vdom=dmz', target: ['adom/root/device/fgt-a'] } });
	});

	test('the inventory version is known before any reply, and a reply\'s version replaces it', async () => {
		const { session } = fortiManagerAnswering([{ target: 'fgt-a', status: { code: 0 }, response: statusEnvelope }]);
		const device = sessionFor(session, 'v6.2.9');
		expect(device.firmwareVersion).toBe('v6.2.9');
		await device.request(request);
		expect(device.firmwareVersion).toBe('v7.4.3');
	});

	test.each([
		['a JSON string', JSON.stringify(statusEnvelope)],
		['an array of per-VDOM envelopes', [statusEnvelope, { ...statusEnvelope, vdom: 'dmz' }]],
	])('a FortiOS reply passed on as %s is read like a direct one', async (_label, response) => {
		const { session } = fortiManagerAnswering([{ target: 'fgt-a', status: { code: 0 }, response }]);
		const envelopes = await sessionFor(session).request(request);
		expect(envelopes[0].results).toEqual({ hostname: 'fgt-a' });
	});

	test('a FortiOS refusal inside the entry is explained as the device\'s, naming FortiManager\'s account', async () => {
		const { session } = fortiManagerAnswering([{ target: 'fgt-a', status: { code: 0 }, response: { http_method: 'POST', status: 'error', http_status: 403 } }]);
		await expect(sessionFor(session).request({ ...request, method: 'POST', purpose: { action: 'ban the IP addresses', permission: { group: 'authgrp', access: 'read-write' } } })).rejects.toThrow(
			'403 on ban the IP addresses: the profile of the admin FortiManager uses on this FortiGate lacks User & Authentication (authgrp): Read/Write access',
		);
	});

	test('an error envelope without http_status is still an error, and an entry without a response is an unreachable device', async () => {
		const { session } = fortiManagerAnswering(
			[{ target: 'fgt-a', status: { code: 0 }, response: { status: 'error', error: -3 } }],
			[{ target: 'fgt-a', status: { code: 0 } }],
		);
		await expect(sessionFor(session).request(request)).rejects.toThrow('(HTTP 500, FortiOS error -3)');
		await expect(sessionFor(session).request(request)).rejects.toThrow('FortiManager could not reach fgt-a');
	});

	test('a power action goes only to a device that has just answered; a failed entry after that is the dropped connection', async () => {
		const reboot = { method: 'POST' as const, path: '/api/v2/monitor/system/os/reboot', body: {}, purpose: { action: 'reboot the FortiGate' } };
		const down = fortiManagerAnswering([{ target: 'fgt-a', status: { code: -12, message: 'Target cannot be connected' } }]);
		await expect(sessionFor(down.session).sendPowerAction(reboot)).rejects.toThrow('The reboot was NOT sent: FortiManager could not reach fgt-a: Target cannot be connected (FortiManager -12)');
		expect(down.calls).toHaveLength(1);

		const dropped = fortiManagerAnswering([{ target: 'fgt-a', status: { code: 0 }, response: statusEnvelope }], [{ target: 'fgt-a', status: { code: -12, message: 'socket hang up' } }]);
		expect(await sessionFor(dropped.session).sendPowerAction(reboot)).toEqual({ connectionDropped: true });
		expect(dropped.calls.map((call) => (call.data as { action: string }).action)).toEqual(['get', 'post']);
	});

	test('a file download is refused without a call', async () => {
		const { session, calls } = fortiManagerAnswering();
		await expect(sessionFor(session).download({ ...request, path: '/api/v2/monitor/system/config/backup' })).rejects.toThrow('A file cannot be downloaded through FortiManager');
		expect(calls).toHaveLength(0);
	});
});

describe('the inventory', () => {
	test('groups resolve with nested groups, each device once, sorted; the inventory and the groups are read once', async () => {
		const devices = [{ name: 'b', os_ver: 7, mr: 2, patch: 8, conn_status: 1 }, { name: 'a', os_ver: '6.0', mr: 4, patch: 2, conn_status: 'up' }, { name: 'c', conn_status: 2 }];
		const groups = [
			{ name: 'east', 'object member': [{ name: 'a', vdom: 'root' }, { name: 'west' }] },
			{ name: 'west', 'object member': [{ name: 'b', vdom: 'root' }, { name: 'east' }] },
		];
		const { session, calls } = fortiManagerAnswering(devices, groups);
		const inventory = new Inventory(session, 'root');
		expect(await inventory.resolve(targetEntries('group:east, b'))).toEqual([
			{ name: 'a', version: 'v6.4.2', online: true },
			{ name: 'b', version: 'v7.2.8', online: true },
		]);
		expect(await inventory.resolve(targetEntries('*'))).toHaveLength(3);
		expect(calls).toHaveLength(2);
		await expect(inventory.resolve(targetEntries('d, group:north'))).rejects.toThrow('FortiManager has no device "d", group "north" in ADOM "root"');
	});
});
