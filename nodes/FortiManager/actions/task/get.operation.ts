import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import type { FortiManagerSession } from '../../transport/FortiManagerSession';
import { readTask } from '../common/tasks';
import { updateDisplayOptions } from '../../../shared/displayOptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Task ID',
		name: 'taskId',
		type: 'number',
		default: 0,
		required: true,
		description: 'The task number a script run or an install returned',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, session: FortiManagerSession, itemIndex: number): Promise<IDataObject[]> {
	const taskId = Number(this.getNodeParameter('taskId', itemIndex, 0));
	if (!Number.isInteger(taskId) || taskId <= 0) throw new FortinetError({ kind: 'parameter', message: `Task ID must be a positive whole number, not ${JSON.stringify(taskId)}`, description: 'Use the taskId that Script > Run or Policy Package > Install returned.' });
	return [await readTask(session, taskId)];
}
