import { ExecuteContext } from 'n8n-core';
import { credentialsHelperFor, singleNodeWorkflow } from './singleNodeWorkflow';
import {
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type IRunExecutionData,
	type IWorkflowExecuteAdditionalData,
	type NodeExecutionHint,
} from 'n8n-workflow';

export interface RunNodeOptions {
	nodeType: INodeType;
	typeName: string;
	parameters: INodeParameters;
	credentialType: string;
	credentials: ICredentialDataDecryptedObject;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** The node version the workflow was saved with; by default the newest, as the editor adds it. */
	typeVersion?: number;
}

export interface RunNodeResult {
	output: INodeExecutionData[];
	hints: NodeExecutionHint[];
	logs: string[];
}

/**
 * Runs a node's real execute() inside n8n's own ExecuteContext (n8n-core), the
 * object n8n hands to nodes: parameters are resolved by n8n's expression
 * engine with the node's defaults applied, credentials are fetched through
 * n8n's credential checks, continueOnFail is read from the node settings.
 * Only the credential store and the logger are provided here.
 */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const { nodeType } = options;
	const { workflow, node } = singleNodeWorkflow({ ...options, node: { continueOnFail: options.continueOnFail ?? false, ...(options.typeVersion === undefined ? {} : { typeVersion: options.typeVersion }) } });
	const logs: string[] = [];
	const record = (level: string) => (message: string) => logs.push(`${level}: ${message}`);
	const additionalData = {
		credentialsHelper: credentialsHelperFor(options.credentials),
		logger: { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') },
		variables: {},
		restApiUrl: 'http://localhost:5678/rest',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		instanceBaseUrl: 'http://localhost:5678',
		userId: 'user-1',
	} as unknown as IWorkflowExecuteAdditionalData;
	const items = options.items ?? [{ json: {} }];
	const runExecutionData = {
		startData: {},
		resultData: { runData: {}, pinData: {} },
		executionData: {
			contextData: {},
			nodeExecutionStack: [],
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;
	const executeData = { node, data: { main: [items] }, source: { main: [{ previousNode: 'Start' }] } };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'manual',
		runExecutionData,
		0,
		items,
		{ main: [items] },
		executeData,
		[],
	);
	const result = await nodeType.execute!.call(context);
	const output = (result as INodeExecutionData[][] | null)?.[0] ?? [];
	return { output, hints: context.hints, logs };
}

/** The JSON of each output item. */
export function jsonOf(result: RunNodeResult): IDataObject[] {
	return result.output.map((item) => item.json);
}
