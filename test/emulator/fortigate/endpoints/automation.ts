import * as http from 'node:http';
import * as https from 'node:https';
import { DeviceError, WithFields, pathParts, type Endpoint } from './types';

type Row = Record<string, unknown> & { name: string };
type Kind = 'automation-trigger' | 'automation-action' | 'automation-stitch';

/** Where the automation objects' shapes changed, per the reference (fortios-automation-stitch.md). */
export interface AutomationShapes {
	/** 7.x: `logid: [{id}]`; 6.4: one integer. */
	logidTable: boolean;
	/** 7.0.6+ / 7.2.1+: `http-headers: [{id, key, value}]`; before: `headers: [{header: "Name:Value"}]`. */
	httpHeaders: boolean;
	/** 7.0.1+: `actions: [{id, action, delay, required}]`; before: `action: [{name}]`. */
	stitchActions: boolean;
	/** `description` on triggers and stitches (7.0+). */
	description: boolean;
	eventTypes: string[];
}

const EVENT_TYPES_64 = ['ioc', 'event-log', 'reboot', 'low-memory', 'high-cpu', 'license-near-expiry', 'ha-failover', 'config-change', 'security-rating-summary', 'virus-ips-db-updated', 'faz-event', 'incoming-webhook'];
const EVENT_TYPES_72 = ['ips-logs', 'anomaly-logs', 'virus-logs', 'ssh-logs', 'webfilter-violation', 'traffic-violation'];

export function automationShapes(version: string): AutomationShapes {
	const [major, minor, patch] = version.replace(/^v/, '').split('.').map(Number);
	const atLeast = (a: number, b: number, c: number) => (major - a || minor - b || patch - c) >= 0;
	const eventTypes = [...EVENT_TYPES_64];
	if (atLeast(7, 0, 0)) eventTypes.push('fabric-event');
	if (atLeast(7, 2, 0)) eventTypes.push(...EVENT_TYPES_72);
	if (atLeast(7, 2, 1)) eventTypes.push('local-cert-near-expiry');
	if (atLeast(7, 6, 1)) eventTypes.push('stitch');
	return {
		logidTable: major >= 7,
		httpHeaders: (major === 7 && minor === 0 && patch >= 6) || (major === 7 && minor === 2 && patch >= 1) || atLeast(7, 4, 0),
		stitchActions: atLeast(7, 0, 1),
		description: major >= 7,
		eventTypes,
	};
}

/** Name limits: trigger and stitch 35 characters, action 64. */
const NAME_LIMITS: Record<Kind, number> = { 'automation-trigger': 35, 'automation-action': 64, 'automation-stitch': 35 };

/** What the device sent to a webhook action, for tests. */
export interface Delivery {
	stitch: string;
	url: string;
	method: string;
	headers: Record<string, string>;
	body: string;
	status: number | 'failed';
}

/** A log entry that fires triggers: its 5-digit message ID and fields. */
export interface RaisedEvent {
	eventType: string;
	logid?: number;
	fields?: Record<string, string>;
}

/**
 * The global automation tables (trigger, action, stitch) with the field
 * names of the profile's version, FortiOS's referential checks (-3 missing
 * reference, -23 in use, -4 table full), attributes the version does not know
 * dropped silently as CMDB does, and stitches that really fire: a raised
 * event, or the stitch test endpoint, makes the emulator call each webhook
 * action exactly as configured.
 */
export class Automation {
	readonly shapes: AutomationShapes;
	readonly deliveries: Delivery[] = [];
	/** Test events whose log named another logid than the trigger's: FortiOS does not fire those. */
	unmatchedTestEvents = 0;
	/** Entries per table (512 global on 7.6.5); a test lowers one to fill it. */
	readonly tableSizes: Record<Kind, number> = { 'automation-trigger': 512, 'automation-action': 512, 'automation-stitch': 512 };
	private readonly tables: Record<Kind, Map<string, Row>> = {
		'automation-trigger': new Map(),
		'automation-action': new Map(),
		'automation-stitch': new Map(),
	};
	private readonly inFlight = new Set<Promise<void>>();

	constructor(version: string) {
		this.shapes = automationShapes(version);
		// A stitch every FortiGate ships with, so that tables are never empty.
		this.tables['automation-trigger'].set('Firmware upgrade notification', { name: 'Firmware upgrade notification', 'event-type': 'event-log', logid: this.shapes.logidTable ? [{ id: 32203 }] : 32203 });
	}

