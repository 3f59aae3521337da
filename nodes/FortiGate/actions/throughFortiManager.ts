import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { FortinetError } from '../../shared/errors';
import { readConcurrency, readTimeoutMs } from '../../shared/executionOptions';
import { toNodeError } from '../../shared/nodeErrors';
import { Redactor } from '../../shared/redactor';
import { addWarnings, errorItem, executeItems, operationFor, outputItem, type ItemOutcome, type OperationTable } from '../../shared/runItems';
import { Inventory, type ManagedFortiGate } from '../../FortiManager/actions/common/inventory';
import { chosenAdom } from '../../FortiManager/actions/common/options';
import { targetEntries } from '../../FortiManager/actions/common/targets';
import { readFortiManagerConnection } from '../../FortiManager/transport/connection';
import { FortiManagerSession } from '../../FortiManager/transport/FortiManagerSession';
import { ProxiedFortiGate } from '../../FortiManager/transport/proxiedFortiGate';
import { FortiGateSession } from '../transport/FortiGateSession';
import { getOptions } from './common/options';

export const DEFAULT_PARALLEL_DEVICES = 8;

interface DeviceRun {
	device: ManagedFortiGate;
	itemIndexes: number[];
	/** Each item's outcome on this device, by item index. */
	outcomes: Map<number, ItemOutcome>;
}

/**
 * The one place where the FortiGate node fans out to many devices: one
 * FortiManager session for the execution, each item's `targets` resolved in
 * its inventory, and every device given its own FortiGate session whose
 * requests travel through FortiManager. The operations run unchanged, each
 * item once per device; devices run in parallel up to Parallel Devices, and
 * per device the usual item rules hold (changes one item at a time, the
 * first failure stopping that device's remaining items). Every output item
 * carries `device`.
 */
export async function runThroughFortiManager(context: IExecuteFunctions, operations: OperationTable<FortiGateSession>): Promise<INodeExecutionData[][]> {
	const handler = operationFor(context, operations);
	const operationName = `${String(context.getNodeParameter('resource', 0))}.${String(context.getNodeParameter('operation', 0))}`;
	const redactor = new Redactor();
	if (handler.returnsFile) {
		throw toNodeError(context.getNode(), new FortinetError({
			kind: 'parameter',
			message: `${operationName} returns a file, which cannot travel through FortiManager`,
			description: 'Nothing was sent. FortiManager\'s /sys/proxy/json carries JSON replies only. Use a FortiGate credential (API Key or Admin Login) for backups; FortiManager also keeps configuration revisions of its own.',
		}), redactor);
	}
	const items = context.getInputData();
	const timeoutMs = readTimeoutMs(context);
	let fortiManager: FortiManagerSession;
	try {
		fortiManager = await FortiManagerSession.open(readFortiManagerConnection(await context.getCredentials('fortiManagerApi')), { timeoutMs, redactor });
	} catch (error) {
		const nodeError = toNodeError(context.getNode(), error, redactor);
		if (!context.continueOnFail()) throw nodeError;
		return [items.map((_item, itemIndex) => errorItem(nodeError, itemIndex))];
	}

	const unresolved: ItemOutcome[] = [];
	let runs: DeviceRun[] = [];
	try {
		const adom = chosenAdom(getOptions(context, 0), fortiManager.adom);
		const inventory = new Inventory(fortiManager, adom);
		const byDevice = new Map<string, DeviceRun>();
		for (const itemIndex of items.keys()) {
			try {
				for (const device of await inventory.resolve(targetEntries(context.getNodeParameter('targets', itemIndex)))) {
					const run: DeviceRun = byDevice.get(device.name) ?? { device, itemIndexes: [], outcomes: new Map() };
					run.itemIndexes.push(itemIndex);
					byDevice.set(device.name, run);
				}
			} catch (error) {
				unresolved.push({ itemIndex, error });
			}
		}
		if (unresolved.length > 0 && !context.continueOnFail()) throw unresolved[0].error;
		runs = [...byDevice.values()].sort((a, b) => a.device.name.localeCompare(b.device.name));
		const concurrency = handler.changesDevice ? 1 : readConcurrency(context);
		await eachWithLimit(runs, parallelDevices(context), async (run) => {
			const session = new FortiGateSession(new ProxiedFortiGate(fortiManager, run.device, adom), { timeoutMs, redactor });
			const outcomes = await executeItems(session, run.itemIndexes, async (deviceSession, itemIndex) => await handler.execute.call(context, deviceSession, itemIndex), concurrency, context.continueOnFail());
			run.outcomes = new Map(outcomes.map((outcome) => [outcome.itemIndex, outcome]));
			addWarnings(context, await session.close());
		});
	} catch (error) {
		throw toNodeError(context.getNode(), error, redactor);
	} finally {
		addWarnings(context, await fortiManager.close());
	}
	return [assemble(context, items.length, runs, unresolved, redactor, operationName)];
}

