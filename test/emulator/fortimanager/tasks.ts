/** What a task does on one device: done, or failed with a reason. */
export interface TaskLine {
	name: string;
	ok: boolean;
	detail: string;
}

interface Task {
	id: number;
	title: string;
	adom: string;
	created: number;
	lines: TaskLine[];
}

/**
 * FortiManager tasks (fortimanager-jsonrpc.md section 5): pending, then
 * running with a growing percentage, then done (state 4) or, when a device
 * failed, still done with num_err > 0. States are numbers, or words with
 * `verbose` (4 or "done", 5 "error", 1 "running", 0 "pending").
 */
export class TaskTable {
	private readonly tasks = new Map<number, Task>();
	private nextId = 1200;

	constructor(private readonly durationMs: () => number) {}

	create(title: string, adom: string, lines: TaskLine[]): number {
		const id = this.nextId++;
		this.tasks.set(id, { id, title, adom, created: Date.now(), lines });
		return id;
	}

	/** The task record as `get /task/task/<id>` answers it, or undefined. */
	read(id: number, words: boolean): Record<string, unknown> | undefined {
		const task = this.tasks.get(id);
		if (!task) return undefined;
		const duration = this.durationMs();
		const elapsed = Date.now() - task.created;
		const progress = duration <= 0 ? 1 : Math.min(1, elapsed / duration);
		const finished = progress >= 1;
		const state = (value: 'pending' | 'running' | 'done' | 'error') => (words ? value : { pending: 0, running: 1, done: 4, error: 5 }[value]);
		const done = finished ? task.lines.length : Math.floor(task.lines.length * progress);
		const failed = finished ? task.lines.filter((line) => !line.ok).length : 0;
		return {
			id: task.id,
			title: task.title,
			adom: task.adom,
			percent: finished ? 100 : Math.floor(progress * 99),
			num_lines: task.lines.length,
			num_done: done,
			num_err: failed,
			num_warn: 0,
			state: state(finished ? 'done' : progress === 0 ? 'pending' : 'running'),
			start_tm: Math.floor(task.created / 1000),
			end_tm: finished ? Math.floor((task.created + duration) / 1000) : 0,
			line: task.lines.map((line, index) => ({
				name: line.name,
				ip: '',
				oid: 100 + index,
				state: state(!finished ? (index < done ? 'done' : 'running') : line.ok ? 'done' : 'error'),
				detail: finished || index < done ? line.detail : '',
				percent: finished || index < done ? 100 : 0,
			})),
		};
	}
}
