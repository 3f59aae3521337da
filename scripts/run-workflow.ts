import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { executionJson, type CredentialExport, type WorkflowExport } from './lib/n8n';
import { asManualWorkflow, prepareN8n } from './lib/lab';
import { say } from './lib/runtime';

/**
 * `npm run workflow -- --workflow W.json --credentials C.json`
 * Packs the package, installs it into a throwaway n8n folder, imports C (n8n's
 * credential export shape, plain `data`) and W, executes W once with the
 * pinned n8n, and prints only n8n's execution result JSON on stdout. Exit code
 * 0 if and only if the execution succeeded; otherwise the failing node's error
 * goes to stderr. The workflow starts from a Manual Trigger, or from a
 * Schedule Trigger as if the schedule fired now; webhook-triggered workflows
 * need a running n8n (npm start, npm run demo).
 */
function option(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

function failureOf(result: Record<string, unknown> | undefined): string | undefined {
	const data = (result?.data ?? result) as { resultData?: { error?: { message?: string; description?: string; node?: { name?: string } }; lastNodeExecuted?: string } } | undefined;
	const error = data?.resultData?.error;
	if (!error) return undefined;
	const node = error.node?.name ?? data?.resultData?.lastNodeExecuted ?? 'workflow';
	return `${node}: ${error.message ?? 'failed'}${error.description ? `\n${error.description}` : ''}`;
}

async function main(): Promise<number> {
	const workflowFile = option('workflow');
	const credentialsFile = option('credentials');
	if (!workflowFile) {
		say('Usage: npm run workflow -- --workflow W.json [--credentials C.json]');
		return 2;
	}
	const workflow = asManualWorkflow(JSON.parse(readFileSync(resolve(workflowFile), 'utf8')) as WorkflowExport);
	workflow.id ||= 'runWorkflow00001';
	const folder = mkdtempSync(join(tmpdir(), 'n8n-fortinet-run-'));
	try {
		const n8n = prepareN8n({ folder, port: 5700 + Math.floor(Math.random() * 500) * 2 });
		if (credentialsFile) n8n.importCredentials(JSON.parse(readFileSync(resolve(credentialsFile), 'utf8')) as CredentialExport[]);
		n8n.importWorkflows([workflow]);
		say(`Executing "${workflow.name}"…`);
		// The result is printed at log level info.
		const run = n8n.cli(['execute', `--id=${workflow.id}`, '--rawOutput'], { N8N_LOG_LEVEL: 'info' });
		const result = executionJson(run.stdout);
		if (result) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
		const failure = failureOf(result);
		if (run.status === 0 && result && !failure) return 0;
		const stored = n8n.lastExecutionError();
		say(failure ?? (stored?.message ? `${stored.node ?? 'workflow'}: ${stored.message}${stored.description ? `\n${stored.description}` : ''}` : `${run.stdout}\n${run.stderr}`.trim()));
		return 1;
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

main().then(
	(code) => process.exit(code),
	(error) => {
		say(error instanceof Error ? error.message : String(error));
		process.exit(1);
	},
);
