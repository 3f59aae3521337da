import { ALL_PROFILES, AUDITOR, AUTHENTICATIONS, credentialsFor, emulatorPerTest, runFortiGate, type Authentication } from '../../harness/fortiGate';
import { catchNodeError } from '../../harness/expectations';
import { jsonOf } from '../../harness/runNode';


describe.each(ALL_PROFILES)('FortiOS %s', (profile) => {
	const device = emulatorPerTest({ profile });
	const run = (authentication: Authentication, resource: string, parameters: Record<string, unknown>) => device.run(authentication, { resource, ...parameters });

	describe.each(AUTHENTICATIONS)('with %s', (authentication) => {
		test('vpnTunnel.getMany: one item per tunnel, up derived from its phase 2 selectors, raw selectors kept', async () => {
			const tunnels = jsonOf(await run(authentication, 'vpnTunnel', { operation: 'getMany', returnAll: true }));
			expect(tunnels.map((tunnel) => [tunnel.name, tunnel.up, tunnel.allPhase2Up, tunnel.phase2Up, tunnel.phase2Count, tunnel.vdom])).toEqual([
				['to-branch-1', true, true, 2, 2, 'root'],
				['to-aws', false, false, 0, 1, 'root'],
			]);
			expect((tunnels[0].proxyid as Array<Record<string, unknown>>)[0]).toMatchObject({ p2name: 'to-branch-1-lan', status: 'up', proxy_src: [expect.objectContaining({ subnet: '10.0.0.0-10.0.255.255' })] });

			device.emulator.data.tunnels.setSelector('to-branch-1', 'to-branch-1-voice', false);
			const [partly] = jsonOf(await run(authentication, 'vpnTunnel', { operation: 'getMany', tunnelName: 'to-branch-1' }));
			expect(partly).toMatchObject({ name: 'to-branch-1', up: true, allPhase2Up: false, phase2Up: 1 });
		});

		test('vpnTunnel.bringUp and bringDown act on the selectors not yet in that state', async () => {
			const [up] = jsonOf(await run(authentication, 'vpnTunnel', { operation: 'bringUp', tunnelName: 'to-aws' }));
			expect(up).toMatchObject({ name: 'to-aws', up: true, requested: 'up', changedPhase2: ['to-aws-vpc'] });
			const [again] = jsonOf(await run(authentication, 'vpnTunnel', { operation: 'bringUp', tunnelName: 'to-aws' }));
			expect(again).toMatchObject({ up: true, changedPhase2: [] });
			expect(device.emulator.counters.requests['POST /api/v2/monitor/vpn/ipsec/tunnel_up']).toBe(1);

			const [down] = jsonOf(await run(authentication, 'vpnTunnel', { operation: 'bringDown', tunnelName: 'to-branch-1', phase2Name: 'to-branch-1-voice' }));
			expect(down).toMatchObject({ name: 'to-branch-1', up: true, allPhase2Up: false, changedPhase2: ['to-branch-1-voice'] });
		});

		test('interface.getMany flattens the object keyed by name; VLANs only when asked', async () => {
			const plain = jsonOf(await run(authentication, 'interface', { operation: 'getMany', returnAll: true }));
			expect(plain.map((entry) => entry.name)).toEqual(['wan1', 'wan2', 'lan', 'dmz']);
			expect(plain[1]).toMatchObject({ name: 'wan2', link: false, speed: 0, vdom: 'root' });
			expect(plain[0]).toMatchObject({ name: 'wan1', alias: 'ISP-A', ip: '198.51.100.2', mask: 29, link: true });

			const withVlan = jsonOf(await run(authentication, 'interface', { operation: 'getMany', includeVlan: true, returnAll: true }));
			expect(withVlan.find((entry) => entry.name === 'lan.100')).toMatchObject({ vlanid: 100, alias: 'voice' });
			expect(withVlan.some((entry) => entry.name === 'agg1')).toBe(false);

			device.emulator.data.interfaces.setLink('wan1', false);
			const [wan1] = jsonOf(await run(authentication, 'interface', { operation: 'getMany', interfaceName: 'wan1' }));
			expect(wan1).toMatchObject({ name: 'wan1', link: false });
		});
	});

	test('a tunnel that does not exist is named in the error', async () => {
		const error = await catchNodeError(run('apiKey', 'vpnTunnel', { operation: 'bringUp', tunnelName: 'to-mars' }));
		expect(error.message).toBe('The FortiGate has no IPsec tunnel "to-mars"');
		expect(device.emulator.counters.requests['POST /api/v2/monitor/vpn/ipsec/tunnel_up']).toBeUndefined();
	});

	test('every VDOM at once: each tunnel and interface says its VDOM', async () => {
		const tunnels = jsonOf(await run('adminLogin', 'vpnTunnel', { operation: 'getMany', returnAll: true, options: { vdom: '*' } }));
		expect(tunnels.map((tunnel) => `${tunnel.vdom}/${tunnel.name}`)).toEqual(['root/to-branch-1', 'root/to-aws', 'FG-traffic/partner-x']);
		const interfaces = jsonOf(await run('adminLogin', 'interface', { operation: 'getMany', returnAll: true, options: { vdom: '*' } }));
		expect(interfaces.filter((entry) => entry.vdom === 'FG-traffic').map((entry) => entry.name)).toEqual(['internal', 'port2', 'port3']);
	});

	test('a read-only admin may list tunnels but not bring one down', async () => {
		const credentials = credentialsFor(device.emulator, 'adminLogin', { username: AUDITOR.username, password: AUDITOR.password });
		const listed = await runFortiGate({ authentication: 'adminLogin', parameters: { resource: 'vpnTunnel', operation: 'getMany', returnAll: true } as never, credentials });
		expect(listed.output).toHaveLength(2);
		const error = await catchNodeError(runFortiGate({ authentication: 'adminLogin', parameters: { resource: 'vpnTunnel', operation: 'bringDown', tunnelName: 'to-branch-1' } as never, credentials }));
		expect(error.message).toBe('403 on bring the tunnel "to-branch-1" down: the admin profile lacks VPN (vpngrp): Read/Write access');
	});
});
