import type { INodeProperties } from 'n8n-workflow';
import * as address from './address';
import * as addressGroup from './addressGroup';
import * as bannedIp from './bannedIp';
import * as custom from './custom';
import * as dhcpLease from './dhcpLease';
import * as firewallPolicy from './firewallPolicy';
import * as firmware from './firmware';
import * as ha from './ha';
import * as networkInterface from './interface';
import * as system from './system';
import * as vpnTunnel from './vpnTunnel';
import { optionsCollection } from './common/options';
import { fleetProperties } from './fleetFields';

/** The node's fields as the editor shows them: authentication, resources, their operations and each operation's fields. */
export const properties: INodeProperties[] = [
	...fleetProperties,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Address', value: 'address' },
			{ name: 'Address Group', value: 'addressGroup' },
			{ name: 'Banned IP', value: 'bannedIp' },
			{ name: 'Custom API Call', value: 'custom' },
			{ name: 'DHCP Lease', value: 'dhcpLease' },
			{ name: 'Firewall Policy', value: 'firewallPolicy' },
			{ name: 'Firmware', value: 'firmware' },
			{ name: 'HA', value: 'ha' },
			{ name: 'Interface', value: 'interface' },
			{ name: 'IPsec Tunnel', value: 'vpnTunnel' },
			{ name: 'System', value: 'system' },
		],
		default: 'system',
	},
	...system.description,
	...address.description,
	...addressGroup.description,
	...bannedIp.description,
	...custom.description,
	...dhcpLease.description,
	...firewallPolicy.description,
	...firmware.description,
	...ha.description,
	...networkInterface.description,
	...vpnTunnel.description,
	optionsCollection,
];
