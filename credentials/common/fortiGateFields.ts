import type { INodeProperties } from 'n8n-workflow';

/** Fields both FortiGate credentials start with. */
export const baseUrlField: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: '',
	placeholder: 'https://192.0.2.1:8443',
	required: true,
	description: 'Address of the FortiGate: https://host or https://host:port (the admin HTTPS port), without a path',
};

export const vdomField: INodeProperties = {
	displayName: 'VDOM',
	name: 'vdom',
	type: 'string',
	default: '',
	placeholder: 'root',
	description: 'Default VDOM for every request; empty uses the account\'s default. The node\'s VDOM option overrides it; * means every VDOM.',
};

export const fortiGateIcon = { light: 'file:../nodes/FortiGate/fortigate.svg', dark: 'file:../nodes/FortiGate/fortigate.dark.svg' } as const;
