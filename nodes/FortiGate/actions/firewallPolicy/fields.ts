import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { FortinetError } from '../../../shared/errors';
import { LIST_FIELDS, type ListField } from './common';

/** Names in a list parameter: comma- or line-separated (names may hold spaces, as "Web Access" does), or an array from an expression. */
export function nameList(raw: unknown): string[] {
	const values = Array.isArray(raw) ? raw.map((value) => String(value)) : String(raw ?? '').split(/[,\n]/);
	return [...new Set(values.map((value) => value.trim()).filter(Boolean))];
}

const LIST_LABELS: Record<ListField, { displayName: string; placeholder: string; what: string }> = {
	srcintf: { displayName: 'Incoming Interfaces', placeholder: 'lan, any', what: 'interfaces or zones the traffic arrives on' },
	dstintf: { displayName: 'Outgoing Interfaces', placeholder: 'wan1', what: 'interfaces or zones the traffic leaves by' },
	srcaddr: { displayName: 'Source Addresses', placeholder: 'all', what: 'address objects or groups of the source' },
	dstaddr: { displayName: 'Destination Addresses', placeholder: 'web-server', what: 'address objects or groups of the destination' },
	service: { displayName: 'Services', placeholder: 'HTTPS, Web Access', what: 'services or service groups' },
};

/** Settings beside the matching lists, in create's Additional Fields and update's Update Fields. */
const settingOptions: INodeProperties[] = [
	{ displayName: 'Antivirus Profile', name: 'avProfile', type: 'string', default: '', placeholder: 'default', description: 'Turns on security profiles (utm-status) for the policy' },
	{ displayName: 'Application Control', name: 'applicationList', type: 'string', default: '', placeholder: 'default', description: 'Application control list; turns on security profiles' },
	{ displayName: 'Comments', name: 'comments', type: 'string', default: '', description: 'Shown in the Comments column of the policy list' },
	{ displayName: 'IPS Sensor', name: 'ipsSensor', type: 'string', default: '', placeholder: 'default', description: 'Turns on security profiles for the policy' },
	{ displayName: 'Log Traffic', name: 'logtraffic', type: 'options', options: [{ name: 'All Sessions', value: 'all' }, { name: 'Security Events', value: 'utm' }, { name: 'Disabled', value: 'disable' }], default: 'utm', description: 'What the policy logs' },
	{ displayName: 'NAT', name: 'nat', type: 'boolean', default: false, description: 'Whether to translate the source address to the outgoing interface\'s address' },
	{ displayName: 'SSL/SSH Inspection', name: 'sslSshProfile', type: 'string', default: '', placeholder: 'certificate-inspection', description: 'SSL/SSH inspection profile; turns on security profiles' },
	{ displayName: 'Status', name: 'status', type: 'options', options: [{ name: 'Enabled', value: 'enable' }, { name: 'Disabled', value: 'disable' }], default: 'enable', description: 'Whether the policy is in force' },
	{ displayName: 'Web Filter Profile', name: 'webfilterProfile', type: 'string', default: '', placeholder: 'default', description: 'Turns on security profiles for the policy' },
];

const PROFILE_FIELDS: Record<string, string> = { avProfile: 'av-profile', webfilterProfile: 'webfilter-profile', ipsSensor: 'ips-sensor', applicationList: 'application-list', sslSshProfile: 'ssl-ssh-profile' };

/** The fields of create (required, with FortiOS's defaults) or of update (empty = unchanged). */
export function policyFields(operation: 'create' | 'update'): INodeProperties[] {
	const create = operation === 'create';
	const unchanged = create ? '' : ' Empty leaves it unchanged.';
	return [
		{
			displayName: create ? 'Name' : 'New Name',
			name: 'name',
			type: 'string',
			default: '',
			required: create,
			placeholder: 'block-country-xx',
			description: create
				? 'Unique name of the policy (35 characters on FortiOS 6.x). Running the node again with the same name and content changes nothing.'
				: 'Renames the policy.' + unchanged,
		},
		...LIST_FIELDS.map(
			(field): INodeProperties => ({
				displayName: LIST_LABELS[field].displayName,
				name: field,
				type: 'string',
				default: '',
				required: create,
				placeholder: LIST_LABELS[field].placeholder,
				description: `Names of ${LIST_LABELS[field].what}, separated by commas (or an array from an expression).${unchanged}`,
			}),
		),
		...(create
			? []
			: [
					{
						displayName: 'List Change',
						name: 'listChange',
						type: 'options',
						options: [
							{ name: 'Replace the List', value: 'replace', description: 'The names given become the whole list' },
							{ name: 'Add the Names', value: 'add', description: 'The names given are added; names already there are kept' },
							{ name: 'Remove the Names', value: 'remove', description: 'The names given are removed; a list may not become empty' },
						],
						default: 'replace',
						description: 'How the interface, address and service names given change the policy\'s lists',
					} satisfies INodeProperties,
				]),
		{
			displayName: 'Action',
			name: 'action',
			type: 'options',
			options: [...(create ? [] : [{ name: 'Unchanged', value: '' }]), { name: 'Accept', value: 'accept' }, { name: 'Deny', value: 'deny' }],
			default: create ? 'accept' : '',
			description: 'What the policy does with matching traffic',
		},
		{
			displayName: 'Schedule',
			name: 'schedule',
			type: 'string',
			default: create ? 'always' : '',
			placeholder: 'always',
			description: `When the policy is in force: the name of a schedule.${unchanged}`,
		},
		{
			displayName: create ? 'Additional Fields' : 'Update Fields',
			name: create ? 'additionalFields' : 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: settingOptions,
		},
	];
}