	/** Names of every object of a kind (for tests: what n8n left behind). */
	names(kind: Kind): string[] {
		return [...this.tables[kind].keys()];
	}

	row(kind: Kind, name: string): Row | undefined {
		return this.tables[kind].get(name);
	}

	/** Fires every enabled stitch whose trigger matches the event, and waits for the deliveries. */
	async raiseEvent(event: RaisedEvent): Promise<Delivery[]> {
		const log = logEntry(event.logid ?? 0, event.fields ?? {});
		const matching = [...this.tables['automation-stitch'].values()].filter((stitch) => stitch.status === 'enable' && this.matches(String(stitch.trigger), event));
		return await Promise.all(matching.map(async (stitch) => await this.fire(stitch, log)));
	}

	/** Waits until every delivery started by the test endpoint has ended. */
	async settled(): Promise<void> {
		await Promise.all([...this.inFlight]);
	}

	endpoint(method: string, path: string): Endpoint | undefined {
		if (path.startsWith('/api/v2/monitor/system/automation-stitch/')) return this.monitorEndpoint(method, path.slice('/api/v2/monitor/system/automation-stitch/'.length));
		if (!path.startsWith('/api/v2/cmdb/system/')) return undefined;
		const [kind, name, extra] = pathParts(path.slice('/api/v2/cmdb/system/'.length));
		if (!(kind in this.tables) || extra !== undefined) return undefined;
		const table = kind as Kind;
		const base = { path: 'system', name: kind, accessGroup: 'sysgrp' as const, write: method !== 'GET', cmdb: true };
		switch (method) {
			case 'GET':
				return { ...base, results: () => this.select(table, name) };
			case 'POST':
				return name === undefined ? { ...base, results: ({ body }) => this.create(table, body) } : undefined;
			case 'PUT':
				return name === undefined ? undefined : { ...base, results: ({ body }) => this.update(table, name, body) };
			case 'DELETE':
				return name === undefined ? undefined : { ...base, results: () => this.remove(table, name) };
			default:
				return undefined;
		}
	}

	private monitorEndpoint(method: string, action: string): Endpoint | undefined {
		const base = { path: 'system', name: 'automation-stitch', accessGroup: 'sysgrp' as const };
		if (method === 'POST' && action === 'test') {
			return {
				...base,
				action: 'test',
				write: true,
				results: ({ body }) => {
					const stitch = this.tables['automation-stitch'].get(String(body.mkey ?? ''));
					if (!stitch) throw new DeviceError(404, -3);
					const fields = parseLogLine(String(body.log ?? ''));
					// fortios-automation-stitch.md, "Testing and counters": the log's logid must match the
					// trigger's own value (the 5-digit form); without one FortiOS uses the trigger's. Any other
					// form (the unverified 10-digit one) is taken as not matching: the stitch does not fire.
					const triggerIds = this.triggerLogIds(String(stitch.trigger ?? ''));
					const logid = fields.logid === undefined ? triggerIds[0] : /^\d{1,5}$/.test(fields.logid) ? Number(fields.logid) : undefined;
					if (logid === undefined || (triggerIds.length > 0 && !triggerIds.includes(logid))) {
						this.unmatchedTestEvents++;
						return {};
					}
					const delivery = this.fire(stitch, logEntry(logid, fields)).then(() => undefined);
					this.inFlight.add(delivery);
					void delivery.finally(() => this.inFlight.delete(delivery));
					return {};
				},
			};
		}
		if (method === 'GET' && action === 'stats') {
			return { ...base, action: 'stats', results: ({ params }) => ({ mkey: params.get('mkey'), trigger_count: this.deliveries.filter((entry) => entry.stitch === params.get('mkey')).length }) };
		}
		return undefined;
	}

	private select(kind: Kind, name: string | undefined): WithFields {
		if (name === undefined) return new WithFields(structuredClone([...this.tables[kind].values()]), {});
		const row = this.tables[kind].get(name);
		if (!row) throw new DeviceError(404, -3);
		return new WithFields(structuredClone([row]), {});
	}

