import type { IDataObject } from 'n8n-workflow';

/** One output item per device of a finished task, each with its state and whether it succeeded. */
export function deviceResults(task: IDataObject, extra: (device: string) => IDataObject = () => ({})): IDataObject[] {
	return (task.devices as IDataObject[]).map((line) => ({
		device: line.device,
		taskId: task.taskId,
		state: line.state,
		success: line.state === 'done',
		detail: line.detail,
		...extra(String(line.device)),
	}));
}

/** The item of a task started without waiting for it. */
export function startedTask(taskId: number, targets: Array<{ name: string }>): IDataObject {
	return { taskId, state: 'started', targets: targets.map((target) => target.name) };
}
