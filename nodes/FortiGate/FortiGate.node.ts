import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import * as dhcpLease from './actions/dhcpLease';
import * as firewallPolicy from './actions/firewallPolicy';
import * as system from './actions/system';
import { optionsCollection } from './actions/common/options';
import { router } from './actions/router';
import { fortiGateAdminLoginTest, fortiGateApiKeyTest } from './credentialTests';

export class FortiGate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'FortiGate',
		name: 'fortiGate',
		icon: { light: 'file:fortigate.svg', dark: 'file:fortigate.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Reboot FortiGate firewalls and report on their status, DHCP leases and firewall policies',
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
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'API Key', value: 'apiKey' },
					{ name: 'Admin Login', value: 'adminLogin' },
				],
				default: 'apiKey',
				description: 'A REST API admin\'s key (recommended), or an admin username and password (one session per execution, always logged out)',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'DHCP Lease', value: 'dhcpLease' },
					{ name: 'Firewall Policy', value: 'firewallPolicy' },
					{ name: 'System', value: 'system' },
				],
				default: 'system',
			},
			...system.description,
			...dhcpLease.description,
			...firewallPolicy.description,
			optionsCollection,
		],
	};

	methods = {
		credentialTest: { fortiGateApiKeyTest, fortiGateAdminLoginTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