	private create(kind: Kind, body: Record<string, unknown>): WithFields {
		const table = this.tables[kind];
		const name = String(body.name ?? '');
		if (!name || name.length > NAME_LIMITS[kind]) throw new DeviceError(500, -651);
		if (table.has(name)) throw new DeviceError(500, -5);
		if (table.size >= this.tableSizes[kind]) throw new DeviceError(500, -4);
		table.set(name, this.validRow(kind, { ...body, name }));
		return new WithFields(undefined, { mkey: name });
	}

	private update(kind: Kind, name: string, body: Record<string, unknown>): WithFields {
		const existing = this.tables[kind].get(name);
		if (!existing) throw new DeviceError(404, -3);
		this.tables[kind].set(name, this.validRow(kind, { ...existing, ...body, name }));
		return new WithFields(undefined, { mkey: name });
	}

	private remove(kind: Kind, name: string): WithFields {
		if (!this.tables[kind].has(name)) throw new DeviceError(404, -3);
		if (this.isReferenced(kind, name)) throw new DeviceError(500, -23);
		this.tables[kind].delete(name);
		return new WithFields(undefined, { mkey: name });
	}

	private isReferenced(kind: Kind, name: string): boolean {
		const stitches = [...this.tables['automation-stitch'].values()];
		if (kind === 'automation-trigger') return stitches.some((stitch) => stitch.trigger === name);
		if (kind === 'automation-action') return stitches.some((stitch) => this.stitchActionNames(stitch).includes(name));
		return false;
	}

	/** Keeps the attributes this version knows and checks the values it would refuse (-651) or the references it cannot resolve (-3). */
	private validRow(kind: Kind, body: Record<string, unknown>): Row {
		const { shapes } = this;
		const known: Record<Kind, string[]> = {
			'automation-trigger': ['name', 'trigger-type', 'event-type', 'logid', 'fields', ...(shapes.description ? ['description'] : [])],
			'automation-action': ['name', 'action-type', 'protocol', 'method', 'uri', 'port', 'http-body', 'verify-host-cert', shapes.httpHeaders ? 'http-headers' : 'headers'],
			'automation-stitch': ['name', 'status', 'trigger', shapes.stitchActions ? 'actions' : 'action', ...(shapes.description ? ['description'] : [])],
		};
		const row = Object.fromEntries(Object.entries(body).filter(([key]) => known[kind].includes(key))) as Row;
		if (kind === 'automation-trigger') this.checkTrigger(row);
		if (kind === 'automation-action') checkWebhookAction(row);
		if (kind === 'automation-stitch') this.checkStitch(row);
		return { ...row, q_origin_key: row.name };
	}

	private checkTrigger(row: Row): void {
		if (!this.shapes.eventTypes.includes(String(row['event-type'] ?? 'ioc'))) throw new DeviceError(500, -651);
		if (row['event-type'] !== 'event-log') return;
		const ids = this.shapes.logidTable ? row.logid : [{ id: row.logid }];
		const valid =
			Array.isArray(ids) &&
			ids.length >= 1 &&
			ids.length <= 16 &&
			ids.every((entry) => Number.isInteger((entry as { id?: unknown }).id) && Number((entry as { id: number }).id) >= 1 && Number((entry as { id: number }).id) <= 65535);
		if (!valid) throw new DeviceError(500, -651);
		if (Array.isArray(row.fields) && row.fields.length > 5) throw new DeviceError(500, -651);
	}

	private checkStitch(row: Row): void {
		if (!this.tables['automation-trigger'].has(String(row.trigger ?? ''))) throw new DeviceError(500, -3);
		if (!this.stitchActionNames(row).every((name) => this.tables['automation-action'].has(name))) throw new DeviceError(500, -3);
	}

	private stitchActionNames(stitch: Row): string[] {
		const list = (this.shapes.stitchActions ? stitch.actions : stitch.action) as Array<{ name?: string; action?: string }> | undefined;
		return (list ?? []).map((entry) => String(entry.action ?? entry.name ?? ''));
	}

	/** The trigger's log IDs in either shape (a table on 7.x, one integer on 6.4); none for other event types. */
	private triggerLogIds(triggerName: string): number[] {
		const logid = this.tables['automation-trigger'].get(triggerName)?.logid;
		if (logid === undefined) return [];
		return Array.isArray(logid) ? (logid as Array<{ id: number }>).map((entry) => Number(entry.id)) : [Number(logid)];
	}

