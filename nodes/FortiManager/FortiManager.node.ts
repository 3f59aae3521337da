import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import * as adom from './actions/adom';
import { optionsCollection } from './actions/common/options';
import * as device from './actions/device';
import * as deviceGroup from './actions/deviceGroup';
import * as fortiGateApi from './actions/fortiGateApi';
import * as policyPackage from './actions/policyPackage';
import { router } from './actions/router';
import * as script from './actions/script';
import * as system from './actions/system';
import * as task from './actions/task';
import { fortiManagerApiTest } from './credentialTests';
import { searchAdoms, searchDevices, searchGroups } from './methods/listSearch';

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
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'ADOM', value: 'adom' },
					{ name: 'Device', value: 'device' },
					{ name: 'Device Group', value: 'deviceGroup' },
					{ name: 'FortiGate API', value: 'fortiGateApi' },
					{ name: 'Policy Package', value: 'policyPackage' },
					{ name: 'Script', value: 'script' },
					{ name: 'System', value: 'system' },
					{ name: 'Task', value: 'task' },
				],
				default: 'device',
			},
			...adom.description,
			...device.description,
			...deviceGroup.description,
			...fortiGateApi.description,
			...policyPackage.description,
			...script.description,
			...system.description,
			...task.description,
			optionsCollection,
		],
	};

	methods = {
		credentialTest: { fortiManagerApiTest },
		listSearch: { searchAdoms, searchDevices, searchGroups },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
