import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { vdomFor } from '../common/options';
import { currentPolicyItem, policyIdField, policyIdOf } from './common';
import { statisticsField, withStatistics } from './statisticsMerge';
import { locatorValue } from '../../../shared/resourceLocator';
import { updateDisplayOptions } from '../../../shared/displayOptions';

const properties: INodeProperties[] = [policyIdField(), statisticsField];

export const description = updateDisplayOptions({ show: { resource: ['firewallPolicy'], operation: ['get'] } }, properties);

/** One policy with its position in the evaluation order, optionally with its hit statistics. */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const vdom = vdomFor(this, itemIndex);
	const item = await currentPolicyItem(session, policyIdOf(locatorValue(this, 'policyId', itemIndex)), vdom);
	if (this.getNodeParameter('includeStatistics', itemIndex, false) as boolean) await withStatistics(session, [item], vdom);
	return [item];
}
