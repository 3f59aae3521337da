import { FortinetError } from '../../../shared/errors';

/** FortiOS's limit on the name of an address object or group. */
export const MAX_OBJECT_NAME_LENGTH = 79;

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIpv4(text: string): boolean {
	return IPV4.test(text);
}

/** IPv6 as the WHATWG URL parser reads a bracketed host, which validates every IPv6 notation. */
export function isIpv6(text: string): boolean {
	if (!text.includes(':') || /[^0-9a-fA-F:.]/.test(text)) return false;
	try {
		new URL(`http://[${text}]/`);
		return true;
	} catch {
		return false;
	}
}

function parameterError(message: string, description: string): FortinetError {
	return new FortinetError({ kind: 'parameter', message, description });
}

/** Entries of a list parameter: "a, b c", one per line, or an array from an expression; empty entries dropped. */
export function listEntries(raw: unknown): string[] {
	const values = Array.isArray(raw) ? raw.map((value) => String(value)) : String(raw ?? '').split(/[\s,;]+/);
	return [...new Set(values.map((value) => value.trim()).filter(Boolean))];
}

/** A list of IPv4 / IPv6 addresses, each validated before anything is sent. */
export function parseIpAddresses(raw: unknown, label: string): string[] {
	const entries = listEntries(raw);
	if (entries.length === 0) {
		throw parameterError(`${label} is empty`, 'Give at least one IPv4 or IPv6 address, separated by commas.');
	}
	const invalid = entries.filter((entry) => !isIpv4(entry) && !isIpv6(entry));
	if (invalid.length > 0) {
		throw parameterError(
			`${label}: ${invalid.map((entry) => `"${entry}"`).join(', ')} ${invalid.length === 1 ? 'is not an IP address' : 'are not IP addresses'}`,
			'Give single IPv4 or IPv6 addresses (203.0.113.7, 2001:db8::1), without a prefix length or port. Nothing was sent to the FortiGate.',
		);
	}
	return entries;
}

/** The name of an address object or group, checked against FortiOS's rules. */
export function objectName(raw: unknown, label: string): string {
	const name = String(raw ?? '').trim();
	if (!name) throw parameterError(`${label} is empty`, `Give the ${label.toLowerCase()} as it appears on the FortiGate.`);
	if (name.length > MAX_OBJECT_NAME_LENGTH) {
		throw parameterError(`${label} "${name}" is ${name.length} characters long; FortiOS allows ${MAX_OBJECT_NAME_LENGTH}`, 'Choose a shorter name.');
	}
	return name;
}

/**
 * The path of one CMDB entry. FortiOS decodes the path before splitting it,
 * so a name holding "/" cannot be addressed at all, even encoded.
 */
export function entryPath(table: string, name: string): string {
	if (name.includes('/')) {
		throw parameterError(
			`"${name}" contains "/", which the FortiOS REST API cannot address`,
			'Rename the object on the FortiGate (Policy & Objects) to a name without "/", then run the workflow again.',
		);
	}
	return `/api/v2/cmdb/${table}/${encodeURIComponent(name)}`;
}

const PREFIX_MASKS = Array.from({ length: 33 }, (_, bits) => {
	const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
	return [24, 16, 8, 0].map((shift) => (mask >>> shift) & 255).join('.');
});

/** "10.0.0.0/24", "10.0.0.7" or "10.0.0.0 255.255.255.0" as FortiOS writes a subnet: "10.0.0.0 255.255.255.0". */
export function toSubnet(raw: unknown): string {
	const text = String(raw ?? '').trim();
	const [address, mask, extra] = text.split(/\s*\/\s*|\s+/);
	const valid =
		extra === undefined &&
		isIpv4(address ?? '') &&
		(mask === undefined || (/^\d{1,2}$/.test(mask) && Number(mask) <= 32) || PREFIX_MASKS.includes(mask));
	if (!valid) {
		throw parameterError(
			`"${text}" is not an IPv4 subnet`,
			'Write the subnet as 10.0.0.0/24, 10.0.0.0 255.255.255.0, or a single address such as 203.0.113.7.',
		);
	}
	if (mask === undefined) return `${address} 255.255.255.255`;
	return `${address} ${/^\d{1,2}$/.test(mask) ? PREFIX_MASKS[Number(mask)] : mask}`;
}

/** Whether a text is an IPv4 address or subnet that `toSubnet` accepts. */
export function isIpv4Subnet(text: string): boolean {
	try {
		toSubnet(text);
		return true;
	} catch {
		return false;
	}
}
