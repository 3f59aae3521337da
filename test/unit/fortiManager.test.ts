import { normaliseDevice } from '../../nodes/FortiManager/actions/common/devices';
import { taskState } from '../../nodes/FortiManager/actions/common/enums';
import { readTargets } from '../../nodes/FortiManager/actions/common/targets';

describe('targets', () => {
	test('device names, groups and * become proxy targets and a script scope', () => {
		expect(readTargets('fgt-01, group:branches, *, fgt-01', 'root')).toEqual({
			proxy: ['adom/root/device/fgt-01', 'adom/root/group/branches', 'adom/root/group/All_FortiGate'],
			scope: [{ name: 'fgt-01', vdom: 'root' }, { name: 'branches' }, { name: 'All_FortiGate' }],
		});
		expect(readTargets(['fgt-02'], 'customer-a').proxy).toEqual(['adom/customer-a/device/fgt-02']);
	});

	test.each([
		['', 'Targets is empty: name the devices to run on'],
		[' , ', 'Targets is empty: name the devices to run on'],
		['group:', 'Targets: "group:" needs a group name'],
	])('%j is refused', (raw, message) => {
		expect(() => readTargets(raw, 'root')).toThrow(message);
	});
});

describe('device records in both enum forms', () => {
	test.each([
		[{ name: 'a', conn_status: 1, conf_status: 2, os_ver: 7, mr: 2, patch: 8, ha_mode: 1 }, { online: true, configInSync: false, firmware: '7.2.8', haMode: 'a-p' }],
		[{ name: 'a', conn_status: 'up', conf_status: 'insync', os_ver: '7.0', mr: 4, patch: 5, ha_mode: 'AP' }, { online: true, configInSync: true, firmware: '7.4.5', haMode: 'a-p' }],
		[{ name: 'a', conn_status: 2, conf_status: 0, os_ver: 6, mr: 4, patch: 14, ha_mode: 0 }, { online: false, configInSync: false, firmware: '6.4.14', haMode: 'standalone' }],
		[{ name: 'a', conn_status: 'down', conf_status: 'unknown' }, { online: false, configInSync: false, firmware: null, haMode: null }],
	])('%j', (record, expected) => {
		expect(normaliseDevice(record)).toMatchObject(expected);
	});

	test('task states as numbers or words', () => {
		expect([4, '5', 'done', 1, 0, 99].map(taskState)).toEqual(['done', 'error', 'done', 'running', 'pending', '99']);
	});
});
