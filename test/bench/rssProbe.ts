import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { runEms } from '../harness/fortiClientEms';

/**
 * Runs one EMS Return All in a fresh process and reports its peak RSS growth
 * and the JSON size of the result, so that nothing measured before inflates
 * the baseline. argv[2]: the credential data as JSON.
 */
async function main(): Promise<void> {
	const credentials = JSON.parse(process.argv[2]) as ICredentialDataDecryptedObject;
	// Load and warm the code paths first: the baseline is a process ready to run.
	await runEms({ authentication: 'onPremLogin', parameters: { resource: 'endpoint', operation: 'getMany', limit: 1 }, credentials });
	(globalThis as { gc?: () => void }).gc?.();
	const baseline = process.memoryUsage().rss;
	let peak = baseline;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
	const result = await runEms({ authentication: 'onPremLogin', parameters: { resource: 'endpoint', operation: 'getMany', returnAll: true }, credentials });
	peak = Math.max(peak, process.memoryUsage().rss);
	clearInterval(sampler);
	const json = Buffer.byteLength(JSON.stringify(result.output.map((item) => item.json)));
	process.send!({ growth: peak - baseline, json, items: result.output.length });
}

void main();
