import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { FortinetError } from './errors';

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A FortiOS REST call as a user writes it: method, a path under /api/v2/, query parameters, a JSON body. */
export interface ApiRequestInput {
	method: ApiMethod;
	path: string;
	query: Record<string, string>;
	body?: IDataObject;
}

/**
 * The parameters of a custom FortiOS REST call (DESIGN.md section 2:
 * `method`, `path`, `query`, `body`), shared by the FortiGate node's
 * Custom > API Request and the FortiManager node's FortiGate API > Request.
 */
export const apiRequestFields: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: [
			{ name: 'DELETE', value: 'DELETE' },
			{ name: 'GET', value: 'GET' },
			{ name: 'POST', value: 'POST' },
			{ name: 'PUT', value: 'PUT' },
		],
		default: 'GET',
		description: 'The FortiOS REST method',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '/api/v2/monitor/system/status',
		required: true,
		placeholder: '/api/v2/cmdb/firewall/address',
		description: 'FortiOS REST path under /api/v2/, without the query string',
	},
	{
		displayName: 'Query',
		name: 'query',
		type: 'json',
		default: '{}',
		description: 'Query parameters as a JSON object, such as {"filter": "name==web-server"}',
	},
	{
		displayName: 'Body',
		name: 'body',
		type: 'json',
		default: '{}',
		description: 'The JSON body FortiOS expects for POST and PUT',
		displayOptions: { show: { method: ['POST', 'PUT'] } },
	},
];

/** Reads and checks those parameters: only /api/v2/ paths, query and body as JSON objects. */
export function readApiRequest(context: IExecuteFunctions, itemIndex: number): ApiRequestInput {
	const method = context.getNodeParameter('method', itemIndex, 'GET') as ApiMethod;
	const path = String(context.getNodeParameter('path', itemIndex, '')).trim();
	if (!/^\/api\/v2\/[^?#\s]+$/.test(path) || path.split('/').includes('..')) {
		throw new FortinetError({
			kind: 'parameter',
			message: `Path must be a FortiOS REST path under /api/v2/, not "${path}"`,
			description: 'Write it as in the FortiOS REST API reference, such as /api/v2/monitor/system/status, and put query parameters in Query.',
		});
	}
	const query = Object.fromEntries(Object.entries(jsonObject(context.getNodeParameter('query', itemIndex, '{}'), 'Query')).map(([key, value]) => [key, String(value)]));
	const body = method === 'POST' || method === 'PUT' ? jsonObject(context.getNodeParameter('body', itemIndex, '{}'), 'Body') : undefined;
	return { method, path, query, body };
}

function jsonObject(raw: unknown, label: string): IDataObject {
	if (raw === '' || raw === undefined || raw === null) return {};
	if (typeof raw === 'object' && !Array.isArray(raw)) return raw as IDataObject;
	try {
		const parsed = JSON.parse(String(raw)) as unknown;
		if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as IDataObject;
	} catch {
		// explained below
	}
	throw new FortinetError({ kind: 'parameter', message: `${label} is not a JSON object`, description: `Write ${label} as a JSON object, such as {"vdom": "root"}.` });
}
