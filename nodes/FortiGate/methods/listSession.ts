import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import { FortinetError } from '../../shared/errors';
import { withListSession } from '../../shared/listSearch';
import { Inventory } from '../../FortiManager/actions/common/inventory';
import { chosenAdom } from '../../FortiManager/actions/common/options';
import { targetEntries } from '../../FortiManager/actions/common/targets';
import { readFortiManagerConnection } from '../../FortiManager/transport/connection';
import { FortiManagerSession } from '../../FortiManager/transport/FortiManagerSession';
import { ProxiedFortiGate } from '../../FortiManager/transport/proxiedFortiGate';
import { FortiGateSession } from '../transport/FortiGateSession';
import { openFortiGateSession } from '../transport/openSession';
import { chosenVdom } from '../actions/common/options';

/**
 * Runs one list read for the editor over the node's credential and VDOM
 * option; through FortiManager, on the first device Targets names.
 */
export async function withFortiGateList<T>(context: ILoadOptionsFunctions, read: (session: FortiGateSession, vdom: string | undefined) => Promise<T>): Promise<T> {
	const nodeOptions = (context.getCurrentNodeParameter('options') ?? {}) as IDataObject;
	const vdom = chosenVdom(nodeOptions);
	if (context.getNodeParameter('authentication', 'apiKey') !== 'fortiManager') {
		return await withListSession(context, async (options) => await openFortiGateSession(context, options), async (session) => await read(session, vdom));
	}
	return await withListSession(
		context,
		async (options) => await FortiManagerSession.open(readFortiManagerConnection(await context.getCredentials('fortiManagerApi')), options),
		async (fortiManager, options) => {
			const adom = chosenAdom(nodeOptions, fortiManager.adom);
			const [device] = await new Inventory(fortiManager, adom).resolve(targetEntries(context.getCurrentNodeParameter('targets')));
			if (!device) throw new FortinetError({ kind: 'parameter', message: 'Targets names no FortiGate to read the list from', description: 'Set Targets first; the list comes from its first device.' });
			return await read(new FortiGateSession(new ProxiedFortiGate(fortiManager, device, adom), options), vdom);
		},
	);
}
