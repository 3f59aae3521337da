import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import { parseIdList } from '../../../shared/parameters';
import type { EmsSession } from '../../transport/EmsSession';

/** The `deviceIds` field of quarantine and unquarantine. */
export const deviceIdsField: INodeProperties = {
	displayName: 'Device IDs',
	name: 'deviceIds',
	type: 'string',
	default: '',
	required: true,
	placeholder: '1042, 1043',
	description: 'Comma-separated EMS device IDs; an expression may also return an array, e.g. {{ $json.device_id }}',
};

/**
 * Quarantines or releases endpoints in one request. The output says which
 * device IDs EMS accepted and what it answered.
 */
export async function setQuarantine(
	context: IExecuteFunctions,
	session: EmsSession,
	itemIndex: number,
	quarantine: boolean,
): Promise<IDataObject[]> {
	const ids = parseIdList(context.getNodeParameter('deviceIds', itemIndex, ''), 'Device IDs');
	if (ids.length === 0) {
		throw new FortinetError({
			kind: 'parameter',
			message: 'Device IDs is empty: nothing to quarantine or release',
			description: 'Give at least one EMS device ID, for example from Endpoint > Get Many ({{ $json.device_id }}).',
		});
	}
	const action = quarantine ? 'quarantine' : 'unquarantine';
	const reply = await session.request({
		method: 'POST',
		path: `/api/v1/clients/${action}`,
		body: { ids },
		purpose: { action: `${quarantine ? 'quarantine' : 'release'} endpoints ${ids.join(', ')}` },
	});
	return [{ action, deviceIds: ids, accepted: true, quarantined: quarantine, emsMessage: reply.message, emsData: (reply.data ?? null) as IDataObject }];
}
