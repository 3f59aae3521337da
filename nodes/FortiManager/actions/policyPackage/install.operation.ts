import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import type { FortiManagerSession } from '../../transport/FortiManagerSession';
import { adomFor, getOptions } from '../common/options';
import { readTargets, targetsField } from '../common/targets';
import { deviceResults, startedTask } from '../common/taskItems';
import { taskIdOf, waitForTask, waitFrom } from '../common/tasks';
import { updateDisplayOptions } from '../../../shared/displayOptions';

/** Items run one by one: an install changes devices. */
export const changesDevice = true;

const properties: INodeProperties[] = [
	{
		displayName: 'Package',
		name: 'package',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'default',
		description: 'Name of the policy package in the ADOM',
	},
	targetsField,
	{
		displayName: 'Preview Only',
		name: 'preview',
		type: 'boolean',
		default: false,
		description: 'Whether to only prepare a preview of the changes instead of installing them',
	},
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: true,
		description: 'Whether to wait for the install task and return one item per device, or return the task ID at once',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['policyPackage'], operation: ['install'] } }, properties);

/** `exec /securityconsole/install/package` (fortimanager-jsonrpc.md section 5), the ADOM locked in workspace mode. */
export async function execute(this: IExecuteFunctions, session: FortiManagerSession, itemIndex: number): Promise<IDataObject[]> {
	const adom = adomFor(this, itemIndex, session.adom);
	const pkg = String(this.getNodeParameter('package', itemIndex, '')).trim();
	if (!pkg) throw new FortinetError({ kind: 'parameter', message: 'Package is empty', description: 'Give the name of the policy package as Policy & Objects shows it.' });
	const { scope } = readTargets(this.getNodeParameter('targets', itemIndex, ''), adom);
	const preview = this.getNodeParameter('preview', itemIndex, false) as boolean;
	const data = await session.withWorkspaceLock(adom, async () =>
		await session.call({ method: 'exec', url: '/securityconsole/install/package', data: { adom, pkg, scope, flags: [preview ? 'preview' : 'none'] }, purpose: `install the policy package "${pkg}"` }),
	);
	const taskId = taskIdOf(data, `the install of "${pkg}"`);
	if (!(this.getNodeParameter('waitForCompletion', itemIndex, true) as boolean)) return [startedTask(taskId, scope)];
	const task = await waitForTask(session, taskId, waitFrom(getOptions(this, itemIndex)));
	return deviceResults(task, () => ({ package: pkg, preview }));
}
