import { ALL_PROFILES, AUTHENTICATIONS, emulatorPerTest, type Authentication } from '../../harness/fortiGate';
import { catchNodeError } from '../../harness/expectations';
import { jsonOf } from '../../harness/runNode';

const ADDRESS_TABLE = '/api/v2/cmdb/firewall/address';

describe.each(ALL_PROFILES)('FortiOS %s', (profile) => {
	const device = emulatorPerTest({ profile });
	afterEach(() => {
		// A DELETE on the table would purge every unreferenced object.
		expect(device.emulator.counters.requests[`DELETE ${ADDRESS_TABLE}`]).toBeUndefined();
	});
	const run = (authentication: Authentication, resource: string, parameters: Record<string, unknown>) => device.run(authentication, { resource, ...parameters });
	const addresses = () => device.emulator.data.addresses.addressNames();

	describe.each(AUTHENTICATIONS)('with %s', (authentication) => {
		test('address.create is safe to run twice: the second run reports alreadyExisted and changes nothing', async () => {
			const parameters = { operation: 'create', name: 'blocked-net', type: 'ipmask', subnet: '198.51.100.0/24', additionalFields: { comment: 'From the feed' } };
			const [first] = jsonOf(await run(authentication, 'address', parameters));
			expect(first).toMatchObject({ name: 'blocked-net', type: 'ipmask', subnet: '198.51.100.0 255.255.255.0', comment: 'From the feed', alreadyExisted: false });
			const stateAfterFirst = addresses();
			const [second] = jsonOf(await run(authentication, 'address', parameters));
			expect(second).toMatchObject({ name: 'blocked-net', subnet: '198.51.100.0 255.255.255.0', alreadyExisted: true });
			expect(addresses()).toEqual(stateAfterFirst);
		});

		test('address.create of a taken name with another value says what differs', async () => {
			const error = await catchNodeError(run(authentication, 'address', { operation: 'create', name: 'web-server', type: 'ipmask', subnet: '10.0.1.11' }));
			expect(error.message).toBe('"web-server" already exists with another value: subnet is "10.0.1.10 255.255.255.255", not "10.0.1.11 255.255.255.255"');
			expect(error.description).toBe('Use the Update operation to change the existing object, or choose another name.');
		});

		test('address.create of each type, then get, update, getMany and delete', async () => {
			const created = [
				...jsonOf(await run(authentication, 'address', { operation: 'create', name: 'dhcp-pool', type: 'iprange', startIp: '10.0.0.100', endIp: '10.0.0.199' })),
				...jsonOf(await run(authentication, 'address', { operation: 'create', name: 'updates', type: 'fqdn', fqdn: 'updates.example.com' })),
				...jsonOf(await run(authentication, 'address', { operation: 'create', name: 'netherlands', type: 'geography', country: 'nl' })),
			];
			expect(created.map((item) => [item.name, item.type, item['start-ip'], item.fqdn, item.country])).toEqual([
				['dhcp-pool', 'iprange', '10.0.0.100', '', ''],
				['updates', 'fqdn', '0.0.0.0', 'updates.example.com', ''],
				['netherlands', 'geography', '0.0.0.0', '', 'NL'],
			]);

			const [updated] = jsonOf(await run(authentication, 'address', { operation: 'update', name: 'dhcp-pool', updateFields: { endIp: '10.0.0.250', comment: 'grown' } }));
			expect(updated).toMatchObject({ name: 'dhcp-pool', 'end-ip': '10.0.0.250', comment: 'grown' });
			const [fetched] = jsonOf(await run(authentication, 'address', { operation: 'get', name: 'dhcp-pool' }));
			expect(fetched).toEqual(updated);

			const fqdns = jsonOf(await run(authentication, 'address', { operation: 'getMany', filter: 'type==fqdn', returnAll: true }));
			expect(fqdns.map((item) => item.name)).toEqual(['login.microsoft.com', 'gmail.com', 'updates']);
			expect(jsonOf(await run(authentication, 'address', { operation: 'getMany', limit: 2 }))).toHaveLength(2);

			expect(jsonOf(await run(authentication, 'address', { operation: 'delete', name: 'updates' }))).toEqual([{ name: 'updates', deleted: true, existed: true }]);
			expect(jsonOf(await run(authentication, 'address', { operation: 'delete', name: 'updates' }))).toEqual([{ name: 'updates', deleted: false, existed: false }]);
			expect(addresses()).not.toContain('updates');
		});

		test('address.delete of an object in use names the group and the policies that use it (-23)', async () => {
			const inGroup = await catchNodeError(run(authentication, 'address', { operation: 'delete', name: 'web-server' }));
			expect(inGroup.message).toBe('"web-server" is still in use by address group "dmz-servers" (FortiOS error -23)');
			const inPolicies = await catchNodeError(run(authentication, 'address', { operation: 'delete', name: 'gmail.com', options: { vdom: 'FG-traffic' } }));
			expect(inPolicies.message).toBe('"gmail.com" is still in use by firewall policy 2 ("ping"), firewall policy 3 ("disabled ping") (FortiOS error -23)');
			expect(addresses()).toContain('web-server');
		});

		test('addressGroup.addMembers creates missing addresses and is idempotent', async () => {
			const parameters = { operation: 'addMembers', groupName: 'dmz-servers', members: '203.0.113.7, 198.51.100.0/24, gmail.com, 203.0.113.7/32', createMissing: true };
			const [first] = jsonOf(await run(authentication, 'addressGroup', parameters));
			expect(first).toEqual({
				group: 'dmz-servers',
				changed: true,
				added: ['203.0.113.7', '198.51.100.0_24', 'gmail.com'],
				alreadyMembers: [],
				createdAddresses: ['203.0.113.7', '198.51.100.0_24'],
				members: ['web-server', '203.0.113.7', '198.51.100.0_24', 'gmail.com'],
				memberCount: 4,
			});
			const [second] = jsonOf(await run(authentication, 'addressGroup', parameters));
			expect(second).toMatchObject({ changed: false, added: [], createdAddresses: [], alreadyMembers: ['203.0.113.7', '198.51.100.0_24', 'gmail.com'], memberCount: 4 });
			expect(device.emulator.data.addresses.groupMembers('dmz-servers')).toEqual(first.members);
			expect(device.emulator.counters.requests['PUT /api/v2/cmdb/firewall/addrgrp/dmz-servers']).toBe(1);
		});

		test('addressGroup.removeMembers is idempotent and refuses to empty a group', async () => {
			await run(authentication, 'addressGroup', { operation: 'addMembers', groupName: 'dmz-servers', members: '203.0.113.7', createMissing: true });
			const [removed] = jsonOf(await run(authentication, 'addressGroup', { operation: 'removeMembers', groupName: 'dmz-servers', members: '203.0.113.7, nobody' }));
			expect(removed).toEqual({ group: 'dmz-servers', changed: true, removed: ['203.0.113.7'], notMembers: ['nobody'], members: ['web-server'], memberCount: 1 });
			const [again] = jsonOf(await run(authentication, 'addressGroup', { operation: 'removeMembers', groupName: 'dmz-servers', members: '203.0.113.7' }));
			expect(again).toMatchObject({ changed: false, removed: [], notMembers: ['203.0.113.7'] });
			const emptied = await catchNodeError(run(authentication, 'addressGroup', { operation: 'removeMembers', groupName: 'dmz-servers', members: 'web-server' }));
			expect(emptied.message).toBe('Removing these members would leave the group "dmz-servers" empty, which FortiOS does not allow');
			expect(device.emulator.data.addresses.groupMembers('dmz-servers')).toEqual(['web-server']);
		});

		test('addressGroup.getMany lists groups with member names', async () => {
			const groups = jsonOf(await run(authentication, 'addressGroup', { operation: 'getMany', returnAll: true }));
			expect(groups).toEqual([expect.objectContaining({ name: 'dmz-servers', members: ['web-server'], memberCount: 1, vdom: 'root' })]);
		});
	});

	test('addMembers checks everything before the first change: unknown names, and the 600-member limit', async () => {
		const unknown = await catchNodeError(run('apiKey', 'addressGroup', { operation: 'addMembers', groupName: 'dmz-servers', members: 'gmail.com, no-such-object' }));
		expect(unknown.message).toBe('No address object or group named "no-such-object"');
		const feed = Array.from({ length: 600 }, (_, index) => `100.64.${Math.floor(index / 250)}.${(index % 250) + 1}`);
		const tooMany = await catchNodeError(run('apiKey', 'addressGroup', { operation: 'addMembers', groupName: 'dmz-servers', members: feed, createMissing: true }));
		expect(tooMany.message).toBe('The group "dmz-servers" would have 601 members; FortiOS allows 600 per address group');
		expect(device.emulator.counters.requests[`POST ${ADDRESS_TABLE}`]).toBeUndefined();
		expect(device.emulator.counters.requests['PUT /api/v2/cmdb/firewall/addrgrp/dmz-servers']).toBeUndefined();
		expect(device.emulator.data.addresses.groupMembers('dmz-servers')).toEqual(['web-server']);
	});

	test('a name holding "/" is refused before sending, since FortiOS cannot address it', async () => {
		const error = await catchNodeError(run('apiKey', 'address', { operation: 'delete', name: 'lan/servers' }));
		expect(error.message).toBe('"lan/servers" contains "/", which the FortiOS REST API cannot address');
		expect(Object.keys(device.emulator.counters.requests).filter((key) => key.startsWith('DELETE'))).toEqual([]);
	});
});
