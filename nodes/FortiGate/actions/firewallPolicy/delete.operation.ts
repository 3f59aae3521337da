import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { outcomeOf } from '../../../shared/outcome';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { isFortiOsError } from '../common/envelopes';
import { vdomFor } from '../common/options';
import { POLICY_TABLE, policyIdField, policyIdOf, readPolicy, vdomForChange, writePurpose } from './common';
import { locatorValue } from '../../../shared/resourceLocator';
import { updateDisplayOptions } from '../../../shared/displayOptions';

export const changesDevice = true;

const properties: INodeProperties[] = [policyIdField('ID of the policy to delete')];

export const description = updateDisplayOptions({ show: { resource: ['firewallPolicy'], operation: ['delete'] } }, properties);

/**
 * Deletes one policy by ID (never the table: a DELETE without an ID empties
 * it). A policy already gone is reported (`existed: false`), not failed; any
 * refusal is an error with FortiOS's own text.
 */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const vdom = vdomForChange(vdomFor(this, itemIndex));
	const policyId = policyIdOf(locatorValue(this, 'policyId', itemIndex));
	const read = await outcomeOf(readPolicy(session, policyId, vdom));
	if (!read.ok) {
		if (isFortiOsError(read.error, -3)) return [{ policyid: policyId, deleted: false, existed: false }];
		throw read.error;
	}
	const policy = read.value;
	await session.request({ method: 'DELETE', path: `/api/v2/cmdb/${POLICY_TABLE}/${policyId}`, vdom, purpose: writePurpose(`delete firewall policy ${policyId}`) });
	return [{ policyid: policyId, name: policy.name ?? '', deleted: true, existed: true }];
}
