import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { parseIdList } from '../../../shared/parameters';
import { locatorField, locatorValue } from '../../../shared/resourceLocator';
import { FortinetError } from '../../../shared/errors';
import type { EmsSession } from '../../transport/EmsSession';
import { normalizeEndpoint } from '../common/normalize';
import { updateDisplayOptions } from '../../../shared/displayOptions';

const properties: INodeProperties[] = [
	locatorField({
		displayName: 'Endpoint',
		name: 'deviceId',
		searchMethod: 'searchEndpoints',
		by: 'id',
		placeholder: '1042',
		description: 'The endpoint: pick it by host name or IP, or give its EMS device ID (the `device_id` of Get Many)',
	}),
];

export const description = updateDisplayOptions({ show: { resource: ['endpoint'], operation: ['get'] } }, properties);

/** One endpoint with all its details (policies, features, versions, state). */
export async function execute(this: IExecuteFunctions, session: EmsSession, itemIndex: number): Promise<IDataObject[]> {
	const ids = parseIdList(locatorValue(this, 'deviceId', itemIndex), 'Device ID');
	if (ids.length !== 1) {
		throw new FortinetError({ kind: 'parameter', message: 'Device ID must be exactly one whole number', description: 'Use Get Many to find the device ID of an endpoint.' });
	}
	const { data } = await session.request({
		method: 'GET',
		path: `/api/v1/endpoints/device/${ids[0]}/details`,
		purpose: { action: `read endpoint ${ids[0]}`, notFound: `EMS has no endpoint with device ID ${ids[0]}` },
	});
	return [normalizeEndpoint((data ?? {}) as IDataObject)];
}
