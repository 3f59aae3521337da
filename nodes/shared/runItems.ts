import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, type NodeApiError } from 'n8n-workflow';
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

	const results: INodeExecutionData[][] = new Array(items.length);
	const failures: Array<{ itemIndex: number; error: NodeApiError | NodeOperationError }> = [];
	let nextIndex = 0;
	const worker = async () => {
		while (failures.length === 0 && nextIndex < items.length) {
			const itemIndex = nextIndex++;
			try {
				const records = await execute(session, itemIndex);
				results[itemIndex] = records.map((record) =>
					record instanceof FileItem
						? { json: record.json, binary: record.binary, pairedItem: { item: itemIndex } }
						: { json: record, pairedItem: { item: itemIndex } },
				);
			} catch (error) {
				const nodeError = toNodeError(context.getNode(), error, redactor, itemIndex);
				if (context.continueOnFail()) results[itemIndex] = [errorItem(nodeError, itemIndex)];
				else failures.push({ itemIndex, error: nodeError });
			}
		}
	};
	try {
		await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
	} finally {
		const warnings = await session.close();
		for (const message of warnings) {
			context.logger?.warn(message);
			context.addExecutionHints?.({ message, type: 'warning', location: 'outputPane' });
		}
	}
	if (failures.length > 0) {
		// With several items in flight, the error reported is that of the earliest item.
		throw failures.sort((a, b) => a.itemIndex - b.itemIndex)[0].error;
	}
	return [results.flat()];
}

export type Operation<S> = (this: IExecuteFunctions, session: S, itemIndex: number) => Promise<OperationOutput>;

/** An operation module: its `execute`, and whether it changes the device. */
export interface OperationModule<S> {
	execute: Operation<S>;
	/** Changing operations run their items one by one, so that a failure stops all that follows. */
	changesDevice?: boolean;
}

function errorItem(error: { message: string; description?: string | null }, itemIndex: number): INodeExecutionData {
	return {
		json: { error: error.message, ...(error.description ? { description: error.description } : {}) },
		pairedItem: { item: itemIndex },
	};
}

/** resource -> operation -> the module exporting `execute`. */
export type OperationTable<S> = Record<string, Record<string, OperationModule<S>>>;

/** Routes the node's resource and operation to its module, then runs every item through it. */
export async function runOperation<S extends DeviceSession>(
	context: IExecuteFunctions,
	operations: OperationTable<S>,
	openSession: (redactor: Redactor) => Promise<S>,
): Promise<INodeExecutionData[][]> {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const handler = operations[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(context.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const concurrency = handler.changesDevice ? 1 : readConcurrency(context);
	return await runItems(context, openSession, async (session, itemIndex) => await handler.execute.call(context, session, itemIndex), concurrency);
}
