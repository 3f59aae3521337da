import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { FortiManagerSession } from '../../transport/FortiManagerSession';
import { adomFor } from '../common/options';
import { locatorField, locatorValue } from '../../../shared/resourceLocator';
import { updateDisplayOptions } from '../../../shared/displayOptions';

const properties: INodeProperties[] = [
	locatorField({
		displayName: 'Group Name',
		name: 'groupName',
		searchMethod: 'searchGroups',
		by: 'name',
		required: false,
		placeholder: 'branches',
		description: 'One device group; empty lists every group of the ADOM',
	}),
];

export const description = updateDisplayOptions({ show: { resource: ['deviceGroup'], operation: ['getMany'] } }, properties);

/** The ADOM's device groups (or the one named) with their member names; a member without a VDOM is a nested group. */
export async function execute(this: IExecuteFunctions, session: FortiManagerSession, itemIndex: number): Promise<IDataObject[]> {
	const adom = adomFor(this, itemIndex, session.adom);
	const groups = (await session.call({ method: 'get', url: `/dvmdb/adom/${encodeURIComponent(adom)}/group`, params: { option: ['object member'] }, purpose: `list the device groups of ADOM "${adom}"` })) as IDataObject[] | undefined;
	const wanted = locatorValue(this, 'groupName', itemIndex);
	return (groups ?? []).filter((group) => !wanted || group.name === wanted).map((group) => {
		const members = (Array.isArray(group['object member']) ? group['object member'] : []) as IDataObject[];
		return {
			group: group.name,
			adom,
			members: members.filter((member) => member.vdom !== undefined).map((member) => member.name),
			nestedGroups: members.filter((member) => member.vdom === undefined).map((member) => member.name),
			description: group.desc ?? '',
			raw: group,
		};
	});
}
