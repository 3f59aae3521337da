import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { toNodeError } from './nodeErrors';
import { Redactor } from './redactor';

/** A device session that ends with a logout; `close` returns warnings and never throws. */
export interface DeviceSession {
	close(): Promise<string[]>;
}

/**
 * The execution skeleton both nodes share (DESIGN.md section 3): one session
 * for all items, results paired with their input item, errors mapped to what
 * an admin can act on (with continueOnFail honoured), and the session closed
 * whatever happens. Logout problems become warnings, never lost results.
 */
export async function runItems<S extends DeviceSession>(
	context: IExecuteFunctions,
	openSession: (redactor: Redactor) => Promise<S>,
	execute: (session: S, itemIndex: number) => Promise<IDataObject[]>,
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

	const output: INodeExecutionData[] = [];
	try {
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const records = await execute(session, itemIndex);
				for (const json of records) output.push({ json, pairedItem: { item: itemIndex } });
			} catch (error) {
				const nodeError = toNodeError(context.getNode(), error, redactor, itemIndex);
				if (!context.continueOnFail()) throw nodeError;
				output.push(errorItem(nodeError, itemIndex));
			}
		}
	} finally {
		const warnings = await session.close();
		for (const message of warnings) {
			context.logger?.warn(message);
			context.addExecutionHints?.({ message, type: 'warning', location: 'outputPane' });
		}
	}
	return [output];
}

function errorItem(error: { message: string; description?: string | null }, itemIndex: number): INodeExecutionData {
	return {
		json: { error: error.message, ...(error.description ? { description: error.description } : {}) },
		pairedItem: { item: itemIndex },
	};
}

export type Operation<S> = (this: IExecuteFunctions, session: S, itemIndex: number) => Promise<IDataObject[]>;

/** resource -> operation -> the module exporting `execute`. */
export type OperationTable<S> = Record<string, Record<string, { execute: Operation<S> }>>;

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
	return await runItems(context, openSession, async (session, itemIndex) => await handler.execute.call(context, session, itemIndex));
}
