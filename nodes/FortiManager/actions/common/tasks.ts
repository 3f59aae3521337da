import { sleep, type IDataObject } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import type { FortiManagerSession } from '../../transport/FortiManagerSession';
import { taskState } from './enums';

/** A task read from `get /task/task/<id>`, with its per-device lines in plain words. */
export function normaliseTask(record: IDataObject): IDataObject {
	const percent = Number(record.percent ?? 0);
	const errors = Number(record.num_err ?? 0);
	const lines = Array.isArray(record.line) ? (record.line as IDataObject[]) : [];
	return {
		taskId: record.id,
		title: record.title ?? null,
		state: taskState(record.state),
		percent,
		done: percent >= 100,
		// Done when percent is 100; succeeded when also num_err is 0 (fortimanager-jsonrpc.md section 5).
		succeeded: percent >= 100 && errors === 0,
		devicesDone: Number(record.num_done ?? 0),
		devicesFailed: errors,
		devices: lines.map((line) => ({ device: line.name, state: taskState(line.state), detail: line.detail ?? '' })),
		raw: record,
	};
}

export async function readTask(session: FortiManagerSession, taskId: number): Promise<IDataObject> {
	const record = await session.call({ method: 'get', url: `/task/task/${taskId}`, purpose: `read task ${taskId}` });
	return normaliseTask((record ?? {}) as IDataObject);
}

/** Polls a task until it is done or the wait ends; the session stays open meanwhile, as a running script needs. */
export async function waitForTask(session: FortiManagerSession, taskId: number, wait: { timeoutMs: number; pollMs: number }): Promise<IDataObject> {
	const deadline = Date.now() + wait.timeoutMs;
	for (;;) {
		const task = await readTask(session, taskId);
		if (task.done) return task;
		if (Date.now() + wait.pollMs > deadline) {
			throw new FortinetError({
				kind: 'timeout',
				message: `FortiManager task ${taskId} was not done within ${Math.round(wait.timeoutMs / 1000)} s (${String(task.percent)} %)`,
				description: 'The task goes on on FortiManager. Raise Wait Timeout, or read it later with Task > Get.',
			});
		}
		await sleep(wait.pollMs);
	}
}

/** The task number an `exec` answers with: `{task: n}` or `{taskid: n}`. */
export function taskIdOf(data: unknown, what: string): number {
	const value = (data as { task?: unknown; taskid?: unknown } | undefined)?.task ?? (data as { taskid?: unknown } | undefined)?.taskid;
	const id = Number(value);
	if (!Number.isInteger(id) || id <= 0) {
		throw new FortinetError({ kind: 'response', message: `FortiManager started ${what} but named no task`, description: 'Check the task list in FortiManager (System Settings > Task Monitor).' });
	}
	return id;
}

/** Wait settings from the options: Wait Timeout and Poll Interval in seconds. */
export function waitFrom(options: IDataObject): { timeoutMs: number; pollMs: number } {
	return { timeoutMs: Math.max(1, Number(options.waitTimeout ?? 600)) * 1000, pollMs: Math.max(0.1, Number(options.pollInterval ?? 3)) * 1000 };
}
