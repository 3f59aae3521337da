import { HookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IHookFunctions,
	INode,
	INodeParameters,
	INodeType,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { credentialsHelperFor, singleNodeWorkflow } from './singleNodeWorkflow';

export interface HookHarness {
	workflow: Workflow;
	node: INode;
	/** The node's static data, as n8n would save it after activation. */
	staticData(): Record<string, unknown>;
	/**
	 * Calls one of the node's webhook methods (checkExists, create, delete) in
	 * n8n's own HookContext. `test` marks the test webhook, as n8n's
	 * test-webhooks.ts does for every call of a "Listen for test event",
	 * including its delete in mode `internal`; by default only mode `manual` is.
	 */
	call(method: 'checkExists' | 'create' | 'delete', mode?: WorkflowExecuteMode, test?: boolean): Promise<boolean>;
	/** The URL n8n would give the node's webhook. */
	webhookUrl(mode?: WorkflowExecuteMode): string;
}

/**
 * A saved workflow holding one trigger node, with n8n-core's HookContext for
 * its activation hooks: parameters resolved with their defaults, credentials
 * through n8n's checks, static data kept on the workflow between calls.
 */
export function hookHarness(options: {
	nodeType: INodeType;
	typeName: string;
	parameters: INodeParameters;
	credentialType: string;
	credentials: ICredentialDataDecryptedObject;
	webhookBaseUrl: string;
	workflowId?: string;
}): HookHarness {
	const { nodeType } = options;
	const { workflow, node } = singleNodeWorkflow({
		...options,
		node: { id: '7f3c9a1e-0000-4000-8000-000000000001', webhookId: 'b4d0c2f1-0000-4000-8000-0000000000aa' },
		workflow: { id: options.workflowId ?? 'Wf7aB3cD9eF1gH2j', active: true },
	});
	const logs: string[] = [];
	const additionalData = {
		credentialsHelper: credentialsHelperFor(options.credentials),
		logger: { debug: () => undefined, info: () => undefined, warn: (message: string) => logs.push(message), error: (message: string) => logs.push(message) },
		variables: {},
		webhookBaseUrl: `${options.webhookBaseUrl}/webhook`,
		webhookTestBaseUrl: `${options.webhookBaseUrl}/webhook-test`,
		instanceBaseUrl: options.webhookBaseUrl,
		restApiUrl: `${options.webhookBaseUrl}/rest`,
		userId: 'user-1',
	} as unknown as IWorkflowExecuteAdditionalData;
	const webhookData = (isTest: boolean) => ({
		httpMethod: 'POST' as const,
		node: node.name,
		path: `${node.webhookId}/webhook`,
		webhookDescription: nodeType.description.webhooks![0],
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		isTest,
	});
	const context = (mode: WorkflowExecuteMode, test = mode === 'manual') =>
		new HookContext(workflow, node, additionalData, mode, mode === 'manual' ? 'manual' : mode === 'internal' ? 'update' : 'activate', webhookData(test));
	return {
		workflow,
		node,
		staticData: () => workflow.getStaticData('node', node) as Record<string, unknown>,
		call: async (method, mode = 'trigger', test?: boolean) => {
			const hook = nodeType.webhookMethods!.default![method] as (this: IHookFunctions) => Promise<boolean>;
			return await hook.call(context(mode, test));
		},
		webhookUrl: (mode = 'trigger') => context(mode).getNodeWebhookUrl('default')!,
	};
}
