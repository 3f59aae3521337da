import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import type { FortiGateSession } from '../../transport/FortiGateSession';
import { recordsOf } from '../common/envelopes';
import { vdomFor } from '../common/options';
import { MAX_OBJECT_NAME_LENGTH, isIpv4Subnet, listEntries, toSubnet } from '../common/values';
import { ADDRESS_TABLE } from '../address/common';
import { GROUP_TABLE, checkMemberCount, groupName, groupNameField, membersField, readGroup, readPurpose, writeMembers, writePurpose } from './common';
import { locatorValue } from '../../../shared/resourceLocator';
import { updateDisplayOptions } from '../../../shared/displayOptions';

export const changesDevice = true;

const properties: INodeProperties[] = [
	groupNameField(true),
	membersField('Address object or group names, separated by commas (or an array from an expression). With Create Missing Addresses, IPv4 addresses and subnets too.'),
	{
		displayName: 'Create Missing Addresses',
		name: 'createMissing',
		type: 'boolean',
		default: false,
		description: 'Whether an IPv4 address or subnet with no address object gets one first, named after it (203.0.113.7, or 198.51.100.0_24 for a subnet), so that a threat feed can be synced in one step',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['addressGroup'], operation: ['addMembers'] } }, properties);

/**
 * Adds members to a group. Idempotent: members already in the group are
 * reported, not added again, and a run that adds nothing changes nothing.
 * Everything is checked (missing objects, the 600-member limit) before the
 * first change; the member list is then written in one request.
 */
export async function execute(this: IExecuteFunctions, session: FortiGateSession, itemIndex: number): Promise<IDataObject[]> {
	const group = groupName(locatorValue(this, 'groupName', itemIndex));
	const createMissing = this.getNodeParameter('createMissing', itemIndex, false) as boolean;
	const requested = listEntries(this.getNodeParameter('members', itemIndex));
	if (requested.length === 0) {
		throw new FortinetError({ kind: 'parameter', message: 'Members is empty', description: 'Give at least one address object name.' });
	}
	const vdom = vdomFor(this, itemIndex);
	const current = (await readGroup(session, group, vdom)).members as string[];
	const existing = await objectNames(session, vdom);
	const wanted = requested.map((entry) => ({ entry, name: existing.has(entry) || !createMissing ? entry : memberNameFor(entry) }));
	const toAdd = [...new Set(wanted.map((member) => member.name).filter((name) => !current.includes(name)))];
	// "203.0.113.7" and "203.0.113.7/32" name the same object: create it once.
	const toCreate = [...new Map(wanted.filter((member) => toAdd.includes(member.name) && !existing.has(member.name)).map((member) => [member.name, member])).values()];

	const unknown = toCreate.filter((member) => !createMissing || !isIpv4Subnet(member.entry));
	if (unknown.length > 0) {
		throw new FortinetError({
			kind: 'parameter',
			message: `No address object or group named ${unknown.map((member) => `"${member.entry}"`).join(', ')}${vdom ? ` in VDOM "${vdom}"` : ''}`,
			description: createMissing
				? 'Only IPv4 addresses and subnets can be created automatically; create the others first. Nothing was changed.'
				: 'Create them first, or turn on Create Missing Addresses for IPv4 addresses and subnets. Nothing was changed.',
		});
	}
	checkMemberCount(group, current.length + toAdd.length);

	for (const member of toCreate) {
		await session.request({
			method: 'POST',
			path: `/api/v2/cmdb/${ADDRESS_TABLE}`,
			body: { name: member.name, type: 'ipmask', subnet: toSubnet(member.entry), comment: `Added to ${group} by n8n` },
			vdom,
			purpose: writePurpose(`create the address "${member.name}"`),
		});
	}
	const members = [...current, ...toAdd];
	if (toAdd.length > 0) await writeMembers(session, group, members, vdom);
	return [
		{
			group,
			changed: toAdd.length > 0,
			added: toAdd,
			alreadyMembers: [...new Set(wanted.map((member) => member.name).filter((name) => current.includes(name)))],
			createdAddresses: toCreate.map((member) => member.name),
			members,
			memberCount: members.length,
		},
	];
}

/** The name an address object gets when created for an IP: the address itself, or "net_len" for a subnet ("/" cannot be addressed by the API). */
export function memberNameFor(entry: string): string {
	if (!isIpv4Subnet(entry)) return entry;
	const [address, mask] = toSubnet(entry).split(' ');
	if (mask === '255.255.255.255') return address;
	const bits = mask.split('.').reduce((count, octet) => count + Number(octet).toString(2).replace(/0/g, '').length, 0);
	return `${address}_${bits}`.slice(0, MAX_OBJECT_NAME_LENGTH);
}

/** Names of every address object and group of the VDOM (either may be a group member). */
async function objectNames(session: FortiGateSession, vdom: string | undefined): Promise<Set<string>> {
	const names = new Set<string>();
	for (const table of [ADDRESS_TABLE, GROUP_TABLE]) {
		const envelopes = await session.request({ method: 'GET', path: `/api/v2/cmdb/${table}`, query: { format: 'name' }, vdom, purpose: readPurpose });
		for (const record of recordsOf(envelopes)) names.add(String(record.name));
	}
	return names;
}
