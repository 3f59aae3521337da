import type { INodeProperties } from 'n8n-workflow';
import * as adom from './adom';
import { optionsCollection } from './common/options';
import * as device from './device';
import * as deviceGroup from './deviceGroup';
import * as fortiGateApi from './fortiGateApi';
import * as policyPackage from './policyPackage';
import * as script from './script';
import * as system from './system';
import * as task from './task';

/** The node's fields as the editor shows them: authentication, resources, their operations and each operation's fields. */
export const properties: INodeProperties[] = [
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
];
