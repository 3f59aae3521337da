/** Admin-profile access groups an endpoint needs; `mnt` is System > Maintenance (sysgrp.mnt). */
export type AccessGroup = 'any' | 'sysgrp' | 'netgrp' | 'fwgrp' | 'authgrp' | 'vpngrp' | 'mnt';

export interface EndpointRequest {
	vdom: string;
	params: URLSearchParams;
	/** The parsed JSON body of a POST or PUT, {} when none. */
	body: Record<string, unknown>;
	/** The admin or REST API user making the request. */
	user: string;
}

export interface Endpoint {
	/** `path` and `name` of the reply envelope, e.g. "firewall" / "address". */
	path: string;
	name: string;
	action?: string;
	accessGroup: AccessGroup;
	write?: boolean;
	reboot?: boolean;
	shutdown?: boolean;
	/** CMDB replies carry a table revision; monitor replies do not. */
	cmdb?: boolean;
	results: (request: EndpointRequest) => unknown;
}

/**
 * A FortiOS error envelope: `status: "error"` with its HTTP status and error
 * code, and for CMDB writes often the CLI's own words in `cli_error`
 * (fortios-more-operations.md, firewall policies: "show that text").
 */
export class DeviceError extends Error {
	constructor(
		readonly httpStatus: number,
		readonly code: number,
		readonly cliError?: string,
	) {
		super(`FortiOS error ${code}`);
	}
}

/** A reply that is no envelope, such as the configuration backup's text. */
export class RawReply {
	constructor(
		readonly body: string,
		readonly headers: Record<string, string>,
	) {}
}

/** Envelope fields a CMDB write adds beside `results` (mkey, ...). */
export class WithFields {
	constructor(
		readonly results: unknown,
		readonly fields: Record<string, unknown>,
	) {}
}

/**
 * A CMDB path split into table and keys. FortiOS decodes the path before
 * splitting it, so a name holding "/" cannot be addressed, even encoded.
 */
export function pathParts(path: string): string[] {
	return decodeURIComponent(path).split('/').filter(Boolean);
}
