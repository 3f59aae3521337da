import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { vdomFor } from '../common/options';
import { POLICY_TABLE, currentPolicyItem, policyIdOf, readPolicy, vdomForChange, writePurpose } from './common';
import { locatorValue } from '../../../shared/resourceLocator';

/** Enables or disables a policy. Idempotent: one already in that state is not written (`changed: false`). */
export async function setStatus(context: IExecuteFunctions, session: FortiGateSession, itemIndex: number, status: 'enable' | 'disable'): Promise<IDataObject[]> {
	const vdom = vdomForChange(vdomFor(context, itemIndex));
	const policyId = policyIdOf(locatorValue(context, 'policyId', itemIndex));
	const policy = await readPolicy(session, policyId, vdom);
	const changed = policy.status !== status;
	if (changed) {
		await session.request({ method: 'PUT', path: `/api/v2/cmdb/${POLICY_TABLE}/${policyId}`, body: { status }, vdom, purpose: writePurpose(`${status} firewall policy ${policyId}`) });
	}
	return [{ ...(await currentPolicyItem(session, policyId, vdom)), changed }];
}
