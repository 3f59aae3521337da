import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { properties } from './actions/node.description';
import { router } from './actions/router';
import { fortiClientCloudTest, fortiClientEmsTest } from './credentialTests';
import { searchEndpoints } from './methods/listSearch';

export class FortiClientEms implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'FortiClient EMS',
		name: 'fortiClientEms',
		icon: { light: 'file:forticlientems.svg', dark: 'file:forticlientems.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Find endpoints in FortiClient EMS (cloud or on-premises) and quarantine or release them',
		defaults: { name: 'FortiClient EMS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'fortiClientCloudApi',
				required: true,
				testedBy: 'fortiClientCloudTest',
				displayOptions: { show: { authentication: ['cloudAccessKey'] } },
			},
			{
				name: 'fortiClientEmsApi',
				required: true,
				testedBy: 'fortiClientEmsTest',
				displayOptions: { show: { authentication: ['onPremLogin'] } },
			},
		],
		properties,
	};

	methods = {
		credentialTest: { fortiClientCloudTest, fortiClientEmsTest },
		listSearch: { searchEndpoints },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
