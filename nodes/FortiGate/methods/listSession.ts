import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import { FortinetError } from '../../shared/errors';
import { toNodeError } from '../../shared/nodeErrors';
import { Redactor } from '../../shared/redactor';
import { Inventory } from '../../FortiManager/actions/common/inventory';
import { targetEntries } from '../../FortiManager/actions/common/targets';
import { readFortiManagerConnection } from '../../FortiManager/transport/connection';
import { FortiManagerSession } from '../../FortiManager/transport/FortiManagerSession';
import { ProxiedFortiGate } from '../../FortiManager/transport/proxiedFortiGate';
import { FortiGateSession } from '../transport/FortiGateSession';
import { openFortiGateSession } from '../transport/openSession';
import { locatorText } from '../../shared/resourceLocator';

/** A dropdown should open quickly or say why not. */
const LIST_TIMEOUT_MS = 15_000;

/**
 * Runs one list read for the editor over a session of its own, opened and
 * closed like an execution's: the node's credential, its VDOM option, and
 * through FortiManager the first device Targets names. A failure becomes an
 * error the dropdown shows, with the cause and the fix and no secret.
 */
export async function withListSession<T>(context: ILoadOptionsFunctions, read: (session: FortiGateSession, vdom: string | undefined) => Promise<T>): Promise<T> {
	const redactor = new Redactor();
	const options = (context.getCurrentNodeParameter('options') ?? {}) as IDataObject;
	const vdom = locatorText(options.vdom) || undefined;
	try {
		if (context.getNodeParameter('authentication', 'apiKey') !== 'fortiManager') {
			const session = await openFortiGateSession(context, { timeoutMs: LIST_TIMEOUT_MS, redactor });
			try {
				return await read(session, vdom);
			} finally {
				await session.close();
			}
		}
		const fortiManager = await FortiManagerSession.open(readFortiManagerConnection(await context.getCredentials('fortiManagerApi')), { timeoutMs: LIST_TIMEOUT_MS, redactor });
		try {
			const adom = locatorText(options.adom) || fortiManager.adom;
			const [device] = await new Inventory(fortiManager, adom).resolve(targetEntries(context.getCurrentNodeParameter('targets')));
			if (!device) throw new FortinetError({ kind: 'parameter', message: 'Targets names no FortiGate to read the list from', description: 'Set Targets first; the list comes from its first device.' });
			return await read(new FortiGateSession(new ProxiedFortiGate(fortiManager, device, adom), { timeoutMs: LIST_TIMEOUT_MS, redactor }), vdom);
		} finally {
			await fortiManager.close();
		}
	} catch (error) {
		throw toNodeError(context.getNode(), error, redactor);
	}
}
