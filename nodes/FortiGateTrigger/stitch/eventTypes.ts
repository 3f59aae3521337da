import type { INodePropertyOptions } from 'n8n-workflow';
import { atLeast, type FortiOsVersion } from './version';

export interface EventType {
	/** FortiOS's `event-type` value. */
	value: string;
	name: string;
	description: string;
	since: FortiOsVersion;
}

const V64: FortiOsVersion = { major: 6, minor: 4, patch: 0 };
const V72: FortiOsVersion = { major: 7, minor: 2, patch: 0 };

/** The FortiOS trigger types a workflow can start from, in an admin's words, with the version that introduced them. */
export const EVENT_TYPES: readonly EventType[] = Object.freeze([
	{ value: 'event-log', name: 'Event Log (by Log ID)', description: 'A log message with one of the given log IDs, such as 32102 (an admin changed a setting) or 20099 (a VPN went down)', since: V64 },
	{ value: 'ioc', name: 'Compromised Host (IOC)', description: 'FortiAnalyzer or FortiGuard flagged a host as compromised', since: V64 },
	{ value: 'ha-failover', name: 'HA Failover', description: 'The HA cluster elected a new primary', since: V64 },
	{ value: 'config-change', name: 'Configuration Change', description: 'An admin saved a configuration change', since: V64 },
	{ value: 'reboot', name: 'Reboot', description: 'The FortiGate restarted', since: V64 },
	{ value: 'high-cpu', name: 'High CPU', description: 'CPU usage crossed the alert threshold', since: V64 },
	{ value: 'low-memory', name: 'Low Memory', description: 'Memory use entered conserve mode', since: V64 },
	{ value: 'license-near-expiry', name: 'License Near Expiry', description: 'A FortiGuard license or contract is about to expire', since: V64 },
	{ value: 'ips-logs', name: 'IPS Log', description: 'The intrusion prevention sensor logged an attack (FortiOS 7.2 and later)', since: V72 },
	{ value: 'anomaly-logs', name: 'Anomaly Log', description: 'A DoS policy logged an anomaly (FortiOS 7.2 and later)', since: V72 },
	{ value: 'virus-logs', name: 'Virus Log', description: 'Antivirus blocked or detected a file (FortiOS 7.2 and later)', since: V72 },
	{ value: 'ssh-logs', name: 'SSH Log', description: 'SSH inspection logged an event (FortiOS 7.2 and later)', since: V72 },
	{ value: 'webfilter-violation', name: 'Web Filter Violation', description: 'Web filtering blocked a site (FortiOS 7.2 and later)', since: V72 },
	{ value: 'traffic-violation', name: 'Traffic Violation', description: 'A policy denied traffic and logged it (FortiOS 7.2 and later)', since: V72 },
]);

export function findEventType(value: string): EventType | undefined {
	return EVENT_TYPES.find((type) => type.value === value);
}

/** The types a FortiOS version knows, as options; every type when the version is not known. */
export function eventTypeOptions(version: FortiOsVersion | undefined): INodePropertyOptions[] {
	return EVENT_TYPES.filter((type) => !version || atLeast(version, type.since)).map(({ name, value, description }) => ({ name, value, description }));
}
