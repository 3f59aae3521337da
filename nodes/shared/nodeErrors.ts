import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';
import { FortinetError } from './errors';
import type { Redactor } from './redactor';

/**
 * The single place where failures become n8n errors: device answers become
 * NodeApiError (with the HTTP status), everything else NodeOperationError.
 * Every text passes through the execution's redactor, and the raw error is
 * never attached, so no secret can travel inside it.
 */
export function toNodeError(
	node: INode,
	error: unknown,
	redactor: Redactor,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.message = redactor.redact(error.message);
		if (error.description) error.description = redactor.redact(error.description);
		return error;
	}
	if (error instanceof FortinetError) {
		const message = redactor.redact(error.message);
		const description = redactor.redact(error.description);
		if (error.httpStatus !== undefined && (error.kind === 'http' || error.kind === 'device' || error.kind === 'login')) {
			const response: JsonObject = { httpCode: String(error.httpStatus) };
			if (error.deviceCode !== undefined) response.fortinetError = String(error.deviceCode);
			return new NodeApiError(node, response, {
				message,
				description,
				httpCode: String(error.httpStatus),
				itemIndex,
			});
		}
		return new NodeOperationError(node, message, { description, itemIndex });
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, redactor.redact(message || 'Unknown error'), { itemIndex });
}
