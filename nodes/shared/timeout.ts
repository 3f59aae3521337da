import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

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
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	return Math.max(1, Number(options.timeout ?? DEFAULT_TIMEOUT_SECONDS)) * 1000;
}
