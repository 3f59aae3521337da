/**
 * The FortiGate node's resources and their operations (DESIGN.md section 2).
 * The router's table is typed by this map: an operation named here without
 * its module does not compile.
 */
export type FortiGateMap = {
	address: 'create' | 'delete' | 'get' | 'getMany' | 'update';
	addressGroup: 'addMembers' | 'getMany' | 'removeMembers';
	bannedIp: 'add' | 'getMany' | 'remove' | 'removeAll';
	custom: 'apiRequest';
	dhcpLease: 'getMany';
	firewallPolicy: 'create' | 'delete' | 'disable' | 'enable' | 'get' | 'getMany' | 'getStatistics' | 'move' | 'update';
	firmware: 'getStatus';
	ha: 'getStatus';
	interface: 'getMany';
	system: 'backupConfig' | 'getStatus' | 'reboot' | 'shutdown';
	vpnTunnel: 'bringDown' | 'bringUp' | 'getMany';
};
