import type { IDataObject } from 'n8n-workflow';
import type { FortiManagerSession, RpcCall } from '../../transport/FortiManagerSession';

/** JSON-RPC codes for a URL FortiManager does not serve (fortimanager-jsonrpc.md section 1). */
const INVALID_URL = -6;
const COMMAND_INVALID_FOR_URL = -9;

/**
 * The CLI script table of an ADOM, where FortiManager keeps it: under
 * /dvmdb, or from 7.6.5 under /pm/config/.../obj/fmg/script
 * (fortimanager-jsonrpc.md section 5).
 */
function scriptTables(adom: string): string[] {
	const encoded = encodeURIComponent(adom);
	return [`/dvmdb/adom/${encoded}/script`, `/pm/config/adom/${encoded}/obj/fmg/script`];
}

/**
 * Stores a script and returns the table that took it. The table is found
 * by trying: a FortiManager that moved its scripts refuses the older URL
 * (what it answers is unknown, so both "invalid URL" codes count).
 */
export async function addScript(session: FortiManagerSession, adom: string, script: IDataObject, purpose: string): Promise<string> {
	const [older, newer] = scriptTables(adom);
	const call = (url: string): RpcCall => ({ method: 'add', url, data: script, purpose });
	const first = await session.result(call(older));
	if (first.status.code === 0) return older;
	if (first.status.code !== INVALID_URL && first.status.code !== COMMAND_INVALID_FOR_URL) throw session.explain(first.status, call(older));
	await session.call(call(newer));
	return newer;
}
