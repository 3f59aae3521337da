import type { INodeProperties } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import { locatorField } from '../../../shared/resourceLocator';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { POLICY_TABLE, policyIdOf, policyNotFound, writePurpose } from './common';

export type Placement = { where: 'top' | 'bottom' } | { where: 'before' | 'after'; neighbour: number };

export function neighbourField(displayOptions?: INodeProperties['displayOptions']): INodeProperties {
	// Not marked required: with Position set by an expression the editor cannot
	// know whether it shows, and an empty required field would stop the
	// workflow; the node refuses an empty neighbour itself when one is needed.
	return locatorField({
		displayName: 'Neighbour Policy',
		name: 'neighborPolicyId',
		searchMethod: 'searchPolicies',
		by: 'id',
		required: false,
		placeholder: '3',
		description: 'The policy to place this one before or after',
		displayOptions,
	});
}

/** Reads a placement; the neighbour is checked against the table, so that nothing is sent for one that does not exist. */
export function readPlacement(where: string, neighbourRaw: unknown, order: number[], vdom: string | undefined): Placement {
	if (where === 'top' || where === 'bottom') return { where };
	if (where !== 'before' && where !== 'after') {
		throw new FortinetError({ kind: 'parameter', message: `Position must be top, bottom, before or after, not "${where}"`, description: 'Choose one of the listed positions.' });
	}
	const neighbour = policyIdOf(neighbourRaw, 'Neighbour Policy ID');
	if (!order.includes(neighbour)) throw policyNotFound(neighbour, vdom);
	return { where, neighbour };
}

/**
 * The one move that puts a policy where the placement says, or undefined
 * when it is there already. FortiOS moves relative to another policy only,
 * so "top" is "before the first" and "bottom" "after the last".
 */
export function moveNeeded(order: number[], policyId: number, placement: Placement): { where: 'before' | 'after'; neighbour: number } | undefined {
	const index = order.indexOf(policyId);
	const others = order.filter((id) => id !== policyId);
	if (others.length === 0) return undefined;
	switch (placement.where) {
		case 'top':
			return index === 0 ? undefined : { where: 'before', neighbour: others[0] };
		case 'bottom':
			return index === order.length - 1 ? undefined : { where: 'after', neighbour: others[others.length - 1] };
		default: {
			if (placement.neighbour === policyId) {
				throw new FortinetError({ kind: 'parameter', message: `Policy ${policyId} cannot be moved ${placement.where} itself`, description: 'Choose another neighbour policy. Nothing was changed.' });
			}
			const neighbourIndex = order.indexOf(placement.neighbour);
			const there = placement.where === 'before' ? index === neighbourIndex - 1 : index === neighbourIndex + 1;
			return there ? undefined : { where: placement.where, neighbour: placement.neighbour };
		}
	}
}

/** PUT ...?action=move&before|after=<id>, no body (fortios-more-operations.md, firewall policies). */
export async function sendMove(session: FortiGateSession, policyId: number, move: { where: 'before' | 'after'; neighbour: number }, vdom: string | undefined): Promise<void> {
	await session.request({
		method: 'PUT',
		path: `/api/v2/cmdb/${POLICY_TABLE}/${policyId}`,
		query: { action: 'move', [move.where]: move.neighbour },
		vdom,
		purpose: writePurpose(`move firewall policy ${policyId} ${move.where} policy ${move.neighbour}`),
	});
}
