import { LoadOptionsContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INodeListSearchResult, INodeParameters, INodeType, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { credentialsHelperFor, singleNodeWorkflow } from './singleNodeWorkflow';

/**
 * Calls a node's list search as the editor does when a "From List" dropdown
 * opens: inside n8n's own LoadOptionsContext, with the node's current
 * parameters and credential.
 */
export async function runListSearch(options: ListOptions & { method: string; filter?: string; paginationToken?: string }): Promise<INodeListSearchResult> {
	const search = options.nodeType.methods?.listSearch?.[options.method];
	if (!search) throw new Error(`No list search ${options.method}`);
	return await search.call(listContext(options), options.filter, options.paginationToken);
}

interface ListOptions {
	nodeType: INodeType;
	typeName: string;
	parameters: INodeParameters;
	credentialType: string;
	credentials: ICredentialDataDecryptedObject;
}

/** n8n's LoadOptionsContext for a node with these parameters and this credential. */
export function listContext(options: ListOptions): LoadOptionsContext {
	const { workflow, node } = singleNodeWorkflow(options);
	const additionalData = { credentialsHelper: credentialsHelperFor(options.credentials), currentNodeParameters: node.parameters } as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters.value');
}
