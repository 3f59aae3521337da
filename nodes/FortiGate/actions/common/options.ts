import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { concurrencyOption, timeoutOption } from '../../../shared/executionOptions';
import { locatorField, locatorText } from '../../../shared/resourceLocator';

export interface CommonOptions {
	vdom?: string;
	adom?: string;
	parallelDevices?: number;
	timeout?: number;
	waitForOnline?: boolean;
	waitTimeout?: number;
	pollInterval?: number;
}

/**
 * The node's `options` collection. One collection for every operation, so a
 * workflow keeps its VDOM and timeout when the operation changes; the reboot
 * entries show only for the reboot.
 */
export const optionsCollection: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'ADOM',
			name: 'adom',
			type: 'string',
			default: '',
			placeholder: 'root',
			description: 'The FortiManager ADOM whose devices Targets names, overriding the credential\'s',
			displayOptions: { show: { '/authentication': ['fortiManager'] } },
		},
		{
			displayName: 'Parallel Devices',
			name: 'parallelDevices',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 64 },
			default: 8,
			description: 'How many FortiGates work at once through FortiManager. Each device still gets the items one by one for operations that change it.',
			displayOptions: { show: { '/authentication': ['fortiManager'] } },
		},
		// A reboot or shutdown acts on the whole device, once: neither a VDOM nor parallel items apply.
		{ ...concurrencyOption, displayOptions: { hide: { '/operation': ['reboot', 'shutdown'] } } },
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollInterval',
			type: 'number',
			typeOptions: { minValue: 0.1 },
			default: 10,
			description: 'How often to check whether the FortiGate answers again',
			displayOptions: { show: { '/operation': ['reboot'], waitForOnline: [true] } },
		},
		{
			displayName: 'Split Results',
			name: 'splitResults',
			type: 'boolean',
			default: false,
			description: 'Whether a reply holding a list of results gives one item per result (with its VDOM) instead of one item per FortiOS envelope',
			displayOptions: { show: { '/resource': ['custom'] } },
		},
		timeoutOption,
		{
			...locatorField({
				displayName: 'VDOM',
				name: 'vdom',
				searchMethod: 'searchVdoms',
				by: 'name',
				required: false,
				placeholder: 'root',
				description: 'VDOM to query, overriding the credential\'s. * queries every VDOM the account can see; each item then says its VDOM.',
			}),
			// System, HA and firmware status are the whole device's, like a reboot or shutdown.
			displayOptions: { hide: { '/operation': ['reboot', 'shutdown', 'getStatus'] } },
		},
		{
			displayName: 'Wait for Online',
			name: 'waitForOnline',
			type: 'boolean',
			default: false,
			description: 'Whether to wait until the FortiGate answers again and prove that it rebooted (its last-reboot time changed)',
			displayOptions: { show: { '/operation': ['reboot'] } },
		},
		{
			displayName: 'Wait Timeout (Seconds)',
			name: 'waitTimeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 600,
			description: 'How long to wait for the FortiGate to come back before reporting an error',
			displayOptions: { show: { '/operation': ['reboot'], waitForOnline: [true] } },
		},
	],
};

export function getOptions(context: IExecuteFunctions, itemIndex: number): CommonOptions {
	return context.getNodeParameter('options', itemIndex, {}) as IDataObject as CommonOptions;
}

/** The VDOM for an item: the option when set, otherwise undefined (the credential's). */
export function vdomFor(context: IExecuteFunctions, itemIndex: number): string | undefined {
	return chosenVdom(getOptions(context, itemIndex));
}

/** The VDOM the node's Options name (picked from the list or typed); undefined leaves the credential's. */
export function chosenVdom(options: { vdom?: unknown }): string | undefined {
	return locatorText(options.vdom) || undefined;
}
