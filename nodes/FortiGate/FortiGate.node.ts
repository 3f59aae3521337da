import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import * as address from './actions/address';
import * as addressGroup from './actions/addressGroup';
import * as bannedIp from './actions/bannedIp';
import * as custom from './actions/custom';
import * as dhcpLease from './actions/dhcpLease';
import * as firewallPolicy from './actions/firewallPolicy';
import * as firmware from './actions/firmware';
import * as ha from './actions/ha';
import * as networkInterface from './actions/interface';
import * as system from './actions/system';
import * as vpnTunnel from './actions/vpnTunnel';
import { optionsCollection } from './actions/common/options';
import { router } from './actions/router';
import { fortiGateAdminLoginTest, fortiGateApiKeyTest } from './credentialTests';
import { fortiManagerApiTest } from '../FortiManager/credentialTests';
import { fleetProperties } from './actions/fleetFields';
import { searchAddressGroups, searchAddresses, searchInterfaces, searchPolicies, searchTunnels, searchVdoms } from './methods/listSearch';

export class FortiGate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'FortiGate',
		name: 'fortiGate',
		icon: { light: 'file:fortigate.svg', dark: 'file:fortigate.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Automate FortiGate firewalls, one or many through FortiManager: reboot and back up, ban IPs, manage addresses and firewall policies, and report on leases, policies, VPNs, interfaces and HA',
		defaults: { name: 'FortiGate' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'fortiGateApiKeyApi',
				required: true,
				testedBy: 'fortiGateApiKeyTest',
				displayOptions: { show: { authentication: ['apiKey'] } },
			},
			{
				name: 'fortiGateAdminLoginApi',
				required: true,
				testedBy: 'fortiGateAdminLoginTest',
				displayOptions: { show: { authentication: ['adminLogin'] } },
			},
			{
				name: 'fortiManagerApi',
				required: true,
				testedBy: 'fortiManagerApiTest',
				displayOptions: { show: { authentication: ['fortiManager'] } },
			},
		],
		properties: [
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
		],
	};

	methods = {
		credentialTest: { fortiGateApiKeyTest, fortiGateAdminLoginTest, fortiManagerApiTest },
		listSearch: { searchAddresses, searchAddressGroups, searchInterfaces, searchPolicies, searchTunnels, searchVdoms },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
