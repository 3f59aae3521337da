import { randomUUID } from 'node:crypto';
import type { WorkflowExport } from '../../scripts/lib/n8n';
import { CREDENTIAL_REFS } from '../../scripts/lib/lab';

type CredentialType = keyof typeof CREDENTIAL_REFS;

/**
 * A focused workflow: Webhook -> one node running one operation -> the
 * webhook answers with every item the node produced.
 */
export function focusedWorkflow(options: {
	id: string;
	nodeType: 'fortiGate' | 'fortiClientEms' | 'fortiManager';
	credentialType: CredentialType;
	parameters: Record<string, unknown>;
	/** Another credential of that type than the examples' (a second device). */
	credential?: { id: string; name: string };
	/** The node's On Error setting; `continueRegularOutput` is Continue On Fail. */
	onError?: 'continueRegularOutput';
	/** The node version the workflow was saved with; 1 unless a test is about a newer one. */
	typeVersion?: number;
}): WorkflowExport {
	return {
		id: options.id,
		name: `e2e ${options.id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path: options.id, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			},
			{
				id: randomUUID(),
				name: 'Operation',
				type: `n8n-nodes-fortinet.${options.nodeType}`,
				typeVersion: options.typeVersion ?? 1,
				position: [220, 0],
				parameters: options.parameters,
				...(options.onError ? { onError: options.onError } : {}),
				credentials: { [options.credentialType]: options.credential ?? CREDENTIAL_REFS[options.credentialType] },
			},
		],
		connections: { Webhook: { main: [[{ node: 'Operation', type: 'main', index: 0 }]] } },
	};
}
