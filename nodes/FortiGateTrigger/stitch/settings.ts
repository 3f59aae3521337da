import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { FortinetError } from '../../shared/errors';
import { findEventType } from './eventTypes';
import type { StitchSettings } from './objects';
import { atLeast, formatVersion, stitchShapes, type FortiOsVersion } from './version';

const MAX_FIELD_FILTERS = 5;
const MINIMUM: FortiOsVersion = { major: 6, minor: 4, patch: 0 };

function refuse(message: string, description: string): FortinetError {
	return new FortinetError({ kind: 'parameter', message, description });
}

/**
 * The node's parameters checked against the device's FortiOS version before
 * anything is created: the event type must exist there, log IDs must fit the
 * version's limits, and the webhook URL must be one the FortiGate can call.
 */
export function readStitchSettings(
	context: IHookFunctions,
	version: FortiOsVersion | undefined,
	identity: { name: string; secret: string },
): StitchSettings {
	if (!version || !atLeast(version, MINIMUM)) {
		throw refuse(
			`The FortiGate Trigger needs FortiOS 6.4 or later; this FortiGate runs ${version ? formatVersion(version) : 'an unknown version'}`,
			'Upgrade the FortiGate, or create the automation stitch by hand (Security Fabric > Automation) with a webhook action to this workflow\'s URL.',
		);
	}
	const eventType = String(context.getNodeParameter('event', 'event-log'));
	const known = findEventType(eventType);
	if (!known || !atLeast(version, known.since)) {
		throw refuse(
			`FortiOS ${formatVersion(version)} has no "${eventType}" trigger${known ? `; it arrived in ${formatVersion(known.since)}` : ''}`,
			'Choose another event; the list in the node shows what this FortiGate supports.',
		);
	}
	const shapes = stitchShapes(version);
	const logIds = eventType === 'event-log' ? readLogIds(context.getNodeParameter('logIds', ''), shapes.logidTable ? 16 : 1) : [];
	const filters = ((context.getNodeParameter('fieldFilters', {}) as IDataObject).filter ?? []) as Array<{ name: string; value: string }>;
	if (filters.length > MAX_FIELD_FILTERS) {
		throw refuse(`${filters.length} field filters; FortiOS allows ${MAX_FIELD_FILTERS} per trigger`, 'Remove filters, or split the event over two workflows.');
	}
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw refuse('n8n has no webhook URL for this node', 'Save the workflow, then activate it again.');
	const options = context.getNodeParameter('options', {}) as IDataObject;
	return {
		...identity,
		eventType,
		logIds,
		fieldFilters: filters.filter((filter) => filter.name).map((filter) => ({ name: String(filter.name).trim(), value: String(filter.value ?? '') })),
		webhookUrl: new URL(url),
		verifyCertificate: options.verifyCertificate !== false,
		shapes,
	};
}

/** "32102, 0100020099" -> [32102, 20099]: the 5-digit message IDs FortiOS expects. */
function readLogIds(raw: unknown, maximum: number): number[] {
	const entries = String(raw ?? '')
		.split(/[\s,;]+/)
		.filter(Boolean);
	if (entries.length === 0) throw refuse('Log IDs is empty', 'Give the 5-digit message ID of the log to react to, such as 32102.');
	const ids = entries.map((entry) => {
		// A 10-digit log ID ends with the 5-digit message ID.
		const id = /^\d{10}$/.test(entry) ? Number(entry.slice(-5)) : /^\d{1,5}$/.test(entry) ? Number(entry) : NaN;
		if (!(id >= 1 && id <= 65535)) {
			throw refuse(`Log IDs: "${entry}" is not a FortiOS log ID`, 'Use the 5-digit message ID (32102) or the 10-digit log ID (0100032102).');
		}
		return id;
	});
	const unique = [...new Set(ids)];
	if (unique.length > maximum) {
		throw refuse(
			`${unique.length} log IDs; this FortiOS version takes ${maximum} per trigger`,
			maximum === 1 ? 'FortiOS 6.4 triggers take one log ID: use one workflow per log ID.' : 'Split the log IDs over two workflows.',
		);
	}
	return unique;
}
