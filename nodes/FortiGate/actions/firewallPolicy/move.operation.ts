import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { vdomFor } from '../common/options';
import { currentPolicyItem, policyIdField, policyIdOf, policyNotFound, readOrder, vdomForChange } from './common';
import { moveNeeded, neighbourField, readPlacement, sendMove } from './placement';
import { locatorValue } from '../../../shared/resourceLocator';
import { updateDisplayOptions } from '../../../shared/displayOptions';

export const changesDevice = true;

const properties: INodeProperties[] = [
	policyIdField('ID of the policy to move'),
	{
		displayName: 'Move',
		name: 'moveAction',
		type: 'options',
		options: [
			{ name: 'Before', value: 'before', description: 'Matched just before the neighbour' },
			{ name: 'After', value: 'after', description: 'Matched just after the neighbour' },
		],
		default: 'before',
		description: 'Where the policy goes, relative to the neighbour policy',
	},
	neighbourField(),
];

export const description = updateDisplayOptions({ show: { resource: ['firewallPolicy'], operation: ['move'] } }, properties);

/** Moves a policy before or after another. Idempotent: a policy already there is not moved (`changed: false`). */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const vdom = vdomForChange(vdomFor(this, itemIndex));
	const policyId = policyIdOf(locatorValue(this, 'policyId', itemIndex));
	const order = await readOrder(session, vdom);
	if (!order.ids.includes(policyId)) throw policyNotFound(policyId, vdom);
	const placement = readPlacement(this.getNodeParameter('moveAction', itemIndex) as string, locatorValue(this, 'neighborPolicyId', itemIndex), order.ids, vdom);
	const move = moveNeeded(order.ids, policyId, placement);
	if (move) await sendMove(session, policyId, move, vdom);
	return [{ ...(await currentPolicyItem(session, policyId, vdom)), changed: move !== undefined }];
}