/** The FortiOS body of the settings collection. */
function settingsBody(settings: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(settings)) {
		if (key === 'nat') body.nat = value ? 'enable' : 'disable';
		else if (key in PROFILE_FIELDS) {
			if (String(value).trim()) body[PROFILE_FIELDS[key]] = String(value).trim();
		} else body[key] = value;
	}
	if (Object.values(PROFILE_FIELDS).some((field) => field in body)) body['utm-status'] = 'enable';
	return body;
}

export function toEntries(names: string[]): IDataObject[] {
	return names.map((name) => ({ name }));
}

/** The body a create sends: every list required, the settings given. */
export function readCreateBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const name = String(context.getNodeParameter('name', itemIndex, '') ?? '').trim();
	if (!name) throw new FortinetError({ kind: 'parameter', message: 'Name is empty', description: 'Give the policy a name: it makes the operation safe to run again.' });
	const body: IDataObject = { name };
	for (const field of LIST_FIELDS) {
		const names = nameList(context.getNodeParameter(field, itemIndex, ''));
		if (names.length === 0) {
			throw new FortinetError({ kind: 'parameter', message: `${LIST_LABELS[field].displayName} is empty`, description: `Give at least one name (FortiOS has "any" for interfaces, "all" for addresses and "ALL" for services). Nothing was sent.` });
		}
		body[field] = toEntries(names);
	}
	body.action = context.getNodeParameter('action', itemIndex, 'accept');
	body.schedule = String(context.getNodeParameter('schedule', itemIndex, 'always') ?? '').trim() || 'always';
	return { ...body, ...settingsBody(context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject) };
}

export interface RequestedUpdate {
	/** Scalar fields to set, in FortiOS's names. */
	settings: IDataObject;
	/** List fields given, with how they change the policy's list. */
	lists: Partial<Record<ListField, string[]>>;
	listChange: 'replace' | 'add' | 'remove';
}

export function readUpdate(context: IExecuteFunctions, itemIndex: number): RequestedUpdate {
	const settings: IDataObject = settingsBody(context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	const name = String(context.getNodeParameter('name', itemIndex, '') ?? '').trim();
	if (name) settings.name = name;
	const action = String(context.getNodeParameter('action', itemIndex, '') ?? '');
	if (action) settings.action = action;
	const schedule = String(context.getNodeParameter('schedule', itemIndex, '') ?? '').trim();
	if (schedule) settings.schedule = schedule;
	const lists: RequestedUpdate['lists'] = {};
	for (const field of LIST_FIELDS) {
		const names = nameList(context.getNodeParameter(field, itemIndex, ''));
		if (names.length > 0) lists[field] = names;
	}
	return { settings, lists, listChange: context.getNodeParameter('listChange', itemIndex, 'replace') as RequestedUpdate['listChange'] };
}

/** The fields of `wanted` whose value differs on the policy: lists as sets of names, the rest as text. */
export function differingFields(wanted: IDataObject, policy: IDataObject): string[] {
	const namesOf = (value: unknown) => (Array.isArray(value) ? value.map((entry) => String((entry as IDataObject).name)).sort() : []);
	return Object.keys(wanted).filter((field) =>
		Array.isArray(wanted[field]) ? namesOf(wanted[field]).join('\n') !== namesOf(policy[field]).join('\n') : String(wanted[field]) !== String(policy[field] ?? ''),
	);
}

export function listLabel(field: string): string {
	return LIST_LABELS[field as ListField]?.displayName ?? field;
}
