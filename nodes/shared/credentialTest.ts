import type { INodeCredentialTestResult } from 'n8n-workflow';
import { FortinetError } from './errors';
import { Redactor } from './redactor';
import type { DeviceSession } from './runItems';

/**
 * The skeleton of a credential's Test button: open a session through the
 * node's own transport (so the TLS settings apply exactly as in a workflow),
 * make one cheap call, close the session, and answer in the words of the
 * node's errors, with every secret redacted.
 */
export async function testCredential<S extends DeviceSession>(
	openSession: (redactor: Redactor) => Promise<S>,
	probe: (session: S) => Promise<string>,
): Promise<INodeCredentialTestResult> {
	const redactor = new Redactor();
	let session: S | undefined;
	try {
		session = await openSession(redactor);
		return { status: 'OK', message: await probe(session) };
	} catch (error) {
		const text = error instanceof FortinetError ? `${error.message}. ${error.description}` : String((error as Error)?.message ?? error);
		return { status: 'Error', message: redactor.redact(text) };
	} finally {
		await session?.close();
	}
}
