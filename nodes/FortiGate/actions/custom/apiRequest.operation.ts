import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { apiRequestFields, readApiRequest } from '../../../shared/apiRequest';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { recordsOf } from '../common/envelopes';
import { getOptions, vdomFor } from '../common/options';
import { updateDisplayOptions } from '../../../shared/displayOptions';

/** Items run one by one: a POST, PUT or DELETE changes the device. */
export const changesDevice = true;

export const description = updateDisplayOptions({ show: { resource: ['custom'], operation: ['apiRequest'] } }, apiRequestFields);

/**
 * Any FortiOS REST endpoint the node has no operation for, over the
 * execution's one session: login, CSRF token, VDOM and logout as for every
 * other operation, and refusals explained the same way. The output is the
 * FortiOS envelope (one per VDOM), or with Split Results one item per result.
 */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const { method, path, query, body } = readApiRequest(this, itemIndex);
	// A VDOM written in Query counts like the VDOM option (several VDOMs give one envelope each).
	const { vdom: queryVdom, ...rest } = query;
	const envelopes = await session.request({
		method,
		path,
		query: rest,
		body,
		vdom: queryVdom ?? vdomFor(this, itemIndex),
		purpose: { action: `answer ${method} ${path}` },
	});
	if ((getOptions(this, itemIndex) as IDataObject).splitResults !== true) return envelopes as IDataObject[];
	// A list of results gives one item each; an envelope whose results are one object stays whole.
	return envelopes.flatMap((envelope) => (Array.isArray(envelope.results) ? recordsOf([envelope]) : [envelope as IDataObject]));
}
