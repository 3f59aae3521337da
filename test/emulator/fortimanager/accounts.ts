/** Demo accounts of the emulated FortiManager; they exist only here. */
export type RpcPermit = 'read-write' | 'read' | 'none';

export interface FmgAdmin {
	user: string;
	passwd: string;
	rpcPermit: RpcPermit;
	/** System rights: without them /sys/status answers -11 (fortimanager-jsonrpc.md section 3). */
	systemRights: boolean;
}

export interface FmgApiKey {
	name: string;
	key: string;
	rpcPermit: RpcPermit;
	systemRights: boolean;
}

export const FMG_ADMINS: readonly FmgAdmin[] = Object.freeze([
	{ user: 'fmg-admin', passwd: 'Fmg-Demo-2026', rpcPermit: 'read-write', systemRights: true },
	{ user: 'fmg-reader', passwd: 'Reader-Demo-2026', rpcPermit: 'read', systemRights: true },
	{ user: 'fmg-norpc', passwd: 'Norpc-Demo-2026', rpcPermit: 'none', systemRights: true },
	{ user: 'fmg-operator', passwd: 'Operator-Demo-2026', rpcPermit: 'read-write', systemRights: false },
]);

export const FMG_API_KEYS: readonly FmgApiKey[] = Object.freeze([
	{ name: 'n8n-api', key: 'fmgk9q7w5e3r1t8y6u4i2o0p9a7s5d3f1', rpcPermit: 'read-write', systemRights: true },
	{ name: 'n8n-readonly', key: 'fmgk1z3x5c7v9b2n4m6l8k0j1h3g5f7d9', rpcPermit: 'read', systemRights: true },
]);
