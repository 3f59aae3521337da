import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { readConcurrency } from './executionOptions';
import { toNodeError } from './nodeErrors';
import { Redactor } from './redactor';

/** An output item that carries a file (binary data) beside its JSON. */
export class FileItem {
	constructor(
		readonly json: IDataObject,
		readonly binary: IBinaryKeyData,
	) {}
}

export type OperationOutput = Array<IDataObject | FileItem>;

/** A device session that ends with a logout; `close` returns warnings and never throws. */
export interface DeviceSession {
	close(): Promise<string[]>;
}

/**
 * The execution skeleton both nodes share (DESIGN.md section 3): one session
 * for all items, results paired with their input item and kept in input
 * order, errors mapped to what an admin can act on (with continueOnFail
 * honoured), and the session closed whatever happens. Logout problems become
 * warnings, never lost results. Up to `concurrency` items run at once over
 * the same session; with 1, items run strictly one after another and the
 * first failure stops the rest.
 */
export async function runItems<S extends DeviceSession>(
	context: IExecuteFunctions,
	openSession: (redactor: Redactor) => Promise<S>,
	execute: (session: S, itemIndex: number) => Promise<OperationOutput>,
	concurrency = 1,
): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const redactor = new Redactor();
	let session: S;
	try {
		session = await openSession(redactor);
	} catch (error) {
		const nodeError = toNodeError(context.getNode(), error, redactor);
		if (!context.continueOnFail()) throw nodeError;
		return [items.map((_item, itemIndex) => errorItem(nodeError, itemIndex))];
	}

	let outcomes: ItemOutcome[];
	try {
		outcomes = await executeItems(session, items.map((_item, itemIndex) => itemIndex), execute, concurrency, context.continueOnFail());
	} finally {
		addWarnings(context, await session.close());
	}
	const results: INodeExecutionData[][] = [];
	for (const outcome of outcomes) {
		if (outcome.records) {
			results.push(outcome.records.map((record) => outputItem(record, outcome.itemIndex)));
			continue;
		}
		const nodeError = toNodeError(context.getNode(), outcome.error, redactor, outcome.itemIndex);
		// With several items in flight, the error reported is that of the earliest item.
		if (!context.continueOnFail()) throw nodeError;
		results.push([errorItem(nodeError, outcome.itemIndex)]);
	}
	return [results.flat()];
}

/** One item's records, or the error it failed with. */
export type ItemOutcome = { itemIndex: number; records: OperationOutput; error?: undefined } | { itemIndex: number; records?: undefined; error: unknown };

/**
 * Runs items over one session: up to `concurrency` at once; with 1, strictly
 * one after another. Unless `keepGoing`, the first failure stops the items
 * not yet started. Outcomes come back in item order.
 */
export async function executeItems<S>(
	session: S,
	itemIndexes: number[],
	execute: (session: S, itemIndex: number) => Promise<OperationOutput>,
	concurrency: number,
	keepGoing: boolean,
): Promise<ItemOutcome[]> {
	const outcomes: ItemOutcome[] = [];
	let next = 0;
	let failed = false;
	const worker = async () => {
		while ((keepGoing || !failed) && next < itemIndexes.length) {
			const itemIndex = itemIndexes[next++];
			try {
				outcomes.push({ itemIndex, records: await execute(session, itemIndex) });
			} catch (error) {
				failed = true;
				outcomes.push({ itemIndex, error });
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, itemIndexes.length)) }, worker));
	return outcomes.sort((a, b) => a.itemIndex - b.itemIndex);
}

/** An operation's record as an output item paired with its input item. */
export function outputItem(record: IDataObject | FileItem, itemIndex: number, extra: IDataObject = {}): INodeExecutionData {
	return record instanceof FileItem
		? { json: { ...record.json, ...extra }, binary: record.binary, pairedItem: { item: itemIndex } }
		: { json: { ...record, ...extra }, pairedItem: { item: itemIndex } };
}

/** Logout problems and the like: on the output pane and in the log, never a lost result. */
export function addWarnings(context: IExecuteFunctions, warnings: string[]): void {
	for (const message of warnings) {
		context.logger?.warn(message);
		context.addExecutionHints?.({ message, type: 'warning', location: 'outputPane' });
	}
}

export type Operation<S> = (this: IExecuteFunctions, session: S, itemIndex: number) => Promise<OperationOutput>;

/** An operation module: its `execute`, and whether it changes the device. */
export interface OperationModule<S> {
	execute: Operation<S>;
	/** Changing operations run their items one by one, so that a failure stops all that follows. */
	changesDevice?: boolean;
	/** The operation's result is a file (binary data), which a FortiManager proxy cannot carry. */
	returnsFile?: boolean;
}

export function errorItem(error: { message: string; description?: string | null }, itemIndex: number, extra: IDataObject = {}): INodeExecutionData {
	return {
		json: { ...extra, error: error.message, ...(error.description ? { description: error.description } : {}) },
		pairedItem: { item: itemIndex },
	};
}

/** A node's resources, each with the names of its operations (its node.type.ts). */
export type OperationMap = Record<string, string>;

/**
 * resource -> operation -> the module exporting `execute`. Typed by the
 * node's map, a table without the module of an operation does not compile.
 */
export type OperationTable<S, M extends OperationMap = OperationMap> = { readonly [R in keyof M]: { readonly [O in M[R]]: OperationModule<S> } };

/** The module of the node's resource and operation. */
export function operationFor<S>(context: IExecuteFunctions, operations: OperationTable<S>): OperationModule<S> {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const handler = operations[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(context.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return handler;
}

/** Routes the node's resource and operation to its module, then runs every item through it. */
export async function runOperation<S extends DeviceSession>(
	context: IExecuteFunctions,
	operations: OperationTable<S>,
	openSession: (redactor: Redactor) => Promise<S>,
): Promise<INodeExecutionData[][]> {
	const handler = operationFor(context, operations);
	const concurrency = handler.changesDevice ? 1 : readConcurrency(context);
	return await runItems(context, openSession, async (session, itemIndex) => await handler.execute.call(context, session, itemIndex), concurrency);
}
