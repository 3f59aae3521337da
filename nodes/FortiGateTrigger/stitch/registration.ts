import { FortinetError } from '../../shared/errors';
import { outcomeOf } from '../../shared/outcome';
import { isFortiOsError, recordsOf } from '../../FortiGate/actions/common/envelopes';
import type { FortiGateSession } from '../../FortiGate/transport/FortiGateSession';
import type { StitchObjects } from './objects';

const KINDS = ['trigger', 'action', 'stitch'] as const;
type Kind = (typeof KINDS)[number];

const purpose = (action: string) => ({ action, permission: { group: 'sysgrp' as const, access: 'read-write' as const } });
const tablePath = (kind: Kind) => `/api/v2/cmdb/system/automation-${kind}`;
const entryPath = (kind: Kind, name: string) => `${tablePath(kind)}/${encodeURIComponent(name)}`;

/**
 * Creates the trigger, the action and the stitch, in that order (each refers
 * to the one before). Objects of the same name are n8n's own from an earlier
 * activation that was never cleaned up: they are replaced. If any step fails,
 * what was created is removed again, so nothing half-made stays behind.
 */
export async function createStitch(session: FortiGateSession, objects: StitchObjects): Promise<void> {
	const name = String(objects.stitch.name);
	const failure = await createInOrder(session, objects);
	if (failure === undefined) return;
	if (!isFortiOsError(failure, -5)) throw explainCreateFailure(failure);
	// A name is taken: leftovers of an earlier activation (n8n lost track of them). Replace them once.
	await deleteStitch(session, name);
	const retry = await createInOrder(session, objects);
	if (retry !== undefined) throw explainCreateFailure(retry);
}

/** Creates the three objects; on a failure removes those it made and returns the error. */
async function createInOrder(session: FortiGateSession, objects: StitchObjects): Promise<unknown> {
	const created: Kind[] = [];
	for (const kind of KINDS) {
		const attempt = await outcomeOf(
			session.request({ method: 'POST', path: tablePath(kind), body: objects[kind], vdom: '', purpose: purpose(`create the automation ${kind}`) }),
		);
		if (!attempt.ok) {
			for (const done of created.reverse()) {
				await outcomeOf(session.request({ method: 'DELETE', path: entryPath(done, String(objects[done].name)), vdom: '', purpose: purpose(`delete the automation ${done}`) }));
			}
			return attempt.error;
		}
		created.push(kind);
	}
	return undefined;
}

/** The three objects as the device holds them, or undefined when any is missing. */
export async function readStitch(session: FortiGateSession, name: string): Promise<StitchObjects | undefined> {
	const held: Partial<StitchObjects> = {};
	for (const kind of KINDS) {
		const reply = await outcomeOf(session.request({ method: 'GET', path: entryPath(kind, name), vdom: '', purpose: { action: `read the automation ${kind}`, permission: { group: 'sysgrp', access: 'read' } } }));
		if (!reply.ok && isFortiOsError(reply.error, -3)) return undefined;
		if (!reply.ok) throw reply.error;
		const [record] = recordsOf(reply.value);
		if (!record) return undefined;
		held[kind] = record;
	}
	return held as StitchObjects;
}

/**
 * Removes the stitch, the action and the trigger, in that order. An object
 * already gone is fine; any other failure is reported after trying the rest.
 */
export async function deleteStitch(session: FortiGateSession, name: string): Promise<void> {
	const failures: unknown[] = [];
	for (const kind of [...KINDS].reverse()) {
		const reply = await outcomeOf(session.request({ method: 'DELETE', path: entryPath(kind, name), vdom: '', purpose: purpose(`delete the automation ${kind} "${name}"`) }));
		if (!reply.ok && !isFortiOsError(reply.error, -3)) failures.push(reply.error);
	}
	if (failures.length > 0) throw failures[0];
}

/**
 * Fires the stitch once through FortiOS's own test endpoint, with a sample
 * log line (fortios-automation-stitch.md, "Testing and counters"): its
 * `logid` is the trigger's own 5-digit message ID, as the schema's example
 * writes it; without a log ID (other event types) it is left out, and
 * FortiOS uses the trigger's value.
 */
export async function sendTestEvent(session: FortiGateSession, name: string, logId: number | undefined): Promise<void> {
	const fields = [`date=${new Date().toISOString().slice(0, 10)}`, ...(logId !== undefined ? [`logid="${logId}"`] : []), 'type="event"', 'subtype="system"', 'level="notice"', 'vd="root"', `msg="Test event for ${name}, sent by n8n"`];
	await session.request({ method: 'POST', path: '/api/v2/monitor/system/automation-stitch/test', body: { mkey: name, log: fields.join(' ') }, vdom: '', purpose: purpose('fire the automation stitch\'s test event') });
}

function explainCreateFailure(error: unknown): unknown {
	if (isFortiOsError(error, -4)) {
		return new FortinetError({
			kind: 'device',
			deviceCode: -4,
			message: 'The FortiGate\'s automation tables are full (FortiOS error -4); nothing was created',
			description: 'Remove unused automation stitches, triggers and actions (Security Fabric > Automation), then activate the workflow again.',
		});
	}
	return error;
}
