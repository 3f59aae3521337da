import type { INodeProperties } from 'n8n-workflow';
import { targetsField } from '../../FortiManager/actions/common/targets';
import { authenticationProperty } from '../transport/openSession';

/**
 * How the node reaches its FortiGates: one directly (API key, admin login),
 * or many through a FortiManager, with `targets` naming them.
 */
export const fleetProperties: INodeProperties[] = [
	{
		...authenticationProperty,
		options: [...(authenticationProperty.options ?? []), { name: 'Through FortiManager', value: 'fortiManager', description: 'Run the operation on many FortiGates at once with one FortiManager credential' }],
		description: 'A REST API admin\'s key (recommended), an admin username and password (one session per use, always logged out), or a FortiManager that reaches many FortiGates',
	},
	{
		...targetsField,
		displayOptions: { show: { authentication: ['fortiManager'] } },
		description: 'The FortiGates to run on: device names as FortiManager lists them, group:<group name>, or * for every FortiGate of the ADOM, separated by commas (or an array from an expression). Each output item says its `device`.',
	},
];
