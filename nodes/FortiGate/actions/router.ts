import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { runOperation, type OperationTable } from '../../shared/runItems';
import { readTimeoutMs } from '../../shared/executionOptions';
import type { FortiGateSession } from '../transport/FortiGateSession';
import { openFortiGateSession } from '../transport/openSession';
import { runThroughFortiManager } from './throughFortiManager';
import * as address from './address';
import * as addressGroup from './addressGroup';
import * as custom from './custom';
import * as bannedIp from './bannedIp';
import * as dhcpLease from './dhcpLease';
import * as firewallPolicy from './firewallPolicy';
import * as firmware from './firmware';
import * as ha from './ha';
import * as networkInterface from './interface';
import * as system from './system';
import * as vpnTunnel from './vpnTunnel';
import type { FortiGateMap } from './node.type';

export const operations: OperationTable<FortiGateSession, FortiGateMap> = {
	system: { backupConfig: system.backupConfig, getStatus: system.getStatus, reboot: system.reboot, shutdown: system.shutdown },
	address: { create: address.create, delete: address.delete, get: address.get, getMany: address.getMany, update: address.update },
	addressGroup: { addMembers: addressGroup.addMembers, getMany: addressGroup.getMany, removeMembers: addressGroup.removeMembers },
	custom: { apiRequest: custom.apiRequest },
	bannedIp: { add: bannedIp.add, getMany: bannedIp.getMany, remove: bannedIp.remove, removeAll: bannedIp.removeAll },
	dhcpLease: { getMany: dhcpLease.getMany },
	firewallPolicy: {
		create: firewallPolicy.create,
		delete: firewallPolicy.delete,
		disable: firewallPolicy.disable,
		enable: firewallPolicy.enable,
		get: firewallPolicy.get,
		getMany: firewallPolicy.getMany,
		getStatistics: firewallPolicy.getStatistics,
		move: firewallPolicy.move,
		update: firewallPolicy.update,
	},
	firmware: { getStatus: firmware.getStatus },
	ha: { getStatus: ha.getStatus },
	interface: { getMany: networkInterface.getMany },
	vpnTunnel: { bringDown: vpnTunnel.bringDown, bringUp: vpnTunnel.bringUp, getMany: vpnTunnel.getMany },
};

/**
 * Dispatches every item to its operation over one FortiGate session (one
 * login, one logout), or, through a FortiManager, over one session per
 * target device inside one FortiManager session.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	if (this.getNodeParameter('authentication', 0) === 'fortiManager') return await runThroughFortiManager(this, operations);
	return await runOperation(this, operations, async (redactor) => await openFortiGateSession(this, { timeoutMs: readTimeoutMs(this), redactor }));
}
