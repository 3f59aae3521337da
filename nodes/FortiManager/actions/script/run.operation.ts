import { randomBytes } from 'node:crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import type { FortiManagerSession } from '../../transport/FortiManagerSession';
import { adomFor, getOptions } from '../common/options';
import { readTargets, targetsField } from '../common/targets';
import { deviceResults, startedTask } from '../common/taskItems';
import { taskIdOf, waitForTask, waitFrom } from '../common/tasks';
import { onScriptTable } from './scriptTable';
import { locatorField, locatorValue } from '../../../shared/resourceLocator';
import { updateDisplayOptions } from '../../../shared/displayOptions';

/** Items run one by one: a script changes devices. */
export const changesDevice = true;

const properties: INodeProperties[] = [
	targetsField,
	{
		displayName: 'Script Source',
		name: 'scriptSource',
		type: 'options',
		options: [
			{ name: 'Stored on FortiManager', value: 'stored', description: 'A CLI script that exists in the ADOM' },
			{ name: 'CLI Lines', value: 'adHoc', description: 'Lines given here, stored under a temporary name for the run and removed afterwards' },
		],
		default: 'stored',
		description: 'Run a script stored on FortiManager, or CLI lines given here',
	},
	// Not marked required: it shows for one Script Source only, and the node refuses an empty name itself.
	locatorField({
		displayName: 'Script Name',
		name: 'scriptName',
		searchMethod: 'searchScripts',
		by: 'name',
		required: false,
		placeholder: 'show-version',
		description: 'The CLI script stored in the ADOM',
		displayOptions: { show: { scriptSource: ['stored'] } },
	}),
	{
		displayName: 'CLI Lines',
		name: 'scriptContent',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		placeholder: 'config firewall address\n  edit "blocked-host"\n    set subnet 203.0.113.7/32\n  next\nend',
		description: 'FortiOS CLI lines, run on each device. The node always waits for this run, so that the temporary script can be removed.',
		displayOptions: { show: { scriptSource: ['adHoc'] } },
	},
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: true,
		description: 'Whether to wait for the task and return one item per device with its state and output, or return the task ID at once',
		displayOptions: { show: { scriptSource: ['stored'] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['script'], operation: ['run'] } }, properties);

/**
 * Runs a CLI script on devices (fortimanager-jsonrpc.md section 5):
 * `exec /dvmdb/adom/<adom>/script/execute` returns a task; waiting reads it
 * until done, then each device's output from its latest script log.
 */
export async function execute(this: IExecuteFunctions, session: FortiManagerSession, itemIndex: number): Promise<IDataObject[]> {
	const adom = adomFor(this, itemIndex, session.adom);
	const { scope } = readTargets(this.getNodeParameter('targets', itemIndex, ''), adom);
	const adHoc = this.getNodeParameter('scriptSource', itemIndex, 'stored') === 'adHoc';
	const wait = waitFrom(getOptions(this, itemIndex));
	// Running a script and reading its logs stay under /dvmdb on every version (section 5).
	const scriptsUrl = `/dvmdb/adom/${encodeURIComponent(adom)}/script`;
	const run = async (script: string, waitForIt: boolean): Promise<IDataObject[]> => {
		const data = await session.call({ method: 'exec', url: `${scriptsUrl}/execute`, data: { adom, script, scope }, purpose: `run the script "${script}"` });
		const taskId = taskIdOf(data, `the script "${script}"`);
		if (!waitForIt) return [startedTask(taskId, scope)];
		const task = await waitForTask(session, taskId, wait);
		const outputs = new Map<string, string | null>();
		for (const line of task.devices as IDataObject[]) {
			const device = String(line.device);
			const log = line.state === 'done' ? await session.result({ method: 'get', url: `${scriptsUrl}/log/latest/device/${encodeURIComponent(device)}`, purpose: `read the script output of ${device}` }) : undefined;
			outputs.set(device, log?.status.code === 0 ? String((log.data as { content?: unknown } | undefined)?.content ?? '') : null);
		}
		return deviceResults(task, (device) => ({ script, output: outputs.get(device) ?? null }));
	};

	if (!adHoc) {
		const name = locatorValue(this, 'scriptName', itemIndex);
		if (!name) throw new FortinetError({ kind: 'parameter', message: 'Script Name is empty', description: 'Give the name of a CLI script stored in the ADOM, or choose CLI Lines.' });
		return await run(name, this.getNodeParameter('waitForCompletion', itemIndex, true) as boolean);
	}
	const content = String(this.getNodeParameter('scriptContent', itemIndex, '')).trim();
	if (!content) throw new FortinetError({ kind: 'parameter', message: 'CLI Lines is empty', description: 'Write the FortiOS CLI lines to run on each device.' });
	const name = `n8n-${randomBytes(6).toString('hex')}`;
	const script = { name, type: 'cli', target: 'remote_device', content, desc: 'Temporary script of an n8n workflow; removed after the run' };
	const { table } = await session.withWorkspaceLock(adom, async () =>
		await onScriptTable(session, adom, (url) => ({ method: 'add', url, data: script, purpose: 'store the CLI lines as a temporary script' })),
	);
	try {
		return await run(name, true);
	} finally {
		await session.withWorkspaceLock(adom, async () => await session.call({ method: 'delete', url: `${table}/${encodeURIComponent(name)}`, purpose: `remove the temporary script "${name}"` }));
	}
}
