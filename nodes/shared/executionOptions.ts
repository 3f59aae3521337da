import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** Items of a reading operation sent at once over the execution's session. */
export const DEFAULT_CONCURRENCY = 4;

/** The `concurrency` entry of a node's `options` collection. */
export const concurrencyOption: INodeProperties = {
	displayName: 'Parallel Requests',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 16 },
	default: DEFAULT_CONCURRENCY,
	description:
		'How many input items of a reading operation are sent to the device at once, over the same session. Output order stays the input order. Operations that change the device (reboot, quarantine) always handle items one by one.',
};

export function readConcurrency(context: IExecuteFunctions): number {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const value = Math.floor(Number(options.concurrency ?? DEFAULT_CONCURRENCY));
	return Number.isFinite(value) ? Math.min(16, Math.max(1, value)) : DEFAULT_CONCURRENCY;
}

/** Default request timeout: generous enough for a device across a WAN. */
export const DEFAULT_TIMEOUT_SECONDS = 30;

/** The `timeout` entry of a node's `options` collection. */
export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: DEFAULT_TIMEOUT_SECONDS,
	description: 'How long to wait for each answer of the device. Applies to the whole execution.',
};

/** The connection pool is per execution, so the first item's timeout applies to all. */
export function readTimeoutMs(context: IExecuteFunctions): number {
	return timeoutMsFrom(context.getNodeParameter('options', 0, {}) as IDataObject);
}

/** The timeout of an `options` collection, in milliseconds. */
export function timeoutMsFrom(options: IDataObject): number {
	return Math.max(1, Number(options.timeout ?? DEFAULT_TIMEOUT_SECONDS)) * 1000;
}