/** Output in input order, then by device name; failures as items (Continue On Fail) or one error naming every device. */
function assemble(context: IExecuteFunctions, itemCount: number, runs: DeviceRun[], unresolved: ItemOutcome[], redactor: Redactor, operationName: string): INodeExecutionData[] {
	const output: INodeExecutionData[] = [];
	const failed: string[] = [];
	const fixes = new Set<string>();
	const succeeded: string[] = [];
	const notResolved = new Map(unresolved.map((outcome) => [outcome.itemIndex, outcome.error]));
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		if (notResolved.has(itemIndex)) output.push(errorItem(toNodeError(context.getNode(), notResolved.get(itemIndex), redactor, itemIndex), itemIndex));
		for (const run of runs) {
			const outcome = run.outcomes.get(itemIndex);
			if (!outcome) continue;
			const device = { device: run.device.name };
			if (outcome.records) {
				output.push(...outcome.records.map((record) => outputItem(record, itemIndex, device)));
				continue;
			}
			const nodeError = toNodeError(context.getNode(), outcome.error, redactor, itemIndex);
			output.push(errorItem(nodeError, itemIndex, device));
			failed.push(`${run.device.name}: ${nodeError.message}`);
			if (nodeError.description) fixes.add(nodeError.description);
		}
	}
	const hasFailed = (run: DeviceRun) => [...run.outcomes.values()].some((outcome) => outcome.error !== undefined);
	for (const run of runs) if (!hasFailed(run)) succeeded.push(run.device.name);
	if (failed.length > 0 && !context.continueOnFail()) {
		const failedDevices = new Set(runs.filter(hasFailed).map((run) => run.device.name));
		throw toNodeError(
			context.getNode(),
			new FortinetError({
				kind: 'device',
				message: `${operationName} failed on ${failedDevices.size} of ${runs.length} FortiGates: ${[...failedDevices].join(', ')}`,
				description: [
					`${failed.join(' | ')}.`,
					succeeded.length > 0 ? `Succeeded on: ${succeeded.join(', ')}.` : 'It succeeded on none.',
					...fixes,
					'Every device was tried once; turn on Continue On Fail to get one item per device instead.',
				].join(' '),
			}),
			redactor,
		);
	}
	return output;
}

function parallelDevices(context: IExecuteFunctions): number {
	const value = Math.floor(Number(getOptions(context, 0).parallelDevices ?? DEFAULT_PARALLEL_DEVICES));
	return Number.isFinite(value) ? Math.min(64, Math.max(1, value)) : DEFAULT_PARALLEL_DEVICES;
}

/** Runs `work` on every entry, at most `limit` at once. */
async function eachWithLimit<T>(entries: T[], limit: number, work: (entry: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < entries.length) await work(entries[next++]);
	};
	await Promise.all(Array.from({ length: Math.min(limit, entries.length) }, worker));
}
