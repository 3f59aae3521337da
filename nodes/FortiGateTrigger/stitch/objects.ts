import type { IDataObject } from 'n8n-workflow';
import type { StitchShapes } from './version';

/** The header carrying the workflow's secret; a request without it never starts the workflow. */
export const VERIFICATION_HEADER = 'X-N8n-Fortigate-Secret';
/** FortiOS's limit for trigger and stitch names (actions allow 64). */
const MAX_NAME_LENGTH = 35;

/**
 * The one name the trigger, the action and the stitch share: a prefix that
 * makes n8n's objects easy to find on the device, the workflow's ID and a
 * piece of the node's, within FortiOS's 35 characters and its safe characters.
 * "Listen for test event" uses its own objects ("-test"), never the active
 * workflow's.
 */
export function stitchName(workflowId: string | undefined, nodeId: string, testing = false): string {
	const safe = (text: string) => text.replace(/[^A-Za-z0-9_.-]/g, '');
	const node = `${safe(nodeId).slice(0, 6)}${testing ? '-test' : ''}`;
	const workflow = safe(workflowId ?? 'unsaved').slice(0, MAX_NAME_LENGTH - 'n8n-'.length - node.length - 1);
	return `n8n-${workflow}-${node}`;
}

export interface StitchSettings {
	name: string;
	eventType: string;
	logIds: number[];
	fieldFilters: Array<{ name: string; value: string }>;
	webhookUrl: URL;
	secret: string;
	verifyCertificate: boolean;
	shapes: StitchShapes;
}

export interface StitchObjects {
	trigger: IDataObject;
	action: IDataObject;
	stitch: IDataObject;
}

/** The three CMDB bodies, in the field names of the device's version. */
export function stitchObjects(settings: StitchSettings): StitchObjects {
	const { name, shapes, webhookUrl } = settings;
	const description = shapes.description ? { description: 'Created by n8n; removed when the workflow is deactivated' } : {};
	const trigger: IDataObject = { name, ...description, 'trigger-type': 'event-based', 'event-type': settings.eventType };
	if (settings.eventType === 'event-log') {
		trigger.logid = shapes.logidTable ? settings.logIds.map((id) => ({ id })) : settings.logIds[0];
		trigger.fields = settings.fieldFilters.map((filter, index) => ({ id: index + 1, ...filter }));
	}
	const headers = [
		['Content-Type', 'application/json'],
		[VERIFICATION_HEADER, settings.secret],
	];
	const https = webhookUrl.protocol === 'https:';
	const action: IDataObject = {
		name,
		'action-type': 'webhook',
		protocol: https ? 'https' : 'http',
		method: 'post',
		// FortiOS wants the URL without its scheme; the port goes in its own field.
		uri: `${webhookUrl.hostname}${webhookUrl.pathname}${webhookUrl.search}`,
		port: Number(webhookUrl.port || (https ? 443 : 80)),
		'http-body': '%%log%%',
		...(https ? { 'verify-host-cert': settings.verifyCertificate ? 'enable' : 'disable' } : {}),
		...(shapes.httpHeaders
			? { 'http-headers': headers.map(([key, value], index) => ({ id: index + 1, key, value })) }
			: { headers: headers.map(([key, value]) => ({ header: `${key}:${value}` })) }),
	};
	const stitch: IDataObject = {
		name,
		...description,
		status: 'enable',
		trigger: name,
		...(shapes.stitchActions ? { actions: [{ id: 1, action: name, delay: 0, required: 'enable' }] } : { action: [{ name }] }),
	};
	return { trigger, action, stitch };
}

/**
 * Whether what the device holds still does what `wanted` describes: same
 * event and log IDs, same webhook address, our secret header, the stitch
 * enabled and wired to both. Both `logid` shapes and both header styles are
 * read, whatever this version writes.
 */
export function stillMatches(held: StitchObjects, wanted: StitchObjects): boolean {
	const logIds = (value: unknown) => (Array.isArray(value) ? value.map((entry) => Number((entry as IDataObject).id)) : value === undefined ? [] : [Number(value)]);
	const headerNames = (action: IDataObject) => [
		...((action['http-headers'] ?? []) as IDataObject[]).map((header) => String(header.key).toLowerCase()),
		...((action.headers ?? []) as IDataObject[]).map((header) => String(header.header).split(':')[0].toLowerCase()),
	];
	const actionNames = (stitch: IDataObject) => [
		...((stitch.actions ?? []) as IDataObject[]).map((entry) => String(entry.action)),
		...((stitch.action ?? []) as IDataObject[]).map((entry) => String(entry.name)),
	];
	return (
		held.trigger['event-type'] === wanted.trigger['event-type'] &&
		logIds(held.trigger.logid).join(',') === logIds(wanted.trigger.logid).join(',') &&
		held.action.uri === wanted.action.uri &&
		Number(held.action.port) === Number(wanted.action.port) &&
		held.action.protocol === wanted.action.protocol &&
		headerNames(held.action).includes(VERIFICATION_HEADER.toLowerCase()) &&
		held.stitch.status === 'enable' &&
		held.stitch.trigger === wanted.trigger.name &&
		actionNames(held.stitch).includes(String(wanted.action.name))
	);
}
