import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { toNodeError } from './nodeErrors';
import { Redactor } from './redactor';
import type { DeviceSession } from './runItems';

/** How a list opens its session: as an execution does, with a shorter timeout. */
export interface ListSessionOptions {
	timeoutMs: number;
	redactor: Redactor;
}

/** A dropdown should open quickly or say why not. */
const LIST_TIMEOUT_MS = 15_000;

/**
 * Runs one list read for the editor over a session of its own, opened and
 * closed like an execution's. A failure becomes the error the dropdown
 * shows: the cause and the fix, and no secret.
 */
export async function withListSession<S extends DeviceSession, T>(
	context: ILoadOptionsFunctions,
	open: (options: ListSessionOptions) => Promise<S>,
	read: (session: S, options: ListSessionOptions) => Promise<T>,
): Promise<T> {
	const options: ListSessionOptions = { timeoutMs: LIST_TIMEOUT_MS, redactor: new Redactor() };
	try {
		const session = await open(options);
		try {
			return await read(session, options);
		} finally {
			await session.close();
		}
	} catch (error) {
		throw toNodeError(context.getNode(), error, options.redactor);
	}
}

/** The entries whose name contains the search text, ignoring case. */
export function matching(results: INodeListSearchItems[], filter: string | undefined): INodeListSearchResult {
	const wanted = (filter ?? '').trim().toLowerCase();
	return { results: wanted ? results.filter((entry) => entry.name.toLowerCase().includes(wanted)) : results };
}
