import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { properties } from './actions/node.description';
import { router } from './actions/router';
import { fortiManagerApiTest } from './credentialTests';
import { searchAdoms, searchDevices, searchGroups, searchScripts } from './methods/listSearch';

export class FortiManager implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'FortiManager',
		name: 'fortiManager',
		icon: { light: 'file:fortimanager.svg', dark: 'file:fortimanager.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage a fleet of FortiGates through FortiManager: inventory, groups, FortiOS calls on many devices, scripts, policy installs and tasks',
		defaults: { name: 'FortiManager' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'fortiManagerApi', required: true, testedBy: 'fortiManagerApiTest' }],
		properties,
	};

	methods = {
		credentialTest: { fortiManagerApiTest },
		listSearch: { searchAdoms, searchDevices, searchGroups, searchScripts },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
