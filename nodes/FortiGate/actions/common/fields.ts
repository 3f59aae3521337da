import type { INodeProperties } from 'n8n-workflow';

export type IpVersion = 'ipv4' | 'ipv6' | 'both';

/** The IPv4 / IPv6 / both choice of the report operations: both unless told otherwise. */
export function ipVersionField(description: string): INodeProperties {
	return {
		displayName: 'IP Version',
		name: 'ipVersion',
		type: 'options',
		options: [
			{ name: 'IPv4', value: 'ipv4' },
			{ name: 'IPv6', value: 'ipv6' },
			{ name: 'Both', value: 'both' },
		],
		default: 'both',
		description,
	};
}
