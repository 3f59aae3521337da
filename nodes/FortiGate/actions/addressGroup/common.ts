import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import { outcomeOf } from '../../../shared/outcome';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { isFortiOsError, objectNotFound, recordsOf } from '../common/envelopes';
import { entryPath, objectName } from '../common/values';
import { locatorField } from '../../../shared/resourceLocator';

export const GROUP_TABLE = 'firewall/addrgrp';
/** FortiOS's limit of members per address group. */
export const MAX_GROUP_MEMBERS = 600;
export const readPurpose = { action: 'read the address groups', permission: { group: 'fwgrp' as const, access: 'read' as const } };
export const writePurpose = (action: string) => ({ action, permission: { group: 'fwgrp' as const, access: 'read-write' as const } });

export function groupNameField(required: boolean): INodeProperties {
	return locatorField({
		displayName: 'Group Name',
		name: 'groupName',
		searchMethod: 'searchAddressGroups',
		by: 'name',
		required,
		placeholder: 'n8n-blocklist',
		description: required ? 'The address group' : 'One address group; empty lists every group',
	});
}

export function membersField(description: string): INodeProperties {
	return {
		displayName: 'Members',
		name: 'members',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'blocked-host-1, 203.0.113.7',
		description,
	};
}

/** A group as an item: its member names as a plain list beside FortiOS's fields. */
export function groupItem(group: IDataObject): IDataObject {
	const { q_origin_key: _key, member, ...rest } = group;
	const members = Array.isArray(member) ? member.map((entry) => String((entry as IDataObject).name)) : [];
	return { ...rest, members, memberCount: members.length };
}

export async function readGroup(session: FortiGateSession, name: string, vdom: string | undefined): Promise<IDataObject> {
	const reply = await outcomeOf(session.request({ method: 'GET', path: entryPath(GROUP_TABLE, name), vdom, purpose: readPurpose }));
	if (!reply.ok && !isFortiOsError(reply.error, -3)) throw reply.error;
	const [group] = reply.ok ? recordsOf(reply.value) : [];
	if (group) return groupItem(group);
	throw objectNotFound(
		'address group',
		name,
		vdom,
		'Create the group once on the FortiGate (Policy & Objects > Addresses > Create New > Address Group); names are case-sensitive.',
	);
}

/** Refuses a member count FortiOS would refuse, before anything changes. */
export function checkMemberCount(group: string, count: number): void {
	if (count > MAX_GROUP_MEMBERS) {
		throw new FortinetError({
			kind: 'parameter',
			message: `The group "${group}" would have ${count} members; FortiOS allows ${MAX_GROUP_MEMBERS} per address group`,
			description: 'Nothing was changed. Split the list over several groups (a group may contain groups), or remove stale members first.',
		});
	}
	if (count === 0) {
		throw new FortinetError({
			kind: 'parameter',
			message: `Removing these members would leave the group "${group}" empty, which FortiOS does not allow`,
			description: 'Nothing was changed. Keep at least one member (FortiOS has an object "none" for this), or delete the group on the FortiGate.',
		});
	}
}

/** Replaces the member list in one request: atomic on the device, and right for names the API cannot address by path. */
export async function writeMembers(session: FortiGateSession, group: string, members: string[], vdom: string | undefined): Promise<void> {
	checkMemberCount(group, members.length);
	await session.request({
		method: 'PUT',
		path: entryPath(GROUP_TABLE, group),
		body: { member: members.map((name) => ({ name })) },
		vdom,
		purpose: writePurpose(`change the members of the address group "${group}"`),
	});
}

export function groupName(raw: unknown): string {
	return objectName(raw, 'Group Name');
}
