import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { timeoutOption } from '../../../shared/executionOptions';
import { locatorField, locatorText } from '../../../shared/resourceLocator';

export const optionsCollection: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			...locatorField({ displayName: 'ADOM', name: 'adom', searchMethod: 'searchAdoms', by: 'name', required: false, placeholder: 'root', description: 'Administrative domain to work in; empty uses the credential\'s ADOM' }),
			displayOptions: { hide: { '/resource': ['adom', 'system', 'task'] } },
		},
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollInterval',
			type: 'number',
			typeOptions: { minValue: 0.1 },
			default: 3,
			description: 'How often a task is checked while waiting for it',
			displayOptions: { show: { '/resource': ['script', 'policyPackage'] } },
		},
		{
			displayName: 'Proxy Timeout (Seconds)',
			name: 'proxyTimeout',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 28800 },
			default: 60,
			description: 'How long FortiManager waits for each device (FortiManager 7.0.1 and later)',
			displayOptions: { show: { '/resource': ['fortiGateApi'] } },
		},
		{
			displayName: 'Split Results',
			name: 'splitResults',
			type: 'boolean',
			default: false,
			description: 'Whether a device whose reply holds a list of results gives one item per result, each with its device',
			displayOptions: { show: { '/resource': ['fortiGateApi'] } },
		},
		timeoutOption,
		{
			displayName: 'Wait Timeout (Seconds)',
			name: 'waitTimeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 600,
			description: 'How long to wait for a task before giving up (the task goes on on FortiManager)',
			displayOptions: { show: { '/resource': ['script', 'policyPackage'] } },
		},
	],
};

export function getOptions(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return context.getNodeParameter('options', itemIndex, {}) as IDataObject;
}

/** The ADOM a node's Options name (picked from the list or typed), else the credential's; also for the FortiGate node through FortiManager. */
export function chosenAdom(options: { adom?: unknown }, credentialAdom: string): string {
	return locatorText(options.adom) || credentialAdom;
}

/** The ADOM of this item: the node's option, else the credential's. */
export function adomFor(context: IExecuteFunctions, itemIndex: number, credentialAdom: string): string {
	return chosenAdom(getOptions(context, itemIndex), credentialAdom);
}
