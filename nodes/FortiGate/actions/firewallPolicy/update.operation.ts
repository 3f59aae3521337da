import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { vdomFor } from '../common/options';
import { POLICY_TABLE, currentPolicyItem, policyIdField, policyIdOf, readPolicy, vdomForChange, writePurpose, type ListField } from './common';
import { differingFields, listLabel, policyFields, readUpdate, toEntries, type RequestedUpdate } from './fields';
import { checkReferences } from './references';
import { locatorValue } from '../../../shared/resourceLocator';
import { updateDisplayOptions } from '../../../shared/displayOptions';

export const changesDevice = true;

const properties: INodeProperties[] = [policyIdField('ID of the policy to change'), ...policyFields('update')];

export const description = updateDisplayOptions({ show: { resource: ['firewallPolicy'], operation: ['update'] } }, properties);

/**
 * Changes only the fields given. Lists are replaced, or have names added or
 * removed; a run that would change nothing sends nothing (`changed: false`).
 */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const vdom = vdomForChange(vdomFor(this, itemIndex));
	const policyId = policyIdOf(locatorValue(this, 'policyId', itemIndex));
	const requested = readUpdate(this, itemIndex);
	const policy = await readPolicy(session, policyId, vdom);
	const wanted: IDataObject = { ...requested.settings, ...newLists(policy, requested) };
	const changes = Object.fromEntries(differingFields(wanted, policy).map((field) => [field, wanted[field]]));
	const fields = Object.keys(changes);
	if (fields.length > 0) {
		// Only names being added need checking: removed ones exist or do not matter.
		if (requested.listChange !== 'remove') await checkReferences(session, vdom, requested.lists);
		await session.request({ method: 'PUT', path: `/api/v2/cmdb/${POLICY_TABLE}/${policyId}`, body: changes, vdom, purpose: writePurpose(`update firewall policy ${policyId}`) });
	}
	return [{ ...(await currentPolicyItem(session, policyId, vdom)), changed: fields.length > 0, updatedFields: fields }];
}

/** The lists the policy will have, from its own and the names given; a list may not end up empty. */
function newLists(policy: IDataObject, requested: RequestedUpdate): IDataObject {
	const lists: IDataObject = {};
	for (const [field, names] of Object.entries(requested.lists) as Array<[ListField, string[]]>) {
		const current = Array.isArray(policy[field]) ? (policy[field] as IDataObject[]).map((entry) => String(entry.name)) : [];
		const result =
			requested.listChange === 'replace' ? names : requested.listChange === 'add' ? [...current, ...names.filter((name) => !current.includes(name))] : current.filter((name) => !names.includes(name));
		if (result.length === 0) {
			throw new FortinetError({
				kind: 'parameter',
				message: `${listLabel(field)} of policy ${String(policy.policyid)} would be empty, which FortiOS does not allow`,
				description: 'Nothing was changed. Keep at least one name, or replace the list ("any" for interfaces, "all" for addresses, "ALL" for services).',
			});
		}
		lists[field] = toEntries(result);
	}
	return lists;
}
