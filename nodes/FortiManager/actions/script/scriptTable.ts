import type { FortiManagerSession, RpcCall } from '../../transport/FortiManagerSession';

/** JSON-RPC codes for a URL FortiManager does not serve (fortimanager-jsonrpc.md section 1). */
const INVALID_URL = -6;
const COMMAND_INVALID_FOR_URL = -9;

/**
 * Runs a call on an ADOM's CLI script table, where FortiManager keeps it:
 * under /dvmdb, or from 7.6.5 under /pm/config/.../obj/fmg/script
 * (fortimanager-jsonrpc.md section 5). The table is found by trying: a
 * FortiManager that moved its scripts refuses the older URL (what it
 * answers is unknown, so both "not served" codes count). Returns the data
 * and the table that answered.
 */
export async function onScriptTable(session: FortiManagerSession, adom: string, call: (table: string) => RpcCall): Promise<{ data: unknown; table: string }> {
	const encoded = encodeURIComponent(adom);
	const older = `/dvmdb/adom/${encoded}/script`;
	const newer = `/pm/config/adom/${encoded}/obj/fmg/script`;
	const first = await session.result(call(older));
	if (first.status.code === 0) return { data: first.data, table: older };
	if (first.status.code !== INVALID_URL && first.status.code !== COMMAND_INVALID_FOR_URL) throw session.explain(first.status, call(older));
	return { data: await session.call(call(newer)), table: newer };
}
