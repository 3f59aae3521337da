import { moveNeeded } from '../../nodes/FortiGate/actions/firewallPolicy/placement';
import { differingFields, nameList } from '../../nodes/FortiGate/actions/firewallPolicy/fields';
import { policyItem } from '../../nodes/FortiGate/actions/firewallPolicy/common';

describe('moveNeeded: the one move that puts a policy in place, none when it is there', () => {
	const order = [7, 3, 9, 4];
	test.each([
		[9, { where: 'top' as const }, { where: 'before', neighbour: 7 }],
		[7, { where: 'top' as const }, undefined],
		[3, { where: 'bottom' as const }, { where: 'after', neighbour: 4 }],
		[4, { where: 'bottom' as const }, undefined],
		[4, { where: 'before' as const, neighbour: 3 }, { where: 'before', neighbour: 3 }],
		[7, { where: 'before' as const, neighbour: 3 }, undefined],
		[9, { where: 'after' as const, neighbour: 3 }, undefined],
		[7, { where: 'after' as const, neighbour: 4 }, { where: 'after', neighbour: 4 }],
	])('policy %d to %j', (policyId, placement, expected) => {
		expect(moveNeeded(order, policyId, placement)).toEqual(expected);
	});

	test('a policy alone in its table never moves, and none moves relative to itself', () => {
		expect(moveNeeded([5], 5, { where: 'top' })).toBeUndefined();
		expect(() => moveNeeded(order, 3, { where: 'after', neighbour: 3 })).toThrow('Policy 3 cannot be moved after itself');
	});
});

describe('policy fields', () => {
	test('names are separated by commas or lines, keep their spaces, and come once', () => {
		expect(nameList('Web Access, HTTPS,\nHTTPS ,')).toEqual(['Web Access', 'HTTPS']);
		expect(nameList(['lan', ' wan1 '])).toEqual(['lan', 'wan1']);
	});

	test('lists compare as sets of names, other fields as text', () => {
		const policy = { srcaddr: [{ name: 'b', q_origin_key: 'b' }, { name: 'a' }], action: 'accept', nat: 'disable' };
		expect(differingFields({ srcaddr: [{ name: 'a' }, { name: 'b' }], action: 'accept' }, policy)).toEqual([]);
		expect(differingFields({ srcaddr: [{ name: 'a' }], action: 'deny', comments: '' }, policy)).toEqual(['srcaddr', 'action']);
	});

	test('before 6.4 the policy table is IPv4 whatever srcaddr6 holds; from 6.4 the address lists decide', () => {
		const dual = { policyid: 1, srcaddr: [{ name: 'all' }], srcaddr6: [{ name: 'all' }] };
		expect(policyItem(dual, 1, { version: 'v6.2.4' }).ipVersion).toBe('ipv4');
		expect(policyItem(dual, 1, { version: 'v7.2.8' }).ipVersion).toBe('both');
		expect(policyItem({ policyid: 2, srcaddr: [], srcaddr6: [{ name: 'all' }] }, 1, { version: 'v7.2.8' }).ipVersion).toBe('ipv6');
		expect(policyItem({ policyid: 1, srcaddr: [{ name: 'all' }] }, 1, { table: 'firewall/policy6', version: 'v6.0.4' }).ipVersion).toBe('ipv6');
	});
});
