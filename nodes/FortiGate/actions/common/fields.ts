import type { INodeProperties } from 'n8n-workflow';

/** The IPv4 / IPv6 / both choice of the report operations. */
export function ipVersionField(
	defaultValue: 'ipv4' | 'both',
	description: string,
): INodeProperties {
	return {
		displayName: 'IP Version',
		name: 'ipVersion',
		type: 'options',
		options: [
			{ name: 'IPv4', value: 'ipv4' },
			{ name: 'IPv6', value: 'ipv6' },
			{ name: 'Both', value: 'both' },
		],
		default: defaultValue,
		description,
	};
}
