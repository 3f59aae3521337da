import type { IDataObject, IHookFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { timeoutMsFrom } from '../shared/executionOptions';
import { toNodeError } from '../shared/nodeErrors';
import { Redactor } from '../shared/redactor';
import type { FortiGateSession } from '../FortiGate/transport/FortiGateSession';
import { openFortiGateSession } from '../FortiGate/transport/openSession';

/**
 * Runs one piece of work over a FortiGate session that is always closed
 * (logged out) afterwards, for the trigger's activation hooks and option
 * lists. Failures become n8n errors with every secret redacted; logout
 * problems become warnings in n8n's log.
 */
export async function withFortiGate<T>(context: IHookFunctions | ILoadOptionsFunctions, work: (session: FortiGateSession) => Promise<T>): Promise<T> {
	const redactor = new Redactor();
	const options = context.getNodeParameter('options', {}) as IDataObject;
	let session: FortiGateSession | undefined;
	try {
		session = await openFortiGateSession(context, { timeoutMs: timeoutMsFrom(options), redactor });
		return await work(session);
	} catch (error) {
		throw toNodeError(context.getNode(), error, redactor);
	} finally {
		for (const warning of (await session?.close()) ?? []) context.logger.warn(warning);
	}
}
