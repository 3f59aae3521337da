import {
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type INode,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
} from 'n8n-workflow';

export interface SingleNodeOptions {
	nodeType: INodeType;
	typeName: string;
	parameters: INodeParameters;
	credentialType: string;
	/** Node fields beyond the usual ones (webhookId, continueOnFail). */
	node?: Partial<INode>;
	workflow?: { id: string; active: boolean };
}

/**
 * A workflow of one node, as n8n builds it: the node's parameters resolved
 * with their defaults by n8n's own NodeHelpers, the credential referenced by
 * type. The harnesses run execute() or the webhook hooks on it.
 */
export function singleNodeWorkflow(options: SingleNodeOptions): { workflow: Workflow; node: INode } {
	const { nodeType } = options;
	const nodeTypes: INodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
	const node: INode = {
		id: 'a1b2c3d4-0000-4000-8000-000000000001',
		name: nodeType.description.displayName,
		type: options.typeName,
		typeVersion: Math.max(...[nodeType.description.version].flat()),
		position: [0, 0],
		parameters: {},
		credentials: { [options.credentialType]: { id: 'cred-1', name: 'Test credential' } },
		...options.node,
	};
	node.parameters = NodeHelpers.getNodeParameters(nodeType.description.properties, options.parameters, true, false, node, nodeType.description) ?? {};
	const { id, active } = options.workflow ?? { id: 'workflow-1', active: false };
	return { workflow: new Workflow({ id, nodes: [node], connections: {}, active, nodeTypes, settings: {} }), node };
}

/** The credential store n8n hands to nodes, holding one decrypted credential. */
export function credentialsHelperFor(credentials: ICredentialDataDecryptedObject) {
	return {
		getDecrypted: async () => ({ ...credentials }),
		isCredentialUsableByNode: () => true,
		getParentTypes: () => [],
		getCredentialsProperties: () => [],
	};
}
