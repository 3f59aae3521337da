import { AUTHENTICATIONS, READONLY_API_USER, credentialsFor, emulatorPerTest, runFortiGate, type Authentication } from '../../harness/fortiGate';
import { catchNodeError } from '../../harness/expectations';
import { jsonOf } from '../../harness/runNode';
import type { ProfileName } from '../../emulator/fortigate/profiles';

const PROFILES: ProfileName[] = ['6.0', '7.2', '7.6.4'];
const POLICY_PATH = '/api/v2/cmdb/firewall/policy';

/** A policy as the create operation takes it. */
function policy(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
	return { name, srcintf: 'lan', dstintf: 'wan1', srcaddr: 'all', dstaddr: 'all', service: 'HTTPS', action: 'accept', ...extra };
}

describe.each(PROFILES)('FortiOS %s firewall policies', (profile) => {
	const device = emulatorPerTest({ profile });
	const run = (authentication: Authentication, operation: string, parameters: Record<string, unknown> = {}) =>
		device.run(authentication, { resource: 'firewallPolicy', operation, ...parameters });
	const order = (vdom = 'root') => device.emulator.data.firewallPolicies.list(vdom).map((entry) => entry.name);
	const sent = (method: string, path = POLICY_PATH) => Object.entries(device.emulator.counters.requests).filter(([key]) => key.startsWith(`${method} ${path}`)).reduce((sum, [, count]) => sum + count, 0);

	describe.each(AUTHENTICATIONS)('with %s', (authentication) => {
		test('Get Many lists the recorded policies in evaluation order, with plain name lists, filters and statistics', async () => {
			const all = jsonOf(await run(authentication, 'getMany', { returnAll: true, includeStatistics: true, options: { vdom: 'FG-traffic' } }));
			const v4 = all.filter((item) => item.ipVersion !== 'ipv6' || profile !== '6.0');
			expect(v4.map((item) => [item.policyid, item.name, item.position])).toEqual([
				[1, '', 1],
				[2, 'ping', 2],
				[3, 'disabled ping', 3],
			]);
			expect(v4[1]).toMatchObject({ srcintf: ['port2', 'port3'], dstintf: ['any'], srcaddr: ['login.microsoft.com'], dstaddr: ['gmail.com'], service: ['PING'], action: 'accept', status: 'enable', vdom: 'FG-traffic' });
			expect((v4[1].raw as Record<string, unknown>)['inspection-mode']).toBe('flow');
			expect(v4[0].statistics).toHaveProperty('ipv4');
			if (profile === '6.0') {
				// Before 6.4 IPv6 policies have their own table and numbering.
				expect(all.filter((item) => item.ipVersion === 'ipv6').map((item) => [item.policyid, item.name, item.position])).toEqual([[1, 'v6-ping', 1]]);
				expect(sent('GET', '/api/v2/cmdb/firewall/policy6')).toBe(1);
			}

			const filtered = (filters: Record<string, unknown>) => run(authentication, 'getMany', { returnAll: true, ipVersion: 'ipv4', filters, options: { vdom: 'FG-traffic' } }).then(jsonOf);
			expect((await filtered({ status: 'disable' })).map((item) => item.policyid)).toEqual([3]);
			expect((await filtered({ address: 'gmail.com', action: 'accept' })).map((item) => [item.policyid, item.position])).toEqual([[2, 2], [3, 3]]);
			expect((await filtered({ interface: 'port3', service: 'NFS' })).map((item) => item.policyid)).toEqual([1]);
			expect((await filtered({ name: 'PING' })).map((item) => item.policyid)).toEqual([2, 3]);
		});

		test('create puts the policy where asked, reports where it landed, and is safe to run again', async () => {
			const [catchAll] = jsonOf(await run(authentication, 'create', policy('deny-all', { srcintf: 'any', dstintf: 'any', service: 'ALL', action: 'deny' })));
			expect(catchAll).toMatchObject({ name: 'deny-all', position: 1, created: true, changed: true });

			// FortiOS appends after the catch-all; at the end is where a new policy never matches.
			const [web] = jsonOf(await run(authentication, 'create', policy('allow-web', { dstaddr: 'web-server, dmz-servers', service: 'HTTPS, Web Access' })));
			expect(web).toMatchObject({ position: 2, dstaddr: ['web-server', 'dmz-servers'], service: ['HTTPS', 'Web Access'] });

			const [blocked] = jsonOf(await run(authentication, 'create', policy('block-xx', { action: 'deny', position: 'top', additionalFields: { logtraffic: 'all', comments: 'temporary' } })));
			expect(blocked).toMatchObject({ position: 1, status: 'enable', action: 'deny', logtraffic: 'all', comments: 'temporary' });
			expect(order()).toEqual(['block-xx', 'deny-all', 'allow-web']);

			const [dns] = jsonOf(await run(authentication, 'create', policy('allow-dns', { service: 'DNS', position: 'before', neighborPolicyId: catchAll.policyid })));
			expect(dns.position).toBe(2);
			expect(order()).toEqual(['block-xx', 'allow-dns', 'deny-all', 'allow-web']);

			const postsBefore = sent('POST');
			const [again] = jsonOf(await run(authentication, 'create', policy('allow-dns', { service: 'DNS', position: 'before', neighborPolicyId: catchAll.policyid })));
			expect(again).toMatchObject({ policyid: dns.policyid, alreadyExisted: true, created: false, changed: false, position: 2 });
			expect(sent('POST')).toBe(postsBefore);

			const conflict = await catchNodeError(run(authentication, 'create', policy('allow-dns', { service: 'NTP' })));
			expect(conflict.message).toBe(`A firewall policy named "allow-dns" exists already (ID ${String(dns.policyid)}) with other Services`);
			const [updated] = jsonOf(await run(authentication, 'create', policy('allow-dns', { service: 'NTP', updateExisting: true })));
			expect(updated).toMatchObject({ alreadyExisted: true, changed: true, updatedFields: ['service'], service: ['NTP'], position: 2 });
		});

		test('move, enable, disable and delete are idempotent and report the position', async () => {
			const [first] = jsonOf(await run(authentication, 'create', policy('first')));
			const [second] = jsonOf(await run(authentication, 'create', policy('second')));
			const [moved] = jsonOf(await run(authentication, 'move', { policyId: second.policyid, moveAction: 'before', neighborPolicyId: first.policyid }));
			expect(moved).toMatchObject({ policyid: second.policyid, position: 1, changed: true });
			const movesBefore = sent('PUT');
			const [still] = jsonOf(await run(authentication, 'move', { policyId: second.policyid, moveAction: 'before', neighborPolicyId: first.policyid }));
			expect(still).toMatchObject({ position: 1, changed: false });
			expect(sent('PUT')).toBe(movesBefore);
			const [after] = jsonOf(await run(authentication, 'move', { policyId: second.policyid, moveAction: 'after', neighborPolicyId: first.policyid }));
			expect(after).toMatchObject({ position: 2, changed: true });
			// A policy created since the recording starts with zero counters.
			const [read] = jsonOf(await run(authentication, 'get', { policyId: second.policyid, includeStatistics: true }));
			expect(read).toMatchObject({ policyid: second.policyid, name: 'second', position: 2, statistics: { ipv4: { hit_count: 0, bytes: 0 } } });

			expect(jsonOf(await run(authentication, 'disable', { policyId: first.policyid }))[0]).toMatchObject({ status: 'disable', changed: true, position: 1 });
			expect(jsonOf(await run(authentication, 'disable', { policyId: first.policyid }))[0]).toMatchObject({ status: 'disable', changed: false });
			expect(jsonOf(await run(authentication, 'enable', { policyId: first.policyid }))[0]).toMatchObject({ status: 'enable', changed: true });

			expect(jsonOf(await run(authentication, 'delete', { policyId: first.policyid }))).toEqual([{ policyid: first.policyid, name: 'first', deleted: true, existed: true }]);
			expect(jsonOf(await run(authentication, 'delete', { policyId: first.policyid }))).toEqual([{ policyid: first.policyid, deleted: false, existed: false }]);
			expect(order()).toEqual(['second']);
			// Only the one policy was ever the target of a DELETE, never the table.
			expect(device.emulator.counters.requests[`DELETE ${POLICY_PATH}`]).toBeUndefined();
		});

		test('update changes only what is given: lists replaced, added to or removed from, never emptied', async () => {
			const [created] = jsonOf(await run(authentication, 'create', policy('edit-me', { srcaddr: 'web-server' })));
			const update = (parameters: Record<string, unknown>) => run(authentication, 'update', { policyId: created.policyid, ...parameters }).then(jsonOf);

			expect((await update({ srcaddr: 'gmail.com', listChange: 'add' }))[0]).toMatchObject({ srcaddr: ['web-server', 'gmail.com'], changed: true, updatedFields: ['srcaddr'] });
			expect((await update({ srcaddr: 'web-server', listChange: 'remove', action: 'deny', updateFields: { comments: 'tightened' } }))[0]).toMatchObject({
				srcaddr: ['gmail.com'],
				action: 'deny',
				comments: 'tightened',
				updatedFields: ['comments', 'action', 'srcaddr'],
			});
			const putsBefore = sent('PUT');
			expect((await update({ srcaddr: 'gmail.com', action: 'deny' }))[0]).toMatchObject({ changed: false, updatedFields: [] });
			expect(sent('PUT')).toBe(putsBefore);

			const emptied = await catchNodeError(run(authentication, 'update', { policyId: created.policyid, srcaddr: 'gmail.com', listChange: 'remove' }));
			expect(emptied.message).toBe(`Source Addresses of policy ${String(created.policyid)} would be empty, which FortiOS does not allow`);
			expect(sent('PUT')).toBe(putsBefore);
		});
	});

	test('names the interfaces, addresses and services the FortiGate lacks before anything is sent, reading each table once', async () => {
		const error = await catchNodeError(
			run('apiKey', 'create', policy('typo', { srcintf: 'lan, port9', srcaddr: 'all, web-srv', service: 'HTTPS, HTTP-ALT' })),
		);
		expect(error.message).toBe('The FortiGate has no interface "port9"; no address "web-srv"; no service "HTTP-ALT"');
		expect(error.description).toContain('Nothing was changed');
		expect(sent('POST')).toBe(0);

		const items = [{ json: {} }, { json: {} }];
		const parameters = { resource: 'firewallPolicy', operation: 'create', ...policy('={{ "batch-" + $itemIndex }}') };
		await runFortiGate({ authentication: 'apiKey', parameters: parameters as never, credentials: credentialsFor(device.emulator, 'apiKey'), items });
		expect(order()).toEqual(['batch-0', 'batch-1']);
		expect(device.emulator.counters.requests['GET /api/v2/cmdb/firewall.service/custom']).toBe(2);
	});

	test('an account that may not read the interfaces leaves them to the FortiGate, whose refusal still names the name', async () => {
		const profileWithoutNetwork = { ...READONLY_API_USER.profile, name: 'policy_editor', fwgrp: 'read-write' as const, netgrp: 'none' as const };
		device.emulator.apiUsers.push({ ...READONLY_API_USER, name: 'n8n-policy', key: 'Pe8mR3tY6uI9oP2aS5dF8gH1jK4lZx', profile: profileWithoutNetwork });
		const credentials = credentialsFor(device.emulator, 'apiKey', { apiKey: 'Pe8mR3tY6uI9oP2aS5dF8gH1jK4lZx' });
		const create = (name: string, srcintf: string) => runFortiGate({ authentication: 'apiKey', parameters: { resource: 'firewallPolicy', operation: 'create', ...policy(name, { srcintf }) } as never, credentials });
		const error = await catchNodeError(create('typo', 'port9'));
		expect(error.message).toContain(`FortiOS says: "entry not found in datasource; value parse error before 'port9'; Command fail. Return code -3"`);
		expect(jsonOf(await create('fine', 'lan'))[0]).toMatchObject({ name: 'fine', position: 1 });
	});

	test('a refusal shows FortiOS\'s own cli_error text', async () => {
		const error = await catchNodeError(run('adminLogin', 'create', policy('night-only', { schedule: 'nightly' })));
		expect(error.message).toContain('FortiOS error -3');
		expect(error.message).toContain(`FortiOS says: "entry not found in datasource; value parse error before 'nightly'; Command fail. Return code -3"`);
		expect(order()).toEqual([]);
	});

	test('a move that fails after the create deletes the new policy again and fails the node', async () => {
		await run('apiKey', 'create', policy('existing'));
		device.emulator.faults.add({
			method: 'PUT',
			path: /\/api\/v2\/cmdb\/firewall\/policy\/\d+$/,
			kind: 'status',
			status: 500,
			contentType: 'application/json',
			body: JSON.stringify({ http_method: 'PUT', status: 'error', http_status: 500, error: -61, vdom: 'root', path: 'firewall', name: 'policy' }),
		});
		const error = await catchNodeError(run('apiKey', 'create', policy('urgent-block', { action: 'deny', position: 'top' })));
		expect(error.message).toMatch(/^The policy "urgent-block" was created but could not be put in place, so it was deleted again: /);
		expect(order()).toEqual(['existing']);
	});

	test('a read-only account may list but not create, and the refusal names the permission', async () => {
		const credentials = credentialsFor(device.emulator, 'apiKey', { apiKey: READONLY_API_USER.key });
		const list = await runFortiGate({ authentication: 'apiKey', parameters: { resource: 'firewallPolicy', operation: 'getMany', returnAll: true } as never, credentials });
		expect(jsonOf(list)).toEqual([]);
		const error = await catchNodeError(runFortiGate({ authentication: 'apiKey', parameters: { resource: 'firewallPolicy', operation: 'create', ...policy('nope') } as never, credentials }));
		expect(error.message).toBe('403 on create the firewall policy "nope": the REST API admin profile lacks Firewall (fwgrp): Read/Write access');
	});

	test('get and the single-policy operations explain a missing policy and refuse policy 0 and VDOM *', async () => {
		const missing = await catchNodeError(run('apiKey', 'get', { policyId: 42 }));
		expect(missing.message).toBe('The FortiGate has no firewall policy "42"');
		const implicit = await catchNodeError(run('apiKey', 'enable', { policyId: 0 }));
		expect(implicit.message).toBe('Policy ID 0 is the implicit deny, which FortiOS does not store as a policy');
		const everywhere = await catchNodeError(run('apiKey', 'disable', { policyId: 2, options: { vdom: '*' } }));
		expect(everywhere.message).toBe('Firewall policies are changed in one VDOM at a time, not "*"');
		const [one] = jsonOf(await run('adminLogin', 'get', { policyId: 3, options: { vdom: 'FG-traffic' } }));
		expect(one).toMatchObject({ policyid: 3, name: 'disabled ping', position: 3, status: 'disable', ipVersion: 'ipv4' });
	});
});