	private matches(triggerName: string, event: RaisedEvent): boolean {
		const trigger = this.tables['automation-trigger'].get(triggerName);
		if (!trigger || trigger['event-type'] !== event.eventType) return false;
		if (event.eventType !== 'event-log') return true;
		if (!this.triggerLogIds(triggerName).includes(event.logid ?? -1)) return false;
		const filters = (trigger.fields ?? []) as Array<{ name: string; value: string }>;
		return filters.every((filter) => wildcard(filter.value).test(event.fields?.[filter.name] ?? ''));
	}

	/** Calls every webhook action of a stitch as configured: method, URL, headers, body with %%log%% expanded. */
	private async fire(stitch: Row, log: Record<string, string>): Promise<Delivery> {
		const actions = this.stitchActionNames(stitch).map((name) => this.tables['automation-action'].get(name)!);
		let last: Delivery | undefined;
		for (const action of actions) last = await this.deliver(stitch.name, action, log);
		return last ?? { stitch: stitch.name, url: '', method: '', headers: {}, body: '', status: 'failed' };
	}

	private async deliver(stitch: string, action: Row, log: Record<string, string>): Promise<Delivery> {
		const [host, ...path] = String(action.uri).split('/');
		const protocol = action.protocol === 'http' ? 'http' : 'https';
		const url = `${protocol}://${host.replace(/:\d+$/, '')}:${Number(action.port)}/${path.join('/')}`;
		const headers: Record<string, string> = {};
		for (const header of (action['http-headers'] ?? []) as Array<{ key: string; value: string }>) headers[header.key.toLowerCase()] = header.value;
		for (const header of (action.headers ?? []) as Array<{ header: string }>) {
			const index = header.header.indexOf(':');
			headers[header.header.slice(0, index).trim().toLowerCase()] = header.header.slice(index + 1).trim();
		}
		const body = String(action['http-body'] ?? '')
			.replace(/%%log%%/g, JSON.stringify(log))
			.replace(/%%log\.([\w-]+)%%/g, (_match, field: string) => log[field] ?? '');
		const method = String(action.method ?? 'post').toUpperCase();
		const status = await send(url, method, headers, body, action['verify-host-cert'] !== 'disable');
		const delivery: Delivery = { stitch, url, method, headers, body, status };
		this.deliveries.push(delivery);
		return delivery;
	}
}

function checkWebhookAction(row: Row): void {
	const uri = String(row.uri ?? '');
	if (row['action-type'] !== 'webhook' || !uri || uri.includes('://') || uri.length > 1023) throw new DeviceError(500, -651);
	if (!['http', 'https'].includes(String(row.protocol ?? 'http'))) throw new DeviceError(500, -651);
}

function send(url: string, method: string, headers: Record<string, string>, body: string, verify: boolean): Promise<number | 'failed'> {
	return new Promise((resolve) => {
		const client = url.startsWith('https:') ? https : http;
		const request = client.request(url, { method, headers: { ...headers, 'content-length': Buffer.byteLength(body) }, rejectUnauthorized: verify, timeout: 10_000 }, (response) => {
			response.resume();
			response.on('end', () => resolve(response.statusCode ?? 0));
		});
		request.on('error', () => resolve('failed'));
		request.on('timeout', () => request.destroy());
		request.end(body);
	});
}

/** A FortiOS event log entry as `%%log%%` expands it: the 10-digit log ID and the usual header fields. */
function logEntry(logid: number, fields: Record<string, string>): Record<string, string> {
	const now = new Date();
	return {
		date: now.toISOString().slice(0, 10),
		time: now.toISOString().slice(11, 19),
		eventtime: String(now.getTime() * 1_000_000),
		type: 'event',
		subtype: 'system',
		level: 'information',
		vd: 'root',
		...fields,
		logid: `01000${String(logid).padStart(5, '0')}`,
	};
}

/** `key="value" key2=value2` as in a FortiOS log line. */
function parseLogLine(line: string): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const match of line.matchAll(/([\w-]+)=(?:"((?:[^"\\]|\\.)*)"|(\S+))/g)) fields[match[1]] = match[2] ?? match[3];
	return fields;
}

function wildcard(pattern: string): RegExp {
	return new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}
