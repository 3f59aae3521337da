import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { readStatus } from '../../FortiGate/actions/system/getStatus.operation';
import { eventTypeOptions } from '../stitch/eventTypes';
import { parseFortiOsVersion } from '../stitch/version';
import { withFortiGate } from '../withFortiGate';

/** Event types of the connected FortiOS; every type when it cannot be reached yet (activation checks again). */
export async function getEventTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const version = await withFortiGate(this, async (session) => parseFortiOsVersion((await readStatus(session)).version)).catch(() => undefined);
	return eventTypeOptions(version);
}
