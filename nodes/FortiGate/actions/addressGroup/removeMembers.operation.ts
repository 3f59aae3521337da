import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { vdomFor } from '../common/options';
import { listEntries } from '../common/values';
import { memberNameFor } from './addMembers.operation';
import { groupName, groupNameField, membersField, readGroup, writeMembers } from './common';
import { locatorValue } from '../../../shared/resourceLocator';
import { updateDisplayOptions } from '../../../shared/displayOptions';

export const changesDevice = true;

const properties: INodeProperties[] = [
	groupNameField(true),
	membersField('Member names to remove, separated by commas. An IPv4 address or subnet also matches the object Add Members created for it.'),
];

export const description = updateDisplayOptions({ show: { resource: ['addressGroup'], operation: ['removeMembers'] } }, properties);

/** Removes members from a group. Idempotent: names that are not members are reported, and nothing else happens. */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const group = groupName(locatorValue(this, 'groupName', itemIndex));
	const requested = listEntries(this.getNodeParameter('members', itemIndex));
	if (requested.length === 0) {
		throw new FortinetError({ kind: 'parameter', message: 'Members is empty', description: 'Give at least one member name.' });
	}
	const vdom = vdomFor(this, itemIndex);
	const current = (await readGroup(session, group, vdom)).members as string[];
	const resolved = requested.map((entry) => (current.includes(entry) ? entry : memberNameFor(entry)));
	const toRemove = new Set(resolved.filter((name) => current.includes(name)));
	const members = current.filter((name) => !toRemove.has(name));
	if (toRemove.size > 0) await writeMembers(session, group, members, vdom);
	return [
		{
			group,
			changed: toRemove.size > 0,
			removed: [...toRemove],
			notMembers: requested.filter((_entry, index) => !current.includes(resolved[index])),
			members,
			memberCount: members.length,
		},
	];
}
