import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import { outcomeOf } from '../../../shared/outcome';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { vdomFor } from '../common/options';
import { LIST_FIELDS, POLICY_TABLE, currentPolicyItem, readOrder, readPolicy, vdomForChange, writePurpose, type ListField } from './common';
import { differingFields, listLabel, policyFields, readCreateBody } from './fields';
import { moveNeeded, neighbourField, readPlacement, sendMove } from './placement';
import { checkReferences } from './references';
import { locatorValue } from '../../../shared/resourceLocator';
import { updateDisplayOptions } from '../../../shared/displayOptions';

export const changesDevice = true;

const properties: INodeProperties[] = [
	...policyFields('create'),
	{
		displayName: 'Position',
		name: 'position',
		type: 'options',
		options: [
			{ name: 'At the End', value: 'bottom', description: 'Matched last, after any catch-all policy (where FortiOS puts new policies)' },
			{ name: 'At the Top', value: 'top', description: 'Matched before every other policy' },
			{ name: 'Before a Policy', value: 'before' },
			{ name: 'After a Policy', value: 'after' },
		],
		default: 'bottom',
		description: 'Where the new policy goes in the evaluation order',
	},
	neighbourField({ show: { position: ['before', 'after'] } }),
	{
		displayName: 'Update if It Exists',
		name: 'updateExisting',
		type: 'boolean',
		default: false,
		description: 'Whether a policy with this name but other content is changed to match; otherwise the node fails and changes nothing. A policy with the same name and content is always left as it is.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['firewallPolicy'], operation: ['create'] } }, properties);

/**
 * Creates a policy and puts it where Position says, in one operation
 * (FortiOS appends new policies at the end). A policy that must move is
 * created disabled, moved, then enabled, so that it never matches traffic in
 * the wrong place; if the move fails it is deleted again. Safe to run again:
 * the same name and content answers `alreadyExisted: true`.
 */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const vdom = vdomForChange(vdomFor(this, itemIndex));
	const body = readCreateBody(this, itemIndex);
	const order = await readOrder(session, vdom);
	const placement = readPlacement(this.getNodeParameter('position', itemIndex, 'bottom') as string, locatorValue(this, 'neighborPolicyId', itemIndex), order.ids, vdom);

	const existingId = order.ids[order.names.indexOf(String(body.name))];
	if (existingId !== undefined) return [await matchExisting(this, session, itemIndex, existingId, body, vdom)];

	await checkReferences(session, vdom, listsOf(body));
	const staged = placement.where !== 'bottom' && order.ids.length > 0 && body.status !== 'disable';
	const [envelope] = await session.request({ method: 'POST', path: `/api/v2/cmdb/${POLICY_TABLE}`, body: staged ? { ...body, status: 'disable' } : body, vdom, purpose: writePurpose(`create the firewall policy "${String(body.name)}"`) });
	const policyId = Number(envelope?.mkey ?? (await readOrder(session, vdom)).ids.at(-1));
	const moved = await outcomeOf(placeAndEnable(session, policyId, placement, staged, vdom));
	if (!moved.ok) throw await rolledBack(session, policyId, String(body.name), moved.error, vdom);
	return [{ ...(await currentPolicyItem(session, policyId, vdom)), created: true, alreadyExisted: false, changed: true }];
}

async function placeAndEnable(session: FortiGateSession, policyId: number, placement: ReturnType<typeof readPlacement>, staged: boolean, vdom: string | undefined): Promise<void> {
	const move = moveNeeded((await readOrder(session, vdom)).ids, policyId, placement);
	if (move) await sendMove(session, policyId, move, vdom);
	if (staged) await session.request({ method: 'PUT', path: `/api/v2/cmdb/${POLICY_TABLE}/${policyId}`, body: { status: 'enable' }, vdom, purpose: writePurpose(`enable firewall policy ${policyId}`) });
}

/** A policy of that name exists: the same content is success; other content fails, or is updated when asked. */
async function matchExisting(context: IExecuteFunctions, session: FortiGateSession, itemIndex: number, policyId: number, body: IDataObject, vdom: string | undefined): Promise<IDataObject> {
	const differing = differingFields(body, await readPolicy(session, policyId, vdom));
	if (differing.length > 0) {
		if (!(context.getNodeParameter('updateExisting', itemIndex, false) as boolean)) {
			throw new FortinetError({
				kind: 'parameter',
				message: `A firewall policy named "${String(body.name)}" exists already (ID ${policyId}) with other ${differing.map(listLabel).join(', ')}`,
				description: 'Nothing was changed. Turn on Update if It Exists to make it match, choose another name, or use Update.',
			});
		}
		const changes = Object.fromEntries(differing.map((field) => [field, body[field]]));
		await checkReferences(session, vdom, listsOf(changes));
		await session.request({ method: 'PUT', path: `/api/v2/cmdb/${POLICY_TABLE}/${policyId}`, body: changes, vdom, purpose: writePurpose(`update the firewall policy "${String(body.name)}"`) });
	}
	return { ...(await currentPolicyItem(session, policyId, vdom)), created: false, alreadyExisted: true, changed: differing.length > 0, ...(differing.length > 0 ? { updatedFields: differing } : {}) };
}

/** Deletes a policy whose placing failed, and explains both; the error is never success. */
async function rolledBack(session: FortiGateSession, policyId: number, name: string, cause: unknown, vdom: string | undefined): Promise<FortinetError> {
	const reason = cause instanceof Error ? cause.message : String(cause);
	const removal = await outcomeOf(session.request({ method: 'DELETE', path: `/api/v2/cmdb/${POLICY_TABLE}/${policyId}`, vdom, purpose: writePurpose(`remove the unplaced policy ${policyId}`) }));
	return new FortinetError({
		kind: cause instanceof FortinetError ? cause.kind : 'device',
		httpStatus: cause instanceof FortinetError ? cause.httpStatus : undefined,
		deviceCode: cause instanceof FortinetError ? cause.deviceCode : undefined,
		message: removal.ok
			? `The policy "${name}" was created but could not be put in place, so it was deleted again: ${reason}`
			: `The policy "${name}" (ID ${policyId}) was created but could not be put in place, and deleting it failed too: ${reason}`,
		description: removal.ok
			? 'Nothing is left on the FortiGate. Fix the cause above and run the node again.'
			: 'The policy is on the FortiGate, disabled, at the end of the list. Delete it in Policy & Objects > Firewall Policy, or run the node again once the cause is fixed.',
	});
}

function listsOf(body: IDataObject): Partial<Record<ListField, string[]>> {
	return Object.fromEntries(LIST_FIELDS.filter((field) => Array.isArray(body[field])).map((field) => [field, (body[field] as IDataObject[]).map((entry) => String(entry.name))]));
}
