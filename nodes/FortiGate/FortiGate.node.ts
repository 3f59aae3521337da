import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { properties } from './actions/node.description';
import { router } from './actions/router';
import { fortiGateAdminLoginTest, fortiGateApiKeyTest } from './credentialTests';
import { fortiManagerApiTest } from '../FortiManager/credentialTests';
import { searchAddressGroups, searchAddresses, searchInterfaces, searchPolicies, searchTunnels, searchVdoms } from './methods/listSearch';

export class FortiGate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'FortiGate',
		name: 'fortiGate',
		icon: { light: 'file:fortigate.svg', dark: 'file:fortigate.dark.svg' },
		group: ['output'],
		// Version 2: DHCP Lease > Get Many lists IPv4 and IPv6 leases unless told otherwise, like every other IP Version.
		version: [1, 2],
		defaultVersion: 2,
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
		properties,
	};

	methods = {
		credentialTest: { fortiGateApiKeyTest, fortiGateAdminLoginTest, fortiManagerApiTest },
		listSearch: { searchAddresses, searchAddressGroups, searchInterfaces, searchPolicies, searchTunnels, searchVdoms },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
